"""`verify-migrations`: a service's migrations and rollbacks proven on a real PostgreSQL.

For each service, in a database this run creates (and drops afterwards): apply every migration in order,
each in a transaction with its `_prisma_migrations` row, as `prisma migrate deploy` does; compare the
live catalog with what the schema expects (the drift check, from the real database); then apply the
rollbacks in reverse order, checking after each that the catalog equals the one before its migration and
that its `_prisma_migrations` row is gone; then apply the migrations again (a rolled-back database must
be re-deployable). The catalog is read into the same `Database` model the offline replay builds, so the
two can be compared directly.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from prisma_lint.ast.nodes import Span
from prisma_lint.migrations.expected import expected_database
from prisma_lint.migrations.model import Column, Database, EnumType, ForeignKey, Index, Key, Table, compare
from prisma_lint.migrations.normalize import default_from_text, type_from_text
from prisma_lint.migrations.replay import ACTIONS
from prisma_lint.migrations.service import Migration, Service

__all__ = ["Finding", "ServiceReport", "read_catalog", "verify_service", "connect"]

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)"""


@dataclass
class Finding:
    path: str
    line: int
    column: int
    kind: str  # "drift" | "rollback" | "apply" | "redeploy"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.kind}: {self.message}"


@dataclass
class ServiceReport:
    service: str
    applied: int = 0
    rolled_back: int = 0
    reapplied: int = 0
    findings: list[Finding] = field(default_factory=list)
    stopped: Optional[str] = None  # why rolling back stopped before the first migration, when it did
    catalog: Optional[Database] = None  # after every migration, before the rollbacks
    after_rollbacks: list[Database] = field(default_factory=list)  # the catalog after each rollback, in order

    def summary(self) -> str:
        state = "ok" if not self.findings else f"{len(self.findings)} problem(s)"
        stopped = f" ({self.stopped})" if self.stopped else ""
        return (f"{self.service}: {self.applied} migration(s) applied, {self.rolled_back} rolled back{stopped}, "
                f"{self.reapplied} re-applied: {state}")


def connect(conninfo: str, **kwargs: Any):
    try:
        import psycopg
    except ImportError as error:  # psycopg loads libpq when imported
        raise RuntimeError(f"psycopg cannot load: {error} (install libpq5, or `pip install \"psycopg[binary]\"`)") \
            from None
    return psycopg.connect(conninfo, **kwargs)


# -- the catalog -------------------------------------------------------------------------------------

_COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  AND c.relname <> '_prisma_migrations'
ORDER BY c.relname, a.attnum"""

_KEY_COLUMNS = """ARRAY(SELECT a.attname FROM unnest({keys}) WITH ORDINALITY k(num, ord)
                       JOIN pg_attribute a ON a.attrelid = {rel} AND a.attnum = k.num ORDER BY k.ord)"""

_CONSTRAINTS = f"""
SELECT c.relname, con.conname, con.contype, {_KEY_COLUMNS.format(keys="con.conkey", rel="con.conrelid")},
       f.relname, {_KEY_COLUMNS.format(keys="con.confkey", rel="con.confrelid")}, con.confdeltype, con.confupdtype
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class f ON f.oid = con.confrelid
WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f') AND c.relname <> '_prisma_migrations'"""

_INDEXES = f"""
SELECT i.relname, t.relname, ix.indisunique, {_KEY_COLUMNS.format(keys="ix.indkey::int2[]", rel="ix.indrelid")}
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = current_schema() AND NOT ix.indisprimary AND t.relname <> '_prisma_migrations'"""

_ENUMS = """
SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema() GROUP BY t.typname"""


def read_catalog(conn) -> Database:
    """The live database's schema as a `Database` model (the migrations' own bookkeeping table left out)."""
    db = Database()
    columns: dict[str, list[Column]] = {}
    for table, name, type_text, not_null, default in conn.execute(_COLUMNS).fetchall():
        columns.setdefault(table, []).append(Column(name, type_from_text(type_text), not not_null,
                                                    default_from_text(default)))
    keys: dict[str, Key] = {}
    for table, name, kind, cols, ref_table, ref_cols, on_delete, on_update in conn.execute(_CONSTRAINTS).fetchall():
        if kind == "p":
            keys[table] = Key(name, tuple(cols))
        else:
            db.foreign_keys[(table, name)] = ForeignKey(name, table, tuple(cols), ref_table, tuple(ref_cols),
                                                        ACTIONS[on_delete], ACTIONS[on_update])
    for table, cols in columns.items():
        db.tables[table] = Table(table, tuple(cols), keys.get(table))
    for name, table, unique, cols in conn.execute(_INDEXES).fetchall():
        db.indexes[name] = Index(name, table, tuple(cols), bool(unique))
    for name, values in conn.execute(_ENUMS).fetchall():
        db.enums[name] = EnumType(name, tuple(values))
    return db


# -- applying files ----------------------------------------------------------------------------------


def _position(path: Path, text: str, error: Any) -> tuple[int, int]:
    """Line and column of a PostgreSQL error in the file that was sent (its statement position)."""
    position = getattr(getattr(error, "diag", None), "statement_position", None)
    try:
        offset = max(int(position) - 1, 0)
    except (TypeError, ValueError):
        return 1, 1
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _apply(conn, path: Path, record: Optional[str] = None) -> Optional[Finding]:
    """Run one SQL file in a transaction (with its `_prisma_migrations` row when `record` names it)."""
    import psycopg

    text = path.read_text(encoding="utf-8")
    try:
        with conn.transaction():
            conn.execute(text)
            if record is not None:
                conn.execute('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, '
                             'applied_steps_count) VALUES (%s, %s, now(), %s, 1)',
                             (str(uuid.uuid4()), secrets.token_hex(32), record))
    except psycopg.Error as error:
        line, column = _position(path, text, error)
        if getattr(error.diag, "statement_position", None) is None:
            line, column = _failing_statement(conn, text) or (line, column)
        message = (getattr(error.diag, "message_primary", None) or str(error)).strip()
        return Finding(str(path), line, column, "apply", f"PostgreSQL refused this: {message}")
    return None


def _failing_statement(conn, text: str) -> Optional[tuple[int, int]]:
    """Where the statement PostgreSQL refused starts, for errors that carry no position ("already exists"):
    the file's statements are run again one by one in a transaction that is always rolled back."""
    import pglast
    import psycopg

    from prisma_lint.migrations.sql import _skip_blank

    try:
        statements = pglast.parse_sql(text)
    except Exception:  # noqa: BLE001
        return None

    class _Undo(Exception):
        pass

    found = None
    try:
        with conn.transaction():
            for raw in statements:
                start = _skip_blank(text, raw.stmt_location)
                try:
                    conn.execute(text[raw.stmt_location:raw.stmt_location + raw.stmt_len if raw.stmt_len else None])
                except psycopg.Error:
                    before = text[:start]
                    found = (before.count("\n") + 1, start - (before.rfind("\n") + 1) + 1)
                    break
            raise _Undo
    except (_Undo, psycopg.Error):
        pass
    return found


def _recorded(conn, name: str) -> bool:
    row = conn.execute('SELECT count(*) FROM "_prisma_migrations" WHERE migration_name = %s', (name,)).fetchone()
    return bool(row and row[0])


# -- one service -------------------------------------------------------------------------------------


def verify_service(service: Service, schema, conninfo: str) -> ServiceReport:
    """Run the whole check for one service in a database created for it, dropped afterwards."""
    from prisma_lint.rules.migrations.PL510_migration_schema_drift import describe, position
    from prisma_lint.rules.migrations.PL511_rollback_does_not_undo import undo_message

    report = ServiceReport(service.name)
    database = f"prisma_lint_verify_{secrets.token_hex(6)}"
    with connect(conninfo, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
        try:
            from psycopg.conninfo import make_conninfo

            with connect(make_conninfo(conninfo, dbname=database), autocommit=True) as conn:
                _verify(conn, service, schema, report, describe, position, undo_message)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return report


def _verify(conn, service: Service, schema, report: ServiceReport, describe, position, undo_message) -> None:
    conn.execute(_MIGRATIONS_TABLE)
    migrations = [m for m in service.migrations if m.sql_path is not None]
    before: list[Database] = []
    for migration in migrations:
        before.append(read_catalog(conn))
        failure = _apply(conn, migration.sql_path, migration.name)
        if failure is not None:
            report.findings.append(failure)
            return  # as `migrate deploy`: nothing after a failed migration runs
        report.applied += 1
    report.catalog = read_catalog(conn)
    if schema is not None:
        for difference in compare(expected_database(schema, report.catalog), report.catalog):
            span = position(difference)
            where = (span.file, span.start_line, span.start_column) if isinstance(span, Span) and span.file else \
                (str(service.schema_path), 1, 1)
            report.findings.append(Finding(*where, "drift", describe(difference)))
    undone: list[Migration] = []
    for index in range(len(migrations) - 1, -1, -1):
        migration = migrations[index]
        if migration.rollback_path is None:  # nothing older can be rolled back past it (PL501 reports it)
            report.stopped = f"`{migration.name}` has no rollback script"
            break
        rollback = str(migration.rollback_path)
        failure = _apply(conn, migration.rollback_path)
        if failure is not None:
            report.findings.append(Finding(failure.path, failure.line, failure.column, "rollback", failure.message))
            break
        report.rolled_back += 1
        undone.append(migration)
        after = read_catalog(conn)
        report.after_rollbacks.append(after)
        differences = compare(before[index], after)
        for difference in differences:
            report.findings.append(Finding(rollback, 1, 1, "rollback",
                                           f"Rollback of `{migration.name}`: {undo_message(difference)}"))
        if _recorded(conn, migration.name):
            report.findings.append(Finding(rollback, 1, 1, "rollback",
                                           f"Rollback of `{migration.name}`: its `_prisma_migrations` row is still "
                                           "there, so Prisma would never apply the migration again."))
            conn.execute('DELETE FROM "_prisma_migrations" WHERE migration_name = %s', (migration.name,))
        if differences:
            break  # older rollbacks expect the state before this migration, which the database is not in
    for migration in reversed(undone):
        failure = _apply(conn, migration.sql_path, migration.name)
        if failure is not None:
            report.findings.append(Finding(failure.path, failure.line, failure.column, "redeploy",
                                           f"After the rollbacks the migration cannot be applied again: "
                                           f"{failure.message}"))
            return
        report.reapplied += 1
