"""`CREATE INDEX` without `CONCURRENTLY` on a table that already exists.

## What it does
Reports `CREATE INDEX` (or `CREATE UNIQUE INDEX`) without `CONCURRENTLY` on a table that an earlier
migration created. Off in the strategy preset: enable it where migrations can run outside a transaction.

## Why is this bad?
A plain `CREATE INDEX` blocks every write to the table until the index is built, which on a large table
is an outage. The trade-off: `prisma migrate deploy` runs each migration in a transaction, where
PostgreSQL refuses `CREATE INDEX CONCURRENTLY`; with Prisma such an index has to be built by hand (or in
a migration that holds only that statement, applied outside Prisma) and the migration marked applied.

## Example
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "email" TEXT, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_index_on_patient_email/migration.sql
CREATE INDEX "Patient_email_idx" ON "Patient"("email");
```

Use instead:
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "email" TEXT, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_index_on_patient_email/migration.sql
CREATE INDEX CONCURRENTLY "Patient_email_idx" ON "Patient"("email");
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL508"
NAME = "index-without-concurrently"
CATEGORY = "migrations"
SEVERITY = "warning"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast

    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.statements import target_table

    for analysis in checked(project):
        for run in analysis.runs:
            for statement in run.sql.statements:
                node = statement.node
                if isinstance(node, ast.IndexStmt) and not node.concurrent and target_table(statement) in run.before.tables:
                    yield ctx.diagnostic(statement.span, f"Builds index `{node.idxname or ''}` on `{target_table(statement)}` "
                                                         "without CONCURRENTLY: writes to the table wait until it is built.",
                                         fix_hint="CREATE INDEX CONCURRENTLY (outside a transaction).")
