"""One service's migrations, read and replayed once per lint run and shared by every migration rule.

For each migration, in Prisma's order: its SQL, the database model before and after it (offline
replay), and, when it has a rollback script, the model after that rollback. At the end, the model the
migrations build and the one the schema expects. Computed on first use by a rule and cached for the
service (`prisma_lint.project.Service`) it belongs to.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from prisma_lint.ast.nodes import Comment, Schema, Span
from prisma_lint.migrations.service import Migration, Service, from_project

if TYPE_CHECKING:  # pragma: no cover
    from prisma_lint.migrations.model import Database
    from prisma_lint.migrations.sql import SqlFile

__all__ = ["MigrationRun", "ServiceAnalysis", "analyse", "analyse_service", "checked", "sql_comment_schemas",
           "file_start"]


@dataclass
class MigrationRun:
    migration: Migration
    sql: Optional[SqlFile]
    before: Database
    after: Database
    problems: list[tuple[Span, str]] = field(default_factory=list)  # statements PostgreSQL would refuse
    rollback: Optional[SqlFile] = None
    after_rollback: Optional[Database] = None
    rollback_problems: list[tuple[Span, str]] = field(default_factory=list)


@dataclass
class ServiceAnalysis:
    service: Service
    runs: list[MigrationRun] = field(default_factory=list)
    final: Optional[Database] = None  # what the migrations build (None when skipped: nothing was read)
    expected: Optional[Database] = None
    skipped: Optional[str] = None  # why the SQL was not checked (no migrations folder, not PostgreSQL)
    files: dict[str, SqlFile] = field(default_factory=dict)  # every SQL file read, by path
    schema: Optional[Schema] = None


def analyse_service(service: Service, schema: Optional[Schema]) -> ServiceAnalysis:
    result = ServiceAnalysis(service)
    if service.folder is None:
        result.skipped = "has no migrations folder"
        return result
    if not service.is_postgres:
        result.skipped = f"uses the `{service.provider}` provider (the SQL checks read PostgreSQL only)"
        return result
    # The SQL parser (pglast) loads only for a service whose SQL is read: a run over schemas without
    # migrations folders (a plain pre-commit run) does not pay its import.
    from prisma_lint.migrations.expected import expected_database
    from prisma_lint.migrations.replay import Replay
    from prisma_lint.migrations.sql import read_sql

    replay = Replay()
    for migration in service.migrations:
        if migration.sql_path is None:
            continue
        sql = read_sql(migration.sql_path)
        result.files[sql.path] = sql
        before = replay.db.copy()
        replay.problems = []
        replay.apply_all(sql.statements)
        run = MigrationRun(migration, sql, before, replay.db.copy(), list(replay.problems))
        if migration.rollback_path is not None:
            run.rollback = read_sql(migration.rollback_path)
            result.files[run.rollback.path] = run.rollback
            undo = Replay(run.after.copy()).apply_all(run.rollback.statements)
            run.after_rollback, run.rollback_problems = undo.db, undo.problems
        result.runs.append(run)
    for orphan in service.orphan_rollbacks:  # read too: PL511 reports it, and its comments may suppress that
        sql = read_sql(orphan)
        result.files[sql.path] = sql
    result.final = replay.db
    result.schema = schema
    result.expected = expected_database(schema, result.final) if schema is not None else None
    return result


_CACHE: dict[int, tuple[weakref.ref, ServiceAnalysis]] = {}


def analyse(service) -> ServiceAnalysis:
    """The analysis of a `prisma_lint.project.Service` (computed once per service and run)."""
    key = id(service)
    entry = _CACHE.get(key)
    if entry is not None and entry[0]() is service:
        return entry[1]
    if not any(Path(p).is_file() for p in service.schema_files):  # a schema given as text: no folder beside it
        result = ServiceAnalysis(Service(service.name, None, None, None), skipped="was given as text")
    else:
        result = analyse_service(from_project(service), next(service.schemas(), None))
    _CACHE[key] = (weakref.ref(service, lambda _ref, key=key: _CACHE.pop(key, None)), result)
    return result


def checked(project) -> Iterator[ServiceAnalysis]:
    """The analysis of every service a migration rule checks (with a migrations folder, on PostgreSQL,
    its schema parsed): `migrations-not-checked` reports the others."""
    for service in project.services:
        if not service.parsed:
            continue
        result = analyse(service)
        if result.skipped is None:
            yield result


def sql_comment_schemas(service) -> dict[str, Schema]:
    """For suppressions: each SQL file the migration rules read for this service, as a comment-only
    Schema (the directive reader works on `Schema.comments`). Empty when no migration rule ran."""
    entry = _CACHE.get(id(service)) if service is not None else None
    if entry is None or entry[0]() is not service:
        return {}
    return {path: Schema(blocks=(), comments=tuple(c for c in sql.comments if isinstance(c, Comment)), files=(path,))
            for path, sql in entry[1].files.items()}


def file_start(path) -> Span:
    return Span(str(path), 1, 1, 1, 1, 0, 0)
