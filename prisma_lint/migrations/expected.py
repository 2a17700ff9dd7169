"""What `prisma migrate` would create on PostgreSQL for a schema, as a `Database` model.

Prisma's choices, as its migration engine makes them: table and column names from `@@map`/`@map`;
scalar types `String` text, `Int` integer, `BigInt` bigint, `Float` double precision, `Decimal`
decimal(65,30), `DateTime` timestamp(3), `Boolean` boolean, `Json` jsonb, `Bytes` bytea, or the
`@db.*` native type; lists are arrays and nullable; `@default(autoincrement())` is a SERIAL,
`now()` is CURRENT_TIMESTAMP, `uuid()`/`cuid()` have no database default, `@updatedAt` neither.
Constraint names: `Table_pkey`, `Table_col_key` (unique index), `Table_col_idx`, `Table_col_fkey`,
unless `map:` names them. A relation's foreign key defaults to ON DELETE RESTRICT (required) or SET NULL
(optional), ON UPDATE CASCADE. Each object's `origin` is its place in the schema.
"""

from __future__ import annotations

from typing import Optional

from prisma_lint.ast.nodes import (ArrayValue, ConstantValue, Field, FunctionCall, Model, NumberValue, Schema,
                                   StringValue)
from prisma_lint.migrations.model import Column, Database, EnumType, ForeignKey, Index, Key, Table, identifier
from prisma_lint.migrations.normalize import default_from_text, type_from_text

__all__ = ["expected_database"]

_SCALARS = {"String": "text", "Int": "int4", "BigInt": "int8", "Float": "float8", "Decimal": "numeric(65,30)",
            "DateTime": "timestamp(3)", "Boolean": "bool", "Json": "jsonb", "Bytes": "bytea"}
_NATIVE = {"text": "text", "varchar": "varchar", "char": "bpchar", "uuid": "uuid", "xml": "xml", "inet": "inet",
           "citext": "citext", "bit": "bit", "varbit": "varbit", "integer": "int4", "smallint": "int2", "oid": "oid",
           "bigint": "int8", "doubleprecision": "float8", "real": "float4", "decimal": "numeric", "money": "money",
           "timestamp": "timestamp", "timestamptz": "timestamptz", "date": "date", "time": "time", "timetz": "timetz",
           "boolean": "bool", "json": "json", "jsonb": "jsonb", "bytea": "bytea"}
_ACTIONS = {"Cascade": "CASCADE", "Restrict": "RESTRICT", "NoAction": "NO ACTION", "SetNull": "SET NULL",
            "SetDefault": "SET DEFAULT"}
_CLIENT_DEFAULTS = {"uuid", "cuid", "nanoid", "ulid"}


def constraint_name(table: str, columns: tuple[str, ...], suffix: str) -> str:
    """Prisma's default name; a name over PostgreSQL's 63 characters keeps its suffix and loses the end of
    the table-and-columns part."""
    stem = "_".join((table,) + columns)
    limit = 63 - len(suffix) - 1
    return identifier(f"{stem[:limit]}_{suffix}")


def _column_type(schema: Schema, f: Field) -> Optional[str]:
    """The column type, or None for a relation field (no column)."""
    if f.type == "Unsupported":
        base = type_from_text(f.unsupported or "")
    else:
        declaration = schema.declaration(f.type) if f.type else None
        if declaration is not None and declaration.kind == "enum":
            base = declaration.database_name if hasattr(declaration, "database_name") else _enum_name(declaration)
        elif declaration is not None:
            return None
        else:
            base = _SCALARS.get(f.type or "", (f.type or "").lower())
        for attribute in f.attributes:
            if attribute.name.startswith("db."):
                native = _NATIVE.get(attribute.name[3:].lower(), attribute.name[3:].lower())
                args = [a.value.value for a in attribute.args if isinstance(a.value, (NumberValue, StringValue))]
                base = native + (f"({','.join(str(a) for a in args)})" if args else "")
                if native == "timestamp" and not args:
                    base = "timestamp"
    return base + "[]" if f.list else base


def _enum_name(enum) -> str:
    mapped = enum.attribute("map")
    value = mapped.arg("name") if mapped is not None else None
    return value.value if isinstance(value, StringValue) else enum.name


def _literal(schema: Schema, f: Field, value) -> Optional[str]:
    if isinstance(value, StringValue):
        return "'" + value.value.replace("'", "''") + "'"
    if isinstance(value, NumberValue):
        return value.value
    if isinstance(value, ConstantValue):
        if value.value in ("true", "false"):
            return value.value
        enum = schema.enum(f.type or "")
        if enum is not None:  # an enum value: its database name
            for member in enum.values:
                if member.name == value.value:
                    mapped = member.attribute("map")
                    name = mapped.arg("name") if mapped is not None else None
                    return "'" + (name.value if isinstance(name, StringValue) else member.name) + "'"
        return "'" + value.value + "'"
    if isinstance(value, ArrayValue):
        return "[" + ",".join(_literal(schema, f, item) or "" for item in value.items) + "]"
    return None


def _default(schema: Schema, f: Field) -> Optional[str]:
    attribute = f.attribute("default")
    if attribute is None:
        return None
    value = attribute.arg("value", 0)
    if isinstance(value, FunctionCall):
        if value.name == "now":
            return "now()"
        if value.name == "autoincrement":
            return "autoincrement()"
        if value.name == "dbgenerated":
            text = value.args[0].value if value.args else None
            return default_from_text(text.value) if isinstance(text, StringValue) else "*"
        if value.name in _CLIENT_DEFAULTS:
            return None
        return "*"  # a function Prisma does not map: not compared
    return _literal(schema, f, value)


def _model_table(schema: Schema, model: Model) -> tuple[Table, list[Index], list[ForeignKey]]:
    table_name = identifier(model.database_name)
    columns: list[Column] = []
    for f in model.fields:
        column_type = _column_type(schema, f)
        if column_type is None:
            continue
        default = _default(schema, f)
        nullable = f.optional or f.list
        if default == "autoincrement()":
            nullable = False
        columns.append(Column(identifier(f.database_name), column_type, nullable, default, f.span))
    primary = model.primary_key
    key = None
    if primary is not None:
        pk_columns = tuple(identifier(c) for c in model.column_names(primary.fields))
        key = Key(identifier(primary.map or f"{table_name}_pkey"), pk_columns)
        columns = [Column(c.name, c.type, False, c.default, c.origin) if c.name in pk_columns else c for c in columns]
    indexes: list[Index] = []
    for index in model.indexes:
        if index.type not in ("unique", "index"):
            continue
        index_columns = tuple(identifier(c) for c in model.column_names(index.fields))
        suffix = "key" if index.type == "unique" else "idx"
        name = index.map or constraint_name(table_name, index_columns, suffix)
        indexes.append(Index(identifier(name), table_name, index_columns, index.type == "unique",
                             index.attribute.span))
    foreign_keys: list[ForeignKey] = []
    for f in model.fields:
        relation = f.relation
        if relation is None or not relation.fields:
            continue
        target = schema.model(f.type or "")
        if target is None:
            continue
        fk_columns = tuple(identifier(c) for c in model.column_names(relation.fields))
        ref_columns = tuple(identifier(c) for c in target.column_names(relation.references))
        on_delete = _ACTIONS.get(relation.on_delete or "", "SET NULL" if f.optional else "RESTRICT")
        on_update = _ACTIONS.get(relation.on_update or "", "CASCADE")
        name = identifier(relation.map or constraint_name(table_name, fk_columns, "fkey"))
        foreign_keys.append(ForeignKey(name, table_name, fk_columns, identifier(target.database_name), ref_columns,
                                       on_delete, on_update, relation.attribute.span))
    return Table(table_name, tuple(columns), key, model.name_span), indexes, foreign_keys


def _implicit_many_to_many(schema: Schema, db: Database, actual: Optional[Database]) -> None:
    """Join tables of implicit many-to-many relations (list fields on both sides, no `fields:`):
    `_AToB` (or `_RelationName`) with columns "A" and "B" pointing at the model whose name sorts first
    and the other, primary key `_AToB_AB_pkey` (Prisma 6; Prisma 5 made a unique index `_AToB_AB_unique`,
    accepted when that is what the migrations built), index `_AToB_B_index`, cascading foreign keys."""
    seen: set[str] = set()
    for model in schema.models:
        for f in model.fields:
            target = schema.model(f.type or "") if f.list else None
            relation = f.relation
            if target is None or (relation is not None and relation.fields):
                continue
            name = relation.name if relation is not None else None
            back = [g for g in target.fields if g.type == model.name and g.list and g is not f
                    and ((g.relation.name if g.relation is not None else None) == name)]
            if not back:
                continue
            first, second = sorted((model, target), key=lambda m: m.name)
            table = identifier("_" + (name or f"{first.name}To{second.name}"))
            if table in seen:
                continue
            seen.add(table)
            columns = []
            for column, side in (("A", first), ("B", second)):
                key = side.primary_key
                key_field = side.field(key.fields[0]) if key is not None and len(key.fields) == 1 else None
                column_type = _column_type(schema, key_field) if key_field is not None else "text"
                columns.append(Column(column, column_type or "text", False, None, f.span))
            legacy = actual is not None and f"{table}_AB_unique" in actual.indexes
            db.tables[table] = Table(table, tuple(columns), None if legacy else Key(f"{table}_AB_pkey", ("A", "B")),
                                     f.span)
            if legacy:
                db.indexes[f"{table}_AB_unique"] = Index(f"{table}_AB_unique", table, ("A", "B"), True, f.span)
            db.indexes[f"{table}_B_index"] = Index(f"{table}_B_index", table, ("B",), False, f.span)
            for column, side in (("A", first), ("B", second)):
                key = side.primary_key
                ref = tuple(side.column_names(key.fields)) if key is not None else ("id",)
                fk = ForeignKey(f"{table}_{column}_fkey", table, (column,), identifier(side.database_name), ref,
                                "CASCADE", "CASCADE", f.span)
                db.foreign_keys[(table, fk.name)] = fk


def expected_database(schema: Schema, actual: Optional[Database] = None) -> Database:
    """The database Prisma would create for `schema` (`actual`, when given, only decides between the
    forms Prisma versions differ in)."""
    db = Database()
    for enum in schema.enums:
        values = []
        for member in enum.values:
            mapped = member.attribute("map")
            name = mapped.arg("name") if mapped is not None else None
            values.append(name.value if isinstance(name, StringValue) else member.name)
        name = identifier(_enum_name(enum))
        db.enums[name] = EnumType(name, tuple(values), enum.name_span, tuple(m.span for m in enum.values))
    for model in schema.models:
        table, indexes, foreign_keys = _model_table(schema, model)
        db.tables[table.name] = table
        for index in indexes:
            db.indexes[index.name] = index
        for fk in foreign_keys:
            db.foreign_keys[(fk.table, fk.name)] = fk
    _implicit_many_to_many(schema, db, actual)
    return db
