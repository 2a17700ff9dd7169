"""Migration folder does not follow the migration strategy's conventions.

## What it does
Looks at each service's `migrations/` folder (`prisma/migrations/`, as the project finds it) and reports:

- a migration folder not named `YYYYMMDDHHMMSS_description`, with a snake_case description that starts
  with a verb (`add_`, `remove_`, `alter_`, `create_`, `drop_`, `rename_`, ...) and is under 50
  characters;
- a migration folder without its `migration.sql`;
- a loose `.sql` file directly in `migrations/` (Prisma's `migrate deploy` never runs it);
- a migration without its rollback script `rollbacks/<timestamp>_rollback.sql`;
- a missing `migration_lock.toml`.

The findings point at the file or folder concerned (line 1). A project-scope rule: it runs once per
run and asks the project (`prisma_lint.project`) for each service's migrations folder; a service without
one is not checked.

## Why is this bad?
Prisma applies the folders of `migrations/` in name order and records them by name in
`_prisma_migrations`: a folder without a timestamp sorts wrongly, a loose SQL file is silently skipped
on deploy, and a migration with no rollback script leaves the on-call engineer writing one during an
incident (the strategy's rollback procedure runs `rollbacks/<migration>_rollback.sql`).

## Example
```prisma
// The schema itself can be fine: this rule reads prisma/migrations/ beside it, for example
//   migrations/20241222120000_initial_schema/migration.sql
//   migrations/add-patient-index/migration.sql      <- not YYYYMMDDHHMMSS_snake_case
//   migrations/rollbacks/                            <- no 20241222120000_rollback.sql
model Patient {
  id String @id @default(uuid())
}
```

Use instead:
```prisma
// migrations/20241222120000_initial_schema/migration.sql
// migrations/20241223090000_add_patient_index/migration.sql
// migrations/rollbacks/20241222120000_rollback.sql
// migrations/rollbacks/20241223090000_rollback.sql
// migrations/migration_lock.toml
model Patient {
  id String @id @default(uuid())
}
```

"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from prisma_lint.ast.nodes import Span
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext, RuleOptions, option

CODE = "PL501"
NAME = "migration-folder-convention"
CATEGORY = "migrations"
SEVERITY = "warning"
SCOPE = "project"

_FOLDER = re.compile(r"^(?P<stamp>\d{14})_(?P<description>.+)$")
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


@dataclass(frozen=True)
class Options(RuleOptions):
    verbs: list[str] = option(
        ["add", "remove", "alter", "create", "drop", "rename", "initial", "update", "migrate", "backfill"],
        description="words a migration description may start with (`initial` for the strategy's own "
                    "`initial_schema`).")
    max_description_length: int = option(
        50, description="the longest description (the part of the folder name after the timestamp).")
    require_rollback: bool = option(True, description="every migration needs `rollbacks/<timestamp>_rollback.sql`.")
    require_lock_file: bool = option(True, description="`migrations/` needs its `migration_lock.toml`.")


def _at(path: Path) -> Span:
    return Span(str(path), 1, 1, 1, 1, 0, 0)


def check(project: Project, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    for service in project.services:
        if service.migrations_dir is not None:
            yield from _check_folder(service.migrations_dir, ctx)


def _check_folder(folder: Path, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    stamps: list[tuple[str, Path]] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name in ("rollbacks", "migration_lock.toml"):
            continue
        if entry.is_file():
            if entry.suffix == ".sql":
                yield ctx.diagnostic(_at(entry), f"`{entry.name}` is a loose SQL file in `migrations/`: "
                                                 "`prisma migrate deploy` never runs it.",
                                     fix_hint="Move it into a `YYYYMMDDHHMMSS_description/migration.sql` folder.")
            continue
        match = _FOLDER.match(entry.name)
        if match is None:
            yield ctx.diagnostic(_at(entry), f"Migration folder `{entry.name}` is not named "
                                             "`YYYYMMDDHHMMSS_description`.")
            continue
        stamps.append((match.group("stamp"), entry))
        description = match.group("description")
        if not _SNAKE.match(description):
            yield ctx.diagnostic(_at(entry), f"Migration description `{description}` is not snake_case.")
        elif description.split("_")[0] not in options.verbs:
            yield ctx.diagnostic(_at(entry), f"Migration description `{description}` does not start with a verb "
                                             f"({', '.join(options.verbs)}).")
        if len(description) > options.max_description_length:
            yield ctx.diagnostic(_at(entry), f"Migration description `{description}` is {len(description)} "
                                             f"characters long (at most {options.max_description_length}).")
        if not (entry / "migration.sql").is_file():
            yield ctx.diagnostic(_at(entry), f"Migration folder `{entry.name}` has no `migration.sql`.")
    if options.require_rollback:
        rollbacks = folder / "rollbacks"
        for stamp, entry in stamps:
            if not (rollbacks / f"{stamp}_rollback.sql").is_file():
                yield ctx.diagnostic(_at(entry), f"Migration `{entry.name}` has no rollback script "
                                                 f"`rollbacks/{stamp}_rollback.sql`.",
                                     fix_hint="Write the rollback from the strategy's template: drop foreign keys, "
                                              "tables in reverse order, enums, then the _prisma_migrations row.")
    if options.require_lock_file and stamps and not (folder / "migration_lock.toml").is_file():
        yield ctx.diagnostic(_at(folder), "`migrations/` has no `migration_lock.toml`.")
