"""A model of a PostgreSQL database's schema, as migrations build it: tables with their columns (type,
nullability, default) and primary key, indexes (unique or not), foreign keys with their actions, and
enums with their values. Three sources fill it: the offline replay of migration SQL
(`prisma_lint.migrations.replay`), what a Prisma schema says Prisma would create
(`prisma_lint.migrations.expected`) and a live catalog (`prisma_lint.migrations.live`); `compare` tells
two models apart.

Objects are immutable and a change replaces them, so a snapshot of the database before each migration
is a shallow copy of four dicts. `origin` (where the object was created or last changed) never takes
part in a comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from prisma_lint.ast.nodes import Span

__all__ = ["Column", "Key", "Table", "Index", "ForeignKey", "EnumType", "Database", "Difference", "compare",
           "identifier"]

NAME_LIMIT = 63  # PostgreSQL's NAMEDATALEN - 1: longer identifiers are cut to this many bytes


def identifier(name: str) -> str:
    """An identifier as PostgreSQL stores it (cut to 63 bytes, never inside a character)."""
    encoded = name.encode("utf-8")
    if len(encoded) <= NAME_LIMIT:
        return name
    return encoded[:NAME_LIMIT].decode("utf-8", "ignore")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # normalised, e.g. "text", "int4", "varchar(64)", "timestamp(3)", "AppointmentType[]"
    nullable: bool
    default: Optional[str]  # normalised, e.g. "now()", "'video'", "30", "autoincrement()"
    origin: Optional[Any] = field(default=None, compare=False)


@dataclass(frozen=True)
class Key:
    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: Optional[Key] = None
    origin: Optional[Any] = field(default=None, compare=False)

    def column(self, name: str) -> Optional[Column]:
        for column in self.columns:
            if column.name == name:
                return column
        return None


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]
    unique: bool
    origin: Optional[Any] = field(default=None, compare=False)


@dataclass(frozen=True)
class ForeignKey:
    name: str
    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: str  # CASCADE | RESTRICT | NO ACTION | SET NULL | SET DEFAULT
    on_update: str
    origin: Optional[Any] = field(default=None, compare=False)


@dataclass(frozen=True)
class EnumType:
    name: str
    values: tuple[str, ...]
    origin: Optional[Any] = field(default=None, compare=False)
    value_origins: tuple[Any, ...] = field(default=(), compare=False)  # one per value, where known


@dataclass
class Database:
    tables: dict[str, Table] = field(default_factory=dict)
    indexes: dict[str, Index] = field(default_factory=dict)
    foreign_keys: dict[tuple[str, str], ForeignKey] = field(default_factory=dict)  # (table, name)
    enums: dict[str, EnumType] = field(default_factory=dict)

    def copy(self) -> "Database":
        return Database(dict(self.tables), dict(self.indexes), dict(self.foreign_keys), dict(self.enums))

    def drop_table(self, name: str) -> None:
        self.tables.pop(name, None)
        for key in [k for k, i in self.indexes.items() if i.table == name]:
            del self.indexes[key]
        for key in [k for k, fk in self.foreign_keys.items() if fk.table == name or fk.ref_table == name]:
            del self.foreign_keys[key]


@dataclass(frozen=True)
class Difference:
    """One way two models differ. `change` is "missing" (only in the expected model), "extra" (only in the
    actual one) or "changed"; `what` the kind of object; `expected`/`actual` the objects (None when absent)."""

    change: str
    what: str
    name: str
    detail: str
    expected: Any = None
    actual: Any = None


def _columns(names: tuple[str, ...]) -> str:
    return "(" + ", ".join(names) + ")"


def _column_changes(table: str, want: Column, have: Column) -> list[Difference]:
    found = []
    name = f"{table}.{want.name}"
    if want.type != have.type:
        found.append(Difference("changed", "column", name, f"type `{want.type}` against `{have.type}`", want, have))
    if want.nullable != have.nullable:
        words = {True: "nullable", False: "NOT NULL"}
        found.append(Difference("changed", "column", name, f"{words[want.nullable]} against {words[have.nullable]}",
                                want, have))
    if want.default != have.default and want.default != "*":
        found.append(Difference("changed", "column", name,
                                f"default {want.default or 'none'} against {have.default or 'none'}", want, have))
    return found


def compare(expected: Database, actual: Database) -> list[Difference]:
    """Every difference between two models, tables first, in a stable order."""
    found: list[Difference] = []
    # Snapshots share the objects nothing changed (see the module's docstring): `is` skips those.
    for name, want in expected.tables.items():
        have = actual.tables.get(name)
        if have is want:
            continue
        if have is None:
            found.append(Difference("missing", "table", name, "", want, None))
            continue
        have_columns = {c.name: c for c in have.columns}
        want_columns = {c.name for c in want.columns}
        for column in want.columns:
            other = have_columns.get(column.name)
            if other is None:
                found.append(Difference("missing", "column", f"{name}.{column.name}", "", column, None))
            elif other is not column:
                found.extend(_column_changes(name, column, other))
        for column in have.columns:
            if column.name not in want_columns:
                found.append(Difference("extra", "column", f"{name}.{column.name}", "", None, column))
        if want.primary_key != have.primary_key:
            w, h = want.primary_key, have.primary_key
            detail = (f"{w.name if w else 'none'} {_columns(w.columns) if w else ''} against "
                      f"{h.name if h else 'none'} {_columns(h.columns) if h else ''}").replace("  ", " ")
            found.append(Difference("changed", "primary key", name, detail.strip(), want, have))
    for name, have in actual.tables.items():
        if name not in expected.tables:
            found.append(Difference("extra", "table", name, "", None, have))
    # An index or foreign key of a table that is on one side only goes with its table: not listed again.
    lone = {d.name for d in found if d.what == "table"}
    found.extend(_index_and_key_differences(expected, actual, lone))
    found.extend(_enum_differences(expected, actual))
    return found


def _index_and_key_differences(expected: Database, actual: Database, lone: set[str]) -> list[Difference]:
    found: list[Difference] = []
    for name, want in expected.indexes.items():
        have = actual.indexes.get(name)
        if have is want:
            continue
        if have is None:
            if want.table in lone:
                continue
            found.append(Difference("missing", "index", name, f"on {want.table}{_columns(want.columns)}", want, None))
        elif (want.table, want.columns, want.unique) != (have.table, have.columns, have.unique):
            kinds = {True: "unique", False: "not unique"}
            detail = (f"{want.table}{_columns(want.columns)} {kinds[want.unique]} against "
                      f"{have.table}{_columns(have.columns)} {kinds[have.unique]}")
            found.append(Difference("changed", "index", name, detail, want, have))
    for name, have in actual.indexes.items():
        if name not in expected.indexes and have.table not in lone:
            found.append(Difference("extra", "index", name, f"on {have.table}{_columns(have.columns)}", None, have))
    for key, want in expected.foreign_keys.items():
        have = actual.foreign_keys.get(key)
        if have is want:
            continue
        if have is None:
            if want.table in lone:
                continue
            found.append(Difference("missing", "foreign key", want.name, f"on {want.table}", want, None))
        elif want != have:
            detail = (f"{_fk(want)} against {_fk(have)}")
            found.append(Difference("changed", "foreign key", want.name, detail, want, have))
    for key, have in actual.foreign_keys.items():
        if key not in expected.foreign_keys and have.table not in lone:
            found.append(Difference("extra", "foreign key", have.name, f"on {have.table}", None, have))
    return found


def _enum_differences(expected: Database, actual: Database) -> list[Difference]:
    found: list[Difference] = []
    for name, want in expected.enums.items():
        have = actual.enums.get(name)
        if have is want:
            continue
        if have is None:
            found.append(Difference("missing", "enum", name, "", want, None))
            continue
        for value in want.values:
            if value not in have.values:
                found.append(Difference("missing", "enum value", f"{name}.{value}", "", want, have))
        for value in have.values:
            if value not in want.values:
                found.append(Difference("extra", "enum value", f"{name}.{value}", "", want, have))
    for name, have in actual.enums.items():
        if name not in expected.enums:
            found.append(Difference("extra", "enum", name, "", None, have))
    return found


def _fk(key: ForeignKey) -> str:
    return (f"{key.table}{_columns(key.columns)} -> {key.ref_table}{_columns(key.ref_columns)} "
            f"ON DELETE {key.on_delete} ON UPDATE {key.on_update}")
