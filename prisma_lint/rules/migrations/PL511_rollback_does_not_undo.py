"""Rollback script does not undo its migration.

## What it does
For every migration with a rollback script (`rollbacks/<timestamp>_rollback.sql`), replays the
migrations up to it, then the migration, then the rollback, and compares the result with the database
before the migration: what the rollback leaves ("does not drop table `Allergy`") or takes away that was
there before is reported on the rollback script. A rollback script whose migration does not exist, and a
rollback statement PostgreSQL would refuse, are reported too.

## Why is this bad?
A rollback is run during an incident, by someone who has no time to check it. One that leaves a table
behind makes the next deploy of the migration fail ("relation already exists"); one that drops too much
loses data. The strategy asks to verify the rollback script before it is needed.

## Example
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Allergy" ("id" TEXT NOT NULL, CONSTRAINT "Allergy_pkey" PRIMARY KEY ("id"));
-- file: rollbacks/20241222120000_rollback.sql
DROP TABLE IF EXISTS "Patient";
DELETE FROM "_prisma_migrations" WHERE migration_name = '20241222120000_create_patient';
```

Use instead:
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Allergy" ("id" TEXT NOT NULL, CONSTRAINT "Allergy_pkey" PRIMARY KEY ("id"));
-- file: rollbacks/20241222120000_rollback.sql
DROP TABLE IF EXISTS "Allergy";
DROP TABLE IF EXISTS "Patient";
DELETE FROM "_prisma_migrations" WHERE migration_name = '20241222120000_create_patient';
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL511"
NAME = "rollback-does-not-undo"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"

_VERBS = {"table": "drop table", "column": "drop column", "index": "drop index", "foreign key": "drop foreign key",
          "enum": "drop type", "enum value": "remove enum value"}


def undo_message(difference) -> str:
    """A rollback difference in words (shared with `verify-migrations`); `expected` is the database before
    the migration, `actual` the database after the rollback."""
    if difference.change == "extra":
        return f"Does not {_VERBS.get(difference.what, 'undo')} `{difference.name}`."
    if difference.change == "missing":
        return f"Removes {difference.what} `{difference.name}`, which existed before the migration."
    return (f"Leaves {difference.what} `{difference.name}` changed: before the migration {difference.detail} "
            "after the rollback.")


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from prisma_lint.migrations.analysis import checked, file_start
    from prisma_lint.migrations.model import compare

    for analysis in checked(project):
        for orphan in analysis.service.orphan_rollbacks:
            yield ctx.diagnostic(file_start(orphan), f"Rollback script `{orphan.name}` belongs to no migration "
                                                     f"(no migration folder starts with `{orphan.name[:14]}_`).")
        for run in analysis.runs:
            if run.rollback is None or run.after_rollback is None or not run.rollback.readable:
                continue
            for span, message in run.rollback_problems:
                yield ctx.diagnostic(span, message)
            start = file_start(run.rollback.path)
            for difference in compare(run.before, run.after_rollback):
                yield ctx.diagnostic(start, f"Rollback of `{run.migration.name}`: {undo_message(difference)}")
