"""`UPDATE` or `DELETE` of an existing table that is not batched.

## What it does
Reports an `UPDATE` or `DELETE` of a table that an earlier migration created when it has no `WHERE`
bounding it and does not run inside a loop; inside a `DO` block loop it must take its rows in batches
(a `LIMIT`, as in the strategy's batching block).

## Why is this bad?
An unbounded `UPDATE` rewrites the whole table in one transaction: it locks every row, bloats the table
and can run past the deploy's timeout. The strategy's form is a DO block that loops over batches of
1000 rows until none are left.

## Example
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "oldColumn" TEXT, "newColumn" TEXT,
    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_migrate_patient_new_column/migration.sql
UPDATE "Patient" SET "newColumn" = "oldColumn";
```

Use instead:
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "oldColumn" TEXT, "newColumn" TEXT,
    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_migrate_patient_new_column/migration.sql
DO $$
DECLARE
    batch_size INT := 1000;
    row_count INT;
BEGIN
    LOOP
        UPDATE "Patient" SET "newColumn" = "oldColumn"
        WHERE id IN (SELECT id FROM "Patient" WHERE "newColumn" IS NULL ORDER BY id LIMIT batch_size);
        GET DIAGNOSTICS row_count = ROW_COUNT;
        EXIT WHEN row_count = 0;
    END LOOP;
END $$;
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL506"
NAME = "unbatched-data-migration"
CATEGORY = "migrations"
SEVERITY = "warning"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast

    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.statements import MIGRATIONS_TABLE, has_limit, target_table

    for analysis in checked(project):
        for run in analysis.runs:
            for statement in run.sql.statements:
                node = statement.node
                if not isinstance(node, (ast.UpdateStmt, ast.DeleteStmt)):
                    continue
                table = target_table(statement)
                if table == MIGRATIONS_TABLE or table not in run.before.tables:
                    continue
                verb = "UPDATE" if isinstance(node, ast.UpdateStmt) else "DELETE"
                if statement.in_loop:
                    if not has_limit(statement):
                        yield ctx.diagnostic(statement.span, f"This {verb} of `{table}` runs in a loop but takes no "
                                                             "batch: nothing limits the rows of each turn.",
                                             fix_hint="Select each batch's rows with a LIMIT, as the strategy's block does.")
                elif node.whereClause is None:
                    yield ctx.diagnostic(statement.span, f"{verb} of every row of `{table}` in one statement.",
                                         fix_hint="Bound it with a WHERE, or batch it in a DO block loop with LIMIT "
                                                  "(the strategy's batching block).")
