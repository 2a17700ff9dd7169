"""`SET NOT NULL` in the migration that added or backfilled the column.

## What it does
Reports `ALTER TABLE ... ALTER COLUMN ... SET NOT NULL` on a column that the same migration added
(`ADD COLUMN`) or backfilled (`UPDATE ... SET` that column).

## Why is this bad?
The strategy's nullable-first sequence puts the constraint in a separate migration, deployed once the
backfill is done and every writer fills the column. In the same migration, a writer still running the
old code (rolling deploy) inserts NULLs and fails, and a failed backfill takes the constraint down with it.

## Example
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_user_new_field/migration.sql
ALTER TABLE "User" ADD COLUMN "newField" TEXT;
ALTER TABLE "User" ALTER COLUMN "newField" SET NOT NULL;
```

Use instead:
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_user_new_field/migration.sql
ALTER TABLE "User" ADD COLUMN "newField" TEXT;
-- file: 20241224120000_alter_user_new_field_required/migration.sql
ALTER TABLE "User" ALTER COLUMN "newField" SET NOT NULL;
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL504"
NAME = "set-not-null-too-early"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast, enums

    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.model import identifier
    from prisma_lint.migrations.statements import target_table, updated_columns

    for analysis in checked(project):
        at = enums.AlterTableType
        for run in analysis.runs:
            added: set[tuple[str, str]] = set()
            backfilled: set[tuple[str, str]] = set()
            for statement in run.sql.statements:
                table = target_table(statement)
                if isinstance(statement.node, ast.UpdateStmt):
                    backfilled.update((table, c) for c in updated_columns(statement))
                if not isinstance(statement.node, ast.AlterTableStmt):
                    continue
                for command in statement.node.cmds or ():
                    if command.subtype == at.AT_AddColumn and command.def_ is not None:
                        added.add((table, identifier(command.def_.colname)))
                    elif command.subtype == at.AT_SetNotNull:
                        key = (table, identifier(command.name))
                        if key in added or key in backfilled:
                            how = "added" if key in added else "backfilled"
                            yield ctx.diagnostic(
                                statement.span,
                                f"`{table}.{key[1]}` is made NOT NULL in the migration that {how} it.",
                                fix_hint="Move SET NOT NULL to a separate, later migration.")
