"""Replaying migration SQL into a `Database` model, offline, the way PostgreSQL would apply it.

Only what shapes the schema is modelled: CREATE/ALTER/DROP/RENAME of tables, columns, constraints,
indexes and enums (also inside DO blocks). Data statements change nothing here. A statement PostgreSQL
would refuse (altering a table that does not exist, creating one that does) is recorded as a problem
with its position, and the replay goes on.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Optional

from pglast import ast, enums

from prisma_lint.ast.nodes import Span
from prisma_lint.migrations.model import Column, Database, EnumType, ForeignKey, Index, Key, Table, identifier
from prisma_lint.migrations.normalize import default_of, is_serial, type_name
from prisma_lint.migrations.sql import Statement

__all__ = ["Replay", "ACTIONS"]

ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT", "\x00": "NO ACTION",
           "": "NO ACTION"}
_AT = enums.AlterTableType
_OBJ = enums.ObjectType
_CON = enums.ConstrType


def _strings(items: Iterable[Any]) -> tuple[str, ...]:
    return tuple(identifier(i.sval) for i in items or () if isinstance(i, ast.String))


def _constraint_name(table: str, columns: tuple[str, ...], suffix: str) -> str:
    return identifier(f"{table}_{'_'.join(columns)}_{suffix}" if columns else f"{table}_{suffix}")


class Replay:
    """Applies statements to `db`; `problems` collects (span, message) for statements PostgreSQL would refuse."""

    def __init__(self, db: Optional[Database] = None) -> None:
        self.db = db if db is not None else Database()
        self.problems: list[tuple[Span, str]] = []

    # -- entry point ---------------------------------------------------------------------------------

    def apply(self, statement: Statement) -> None:
        handler = getattr(self, "_" + statement.kind, None)
        if handler is not None:
            handler(statement.node, statement.span)

    def apply_all(self, statements: Iterable[Statement]) -> "Replay":
        for statement in statements:
            self.apply(statement)
        return self

    def _problem(self, span: Span, message: str) -> None:
        self.problems.append((span, message))

    def _table(self, relation: ast.RangeVar, span: Span, missing_ok: bool = False) -> Optional[Table]:
        name = identifier(relation.relname)
        table = self.db.tables.get(name)
        if table is None and not missing_ok:
            self._problem(span, f"Table `{name}` does not exist at this point (PostgreSQL would stop here).")
        return table

    # -- enums ---------------------------------------------------------------------------------------

    def _CreateEnumStmt(self, node: ast.CreateEnumStmt, span: Span) -> None:
        name = _strings(node.typeName)[-1]
        if name in self.db.enums:
            self._problem(span, f"Type `{name}` already exists (PostgreSQL would stop here).")
            return
        values = tuple(v.sval for v in node.vals or ())
        self.db.enums[name] = EnumType(name, values, span, tuple(span for _ in values))

    def _AlterEnumStmt(self, node: ast.AlterEnumStmt, span: Span) -> None:
        name = _strings(node.typeName)[-1]
        enum = self.db.enums.get(name)
        if enum is None:
            self._problem(span, f"Type `{name}` does not exist at this point (PostgreSQL would stop here).")
            return
        values, origins = list(enum.values), list(enum.value_origins or (enum.origin,) * len(enum.values))
        if node.oldVal:  # RENAME VALUE
            if node.oldVal in values:
                values[values.index(node.oldVal)] = node.newVal
        elif node.newVal not in values:
            at = len(values)
            if node.newValNeighbor in values:
                at = values.index(node.newValNeighbor) + (1 if node.newValIsAfter else 0)
            values.insert(at, node.newVal)
            origins.insert(at, span)
        self.db.enums[name] = replace(enum, values=tuple(values), value_origins=tuple(origins))

    # -- tables --------------------------------------------------------------------------------------

    def _column(self, table: str, definition: ast.ColumnDef, span: Span) -> tuple[Column, list]:
        """A column and the table constraints written on it (primary key, unique, references)."""
        column_type = type_name(definition.typeName)
        nullable, default, extra = True, None, []
        if is_serial(definition.typeName):
            nullable, default = False, "autoincrement()"
        if definition.is_not_null:
            nullable = False
        for constraint in definition.constraints or ():
            kind = constraint.contype
            if kind == _CON.CONSTR_NOTNULL:
                nullable = False
            elif kind == _CON.CONSTR_NULL:
                nullable = True
            elif kind == _CON.CONSTR_DEFAULT:
                default = default_of(constraint.raw_expr)
            elif kind == _CON.CONSTR_IDENTITY:
                nullable, default = False, "autoincrement()"
            elif kind in (_CON.CONSTR_PRIMARY, _CON.CONSTR_UNIQUE, _CON.CONSTR_FOREIGN):
                if kind == _CON.CONSTR_PRIMARY:
                    nullable = False
                extra.append(constraint)
        name = identifier(definition.colname)
        return Column(name, column_type, nullable, default, span), extra

    def _CreateStmt(self, node: ast.CreateStmt, span: Span) -> None:
        name = identifier(node.relation.relname)
        if name in self.db.tables:
            if not node.if_not_exists:
                self._problem(span, f"Table `{name}` already exists (PostgreSQL would stop here).")
            return
        columns: list[Column] = []
        constraints: list[tuple[Any, tuple[str, ...]]] = []
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                column, extra = self._column(name, element, span)
                columns.append(column)
                constraints.extend((c, (column.name,)) for c in extra)
            elif isinstance(element, ast.Constraint):
                constraints.append((element, ()))
        self.db.tables[name] = Table(name, tuple(columns), None, span)
        for constraint, on_columns in constraints:
            self._add_constraint(name, constraint, span, on_columns)

    def _add_constraint(self, table_name: str, constraint: ast.Constraint, span: Span,
                        on_columns: tuple[str, ...] = ()) -> None:
        table = self.db.tables[table_name]
        kind = constraint.contype
        if kind == _CON.CONSTR_PRIMARY:
            columns = _strings(constraint.keys) or on_columns
            key = Key(identifier(constraint.conname or f"{table_name}_pkey"), columns)
            updated = tuple(replace(c, nullable=False) if c.name in columns else c for c in table.columns)
            self.db.tables[table_name] = replace(table, columns=updated, primary_key=key)
        elif kind == _CON.CONSTR_UNIQUE:
            columns = _strings(constraint.keys) or on_columns
            name = identifier(constraint.conname or _constraint_name(table_name, columns, "key"))
            self.db.indexes[name] = Index(name, table_name, columns, True, span)
        elif kind == _CON.CONSTR_FOREIGN:
            columns = _strings(constraint.fk_attrs) or on_columns
            ref_table = identifier(constraint.pktable.relname)
            ref_columns = _strings(constraint.pk_attrs)
            if not ref_columns and ref_table in self.db.tables and self.db.tables[ref_table].primary_key:
                ref_columns = self.db.tables[ref_table].primary_key.columns
            if ref_table not in self.db.tables:
                self._problem(span, f"Table `{ref_table}` does not exist at this point (PostgreSQL would stop here).")
            name = identifier(constraint.conname or _constraint_name(table_name, columns, "fkey"))
            self.db.foreign_keys[(table_name, name)] = ForeignKey(
                name, table_name, columns, ref_table, ref_columns, ACTIONS.get(constraint.fk_del_action, "NO ACTION"),
                ACTIONS.get(constraint.fk_upd_action, "NO ACTION"), span)

    def _AlterTableStmt(self, node: ast.AlterTableStmt, span: Span) -> None:
        if node.objtype not in (_OBJ.OBJECT_TABLE, None):
            return
        table = self._table(node.relation, span, missing_ok=bool(node.missing_ok))
        if table is None:
            return
        name = table.name
        for command in node.cmds or ():
            table = self.db.tables.get(name)
            if table is None:
                return
            self._alter(table, command, span)

    def _replace_column(self, table: Table, column_name: str, span: Span, **changes: Any) -> None:
        column = table.column(column_name)
        if column is None:
            self._problem(span, f"Column `{table.name}.{column_name}` does not exist at this point "
                                "(PostgreSQL would stop here).")
            return
        updated = tuple(replace(c, origin=span, **changes) if c.name == column_name else c for c in table.columns)
        self.db.tables[table.name] = replace(table, columns=updated)

    def _alter(self, table: Table, command: ast.AlterTableCmd, span: Span) -> None:
        kind = command.subtype
        column_name = identifier(command.name) if command.name else None
        if kind == _AT.AT_AddColumn:
            column, extra = self._column(table.name, command.def_, span)
            if table.column(column.name) is not None:
                if not command.missing_ok:
                    self._problem(span, f"Column `{table.name}.{column.name}` already exists "
                                        "(PostgreSQL would stop here).")
                return
            self.db.tables[table.name] = replace(table, columns=table.columns + (column,))
            for constraint in extra:
                self._add_constraint(table.name, constraint, span, (column.name,))
        elif kind == _AT.AT_DropColumn:
            if table.column(column_name) is None:
                if not command.missing_ok:
                    self._problem(span, f"Column `{table.name}.{column_name}` does not exist at this point "
                                        "(PostgreSQL would stop here).")
                return
            self.db.tables[table.name] = replace(table, columns=tuple(c for c in table.columns if c.name != column_name))
            # PostgreSQL drops the indexes and constraints that use the column.
            for key in [k for k, i in self.db.indexes.items() if i.table == table.name and column_name in i.columns]:
                del self.db.indexes[key]
            for key in [k for k, fk in self.db.foreign_keys.items()
                        if (fk.table == table.name and column_name in fk.columns)
                        or (fk.ref_table == table.name and column_name in fk.ref_columns)]:
                del self.db.foreign_keys[key]
            if table.primary_key and column_name in table.primary_key.columns:
                self.db.tables[table.name] = replace(self.db.tables[table.name], primary_key=None)
        elif kind == _AT.AT_AlterColumnType:
            self._replace_column(table, column_name, span, type=type_name(command.def_.typeName))
        elif kind == _AT.AT_SetNotNull:
            self._replace_column(table, column_name, span, nullable=False)
        elif kind == _AT.AT_DropNotNull:
            self._replace_column(table, column_name, span, nullable=True)
        elif kind == _AT.AT_ColumnDefault:
            self._replace_column(table, column_name, span, default=default_of(command.def_))
        elif kind == _AT.AT_AddConstraint:
            self._add_constraint(table.name, command.def_, span)
        elif kind == _AT.AT_DropConstraint:
            self._drop_constraint(table, column_name, span, bool(command.missing_ok))

    def _drop_constraint(self, table: Table, name: str, span: Span, missing_ok: bool) -> None:
        if table.primary_key is not None and table.primary_key.name == name:
            self.db.tables[table.name] = replace(table, primary_key=None)
        elif (table.name, name) in self.db.foreign_keys:
            del self.db.foreign_keys[(table.name, name)]
        elif name in self.db.indexes and self.db.indexes[name].table == table.name and self.db.indexes[name].unique:
            del self.db.indexes[name]
        elif not missing_ok:
            self._problem(span, f"Constraint `{name}` of table `{table.name}` does not exist at this point "
                                "(PostgreSQL would stop here).")

    # -- indexes -------------------------------------------------------------------------------------

    def _IndexStmt(self, node: ast.IndexStmt, span: Span) -> None:
        table = self._table(node.relation, span)
        if table is None:
            return
        columns = tuple(identifier(p.name) if p.name else "(expression)" for p in node.indexParams or ())
        name = identifier(node.idxname or _constraint_name(table.name, columns, "idx"))
        if name in self.db.indexes:
            if not node.if_not_exists:
                self._problem(span, f"Index `{name}` already exists (PostgreSQL would stop here).")
            return
        self.db.indexes[name] = Index(name, table.name, columns, bool(node.unique), span)

    # -- drops and renames ---------------------------------------------------------------------------

    def _DropStmt(self, node: ast.DropStmt, span: Span) -> None:
        for obj in node.objects or ():
            names = _strings(obj.names if isinstance(obj, ast.TypeName) else obj)
            if not names:
                continue
            name = names[-1]
            if node.removeType == _OBJ.OBJECT_TABLE:
                if name in self.db.tables:
                    self.db.drop_table(name)
                elif not node.missing_ok:
                    self._problem(span, f"Table `{name}` does not exist at this point (PostgreSQL would stop here).")
            elif node.removeType == _OBJ.OBJECT_INDEX:
                if name in self.db.indexes:
                    del self.db.indexes[name]
                elif not node.missing_ok:
                    self._problem(span, f"Index `{name}` does not exist at this point (PostgreSQL would stop here).")
            elif node.removeType == _OBJ.OBJECT_TYPE:
                if name in self.db.enums:
                    del self.db.enums[name]
                elif not node.missing_ok:
                    self._problem(span, f"Type `{name}` does not exist at this point (PostgreSQL would stop here).")

    def _RenameStmt(self, node: ast.RenameStmt, span: Span) -> None:
        kind, new = node.renameType, identifier(node.newname)
        if kind == _OBJ.OBJECT_TABLE:
            table = self._table(node.relation, span, bool(node.missing_ok))
            if table is not None:
                self._rename_table(table, new, span)
        elif kind == _OBJ.OBJECT_COLUMN:
            table = self._table(node.relation, span, bool(node.missing_ok))
            if table is not None:
                self._rename_column(table, identifier(node.subname), new, span)
        elif kind == _OBJ.OBJECT_TABCONSTRAINT:
            table = self._table(node.relation, span, bool(node.missing_ok))
            old = identifier(node.subname)
            if table is None:
                return
            if table.primary_key is not None and table.primary_key.name == old:
                self.db.tables[table.name] = replace(table, primary_key=Key(new, table.primary_key.columns))
            elif (table.name, old) in self.db.foreign_keys:
                fk = self.db.foreign_keys.pop((table.name, old))
                self.db.foreign_keys[(table.name, new)] = replace(fk, name=new, origin=span)
            elif old in self.db.indexes:
                self.db.indexes[new] = replace(self.db.indexes.pop(old), name=new, origin=span)
        elif kind == _OBJ.OBJECT_INDEX:
            old = identifier(node.relation.relname)
            if old in self.db.indexes:
                self.db.indexes[new] = replace(self.db.indexes.pop(old), name=new, origin=span)
            else:
                for table in list(self.db.tables.values()):  # ALTER INDEX may name a primary key's index
                    if table.primary_key is not None and table.primary_key.name == old:
                        self.db.tables[table.name] = replace(table, primary_key=Key(new, table.primary_key.columns))
                        break
                else:
                    if not node.missing_ok:
                        self._problem(span, f"Index `{old}` does not exist at this point (PostgreSQL would stop here).")
        elif kind == _OBJ.OBJECT_TYPE:
            old = _strings(node.object)[-1] if node.object else None
            if old in self.db.enums:
                enum = self.db.enums.pop(old)
                self.db.enums[new] = replace(enum, name=new)
                for table in list(self.db.tables.values()):
                    updated = tuple(replace(c, type=new + c.type[len(old):]) if c.type.rstrip("[]") == old else c
                                    for c in table.columns)
                    self.db.tables[table.name] = replace(table, columns=updated)

    def _rename_table(self, table: Table, new: str, span: Span) -> None:
        old = table.name
        del self.db.tables[old]
        self.db.tables[new] = replace(table, name=new, origin=span)
        for key, index in list(self.db.indexes.items()):
            if index.table == old:
                self.db.indexes[key] = replace(index, table=new)
        for key, fk in list(self.db.foreign_keys.items()):
            if fk.table == old or fk.ref_table == old:
                del self.db.foreign_keys[key]
                fk = replace(fk, table=new if fk.table == old else fk.table,
                             ref_table=new if fk.ref_table == old else fk.ref_table)
                self.db.foreign_keys[(fk.table, fk.name)] = fk

    def _rename_column(self, table: Table, old: str, new: str, span: Span) -> None:
        if table.column(old) is None:
            self._problem(span, f"Column `{table.name}.{old}` does not exist at this point (PostgreSQL would stop here).")
            return

        def renamed(columns: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(new if c == old else c for c in columns)

        columns = tuple(replace(c, name=new, origin=span) if c.name == old else c for c in table.columns)
        key = table.primary_key
        self.db.tables[table.name] = replace(table, columns=columns,
                                             primary_key=Key(key.name, renamed(key.columns)) if key else None)
        for name, index in list(self.db.indexes.items()):
            if index.table == table.name:
                self.db.indexes[name] = replace(index, columns=renamed(index.columns))
        for name, fk in list(self.db.foreign_keys.items()):
            if fk.table == table.name:
                fk = replace(fk, columns=renamed(fk.columns))
            if fk.ref_table == table.name:
                fk = replace(fk, ref_columns=renamed(fk.ref_columns))
            self.db.foreign_keys[name] = fk
