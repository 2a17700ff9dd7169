"""Schema changes and data changes in one migration.

## What it does
Reports a migration that both changes the schema (DDL: CREATE, ALTER, DROP, RENAME, CREATE INDEX, ...)
and changes data (`UPDATE`, `DELETE`, `INSERT ... SELECT`), at its first data statement. Statements
inside `DO` blocks count. A plain `INSERT ... VALUES` (seed rows) is not a data migration.

## Why is this bad?
The strategy separates schema and data migrations: a data migration runs long on a big table while the
schema change holds its locks, and when the data part fails the schema part is rolled back or, worse,
left half applied. Separate migrations can be deployed, timed and rolled back on their own.

## Example
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, "oldField" TEXT, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_user_new_field/migration.sql
ALTER TABLE "User" ADD COLUMN "newField" TEXT;
UPDATE "User" SET "newField" = "oldField" WHERE "newField" IS NULL;
```

Use instead:
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, "oldField" TEXT, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_user_new_field/migration.sql
ALTER TABLE "User" ADD COLUMN "newField" TEXT;
-- file: 20241223120001_migrate_user_new_field/migration.sql
UPDATE "User" SET "newField" = "oldField" WHERE "newField" IS NULL;
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL505"
NAME = "mixed-schema-and-data-migration"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.statements import is_data_change, is_schema_change

    for analysis in checked(project):
        for run in analysis.runs:
            ddl = next((s for s in run.sql.statements if is_schema_change(s)), None)
            data = next((s for s in run.sql.statements if is_data_change(s)), None)
            if ddl is not None and data is not None:
                yield ctx.diagnostic(
                    data.span,
                    f"Migration `{run.migration.name}` changes data here and the schema on line {ddl.span.start_line}.",
                    fix_hint="Split it: the schema change in one migration, the data migration in the next.")
