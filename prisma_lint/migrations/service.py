"""A service's migrations on disk: the migration folders in the order Prisma applies them (by name), each
one's rollback script, and the datasource provider. Which folder is the service's `migrations/` is the
project's to say (`prisma_lint.project.Service`); `locate` reads what is in it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from prisma_lint.ast.nodes import Schema

__all__ = ["Migration", "Service", "locate", "from_project", "POSTGRES_PROVIDERS"]

POSTGRES_PROVIDERS = {"postgresql", "postgres"}
_STAMP = re.compile(r"^(\d{14})_")
_ROLLBACK = re.compile(r"^(\d{14})_rollback\.sql$")


@dataclass
class Migration:
    name: str  # the folder name, as `_prisma_migrations.migration_name` records it
    folder: Path
    sql_path: Optional[Path]  # None when the folder has no migration.sql (PL501 reports that)
    rollback_path: Optional[Path] = None

    @property
    def stamp(self) -> Optional[str]:
        match = _STAMP.match(self.name)
        return match.group(1) if match else None


@dataclass
class Service:
    name: str
    schema_path: Optional[Path]
    folder: Optional[Path]  # the migrations folder, None when there is none
    provider: Optional[str]
    migrations: list[Migration] = field(default_factory=list)
    orphan_rollbacks: list[Path] = field(default_factory=list)  # rollbacks/<stamp>_rollback.sql with no migration

    @property
    def is_postgres(self) -> bool:
        return self.provider is None or self.provider in POSTGRES_PROVIDERS


def _lock_provider(folder: Path) -> Optional[str]:
    try:
        return tomllib.loads((folder / "migration_lock.toml").read_text(encoding="utf-8")).get("provider")
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def from_project(service) -> Service:
    """The migrations of a `prisma_lint.project.Service`."""
    schema = next(service.schemas(), None)
    files = [str(p) for p in service.schema_files]
    return locate(schema, files, service.name, service.migrations_dir)


def locate(schema: Optional[Schema], schema_files: list[str], name: str, folder: Optional[Path]) -> Service:
    schema_path = Path(schema_files[0]) if schema_files and schema_files[0] else None
    provider = schema.datasource_provider() if schema is not None else None
    if provider is None and folder is not None:
        provider = _lock_provider(folder)
    service = Service(name, schema_path, folder, provider)
    if folder is None:
        return service
    by_stamp: dict[str, Migration] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.is_dir() or entry.name == "rollbacks" or entry.name.startswith("."):
            continue
        sql = entry / "migration.sql"
        migration = Migration(entry.name, entry, sql if sql.is_file() else None)
        service.migrations.append(migration)
        if migration.stamp:
            by_stamp.setdefault(migration.stamp, migration)
    rollbacks = folder / "rollbacks"
    if rollbacks.is_dir():
        for entry in sorted(rollbacks.iterdir(), key=lambda p: p.name):
            match = _ROLLBACK.match(entry.name)
            if not match or not entry.is_file():
                continue
            owner = by_stamp.get(match.group(1))
            if owner is None:
                service.orphan_rollbacks.append(entry)
            else:
                owner.rollback_path = entry
    return service
