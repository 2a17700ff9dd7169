"""A migration file stands for its schema: `prisma-lint services/a/prisma/migrations/2024_x/migration.sql`
lints `services/a/prisma/schema.prisma` (the pre-commit hook for migration folders passes such paths)."""

from __future__ import annotations

from pathlib import Path

from prisma_lint.project import InputError


def schema_beside(migration: Path) -> Path:
    """The schema (file, or `schema/` folder) beside the `migrations/` folder holding `migration`."""
    for folder in migration.parents:
        if folder.name == "migrations":
            for candidate in (folder.parent / "schema.prisma", folder.parent / "schema"):
                if candidate.exists():
                    return candidate
            raise InputError(f"{migration}: no schema.prisma or schema/ beside its migrations folder "
                             f"{folder}")
    raise InputError(f"{migration}: a .sql file outside a migrations folder; give the schema instead")


def resolve_migration_paths(paths: list[str]) -> list[str]:
    """`paths` with each `.sql` file replaced by its schema, once."""
    out: list[str] = []
    for path in paths:
        target = str(schema_beside(Path(path))) if path.endswith(".sql") else path
        if target not in out:
            out.append(target)
    return out
