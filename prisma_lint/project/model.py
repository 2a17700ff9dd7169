"""What a project is: services, each with its schema files, its parsed schema and its migrations folder.

Nothing here reads a schema or guesses a service from a path: `prisma_lint.project.discovery` does that,
and `prisma_lint.project.build` puts the pieces together. These classes are what rules, reporters and
tools ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from prisma_lint.ast.nodes import Enum, Model, Schema, Span
from prisma_lint.project.settings import ProjectSettings

if TYPE_CHECKING:  # pragma: no cover
    from prisma_lint.project.graph import DependencyGraph

__all__ = ["SchemaUnit", "Service", "Project"]


def _resolved(path: Path) -> Path:
    """The real path; for a path that cannot be resolved (a symlink loop, reported by the linter as an
    unreadable file), the absolute one."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        import os

        return Path(os.path.abspath(path))

_MIGRATION_FOLDER = "migrations"


@dataclass
class SchemaUnit:
    """One linted schema: a file, or a schema folder read as one."""

    path: str
    schema: Schema
    texts: dict[str, str]  # file path -> its text (a schema folder has several)
    service: Optional[str] = None  # the name of the service it belongs to, e.g. "telehealth-service"


@dataclass(eq=False)
class Service:
    """A service: the folder that holds `prisma/schema.prisma` (or `prisma/schema/`).

    `schema_files` are known before parsing; `units` holds the parsed schemas (empty when the
    service's schema has a syntax error: checks that need it skip the service, the others still run)."""

    name: str
    root: Path
    schema_files: list[Path]
    prisma_dir: Path  # the folder of the schema: `prisma/` (also for a `prisma/schema/` folder schema)
    units: list[SchemaUnit] = field(default_factory=list)
    parse_failed: bool = False

    @property
    def parsed(self) -> bool:
        return bool(self.units) and not self.parse_failed

    @cached_property
    def migrations_dir(self) -> Optional[Path]:
        """`prisma/migrations/` when the service has one, else None."""
        candidate = self.prisma_dir / _MIGRATION_FOLDER
        return candidate if candidate.is_dir() else None

    def migrations(self) -> list[Path]:
        """The migration folders (`migrations/<name>/`, rollbacks excluded), in name order: Prisma's
        deploy order."""
        folder = self.migrations_dir
        if folder is None:
            return []
        return sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "rollbacks"
                      and not p.name.startswith("."))

    @property
    def lock_file(self) -> Optional[Path]:
        folder = self.migrations_dir
        lock = folder / "migration_lock.toml" if folder is not None else None
        return lock if lock is not None and lock.is_file() else None

    # -- what the schema declares -----------------------------------------------------------------------

    def schemas(self) -> Iterator[Schema]:
        for unit in self.units:
            yield unit.schema

    @property
    def models(self) -> list[Model]:
        return [m for schema in self.schemas() for m in schema.models]

    @property
    def enums(self) -> list[Enum]:
        return [e for schema in self.schemas() for e in schema.enums]

    def model(self, name: str) -> Optional[Model]:
        for schema in self.schemas():
            found = schema.model(name)
            if found is not None:
                return found
        return None

    def enum(self, name: str) -> Optional[Enum]:
        for schema in self.schemas():
            found = schema.enum(name)
            if found is not None:
                return found
        return None

    @property
    def provider(self) -> Optional[str]:
        """The datasource's `provider` (e.g. "postgresql"), None when the schema has no datasource."""
        for schema in self.schemas():
            provider = schema.datasource_provider()
            if provider is not None:
                return provider
        return None

    @property
    def provider_span(self) -> Optional[Span]:
        for schema in self.schemas():
            for datasource in schema.datasources:
                prop = datasource.property("provider")
                if prop is not None:
                    return prop.span
        return None

    def __repr__(self) -> str:
        return f"Service({self.name!r}, {str(self.root)!r})"


@dataclass(eq=False)
class Project:
    """Every service of one run, and the project settings that apply to them.

    `services` are in name order. `config_source` is the file the settings came from (None: defaults).
    """

    services: list[Service]
    settings: ProjectSettings = field(default_factory=ProjectSettings)
    config_source: Optional[str] = None
    root: Optional[Path] = None  # the deepest folder holding every schema of the run

    @property
    def units(self) -> list[SchemaUnit]:
        """Every parsed schema of the run, in service order."""
        return [unit for service in self.services for unit in service.units]

    def service(self, name: str) -> Optional[Service]:
        return next((s for s in self.services if s.name == name), None)

    @cached_property
    def _by_file(self) -> dict[Path, Service]:
        return {f.resolve(): s for s in self.services for f in s.schema_files}

    @cached_property
    def _by_path(self) -> dict[str | Path, Optional[Service]]:
        return {}

    def service_of(self, path: str | Path) -> Optional[Service]:
        """The service a file belongs to: one of its schema files, or any file under its `prisma/`
        folder (a migration) or its root. Remembered per path: reports ask once per finding, and
        resolving a path costs a system call per part of it (75,000 findings: 2.3 s)."""
        if path not in self._by_path:
            self._by_path[path] = self._find_service_of(path)
        return self._by_path[path]

    def _find_service_of(self, path: str | Path) -> Optional[Service]:
        resolved = _resolved(Path(path))
        found = self._by_file.get(resolved)
        if found is not None:
            return found
        best: Optional[Service] = None
        for service in self.services:
            for folder in (service.prisma_dir.resolve(), service.root.resolve()):
                if resolved.is_relative_to(folder) and (
                        best is None or len(folder.parts) > len(best.root.resolve().parts)):
                    best = service
        return best

    def unit_of(self, path: str) -> Optional[SchemaUnit]:
        for unit in self.units:
            if path in unit.texts:
                return unit
        return None

    @cached_property
    def has_migrations(self) -> bool:
        """Whether any service has a migrations folder: the SQL rules read nothing otherwise, so they
        return before importing the SQL parser (about 55 ms of a plain run's start-up)."""
        return any(service.migrations_dir is not None for service in self.services)

    @cached_property
    def graph(self) -> "DependencyGraph":
        """The service dependency graph (built on first use)."""
        from prisma_lint.project.graph import DependencyGraph

        return DependencyGraph.build(self)

    @staticmethod
    def relative(path: str | Path) -> str:
        """A path as reports show it: relative to the working folder when it is under it (like the
        paths of findings), else as it is."""
        candidate = Path(path)
        if candidate.is_absolute():
            try:
                return candidate.relative_to(Path.cwd()).as_posix()
            except ValueError:
                pass
        return candidate.as_posix()
