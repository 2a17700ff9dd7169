"""Column added as NOT NULL without a DEFAULT to a table that already exists.

## What it does
Reports `ALTER TABLE ... ADD COLUMN ... NOT NULL` with no `DEFAULT` when an earlier migration created
the table. (A table created in the same migration is empty, so it is not reported.)

## Why is this bad?
The statement fails as soon as the table has a row: PostgreSQL cannot fill the new column. The strategy's
sequence is: add the column nullable, backfill it, then `SET NOT NULL` in a separate migration.

## Example
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_user_new_field/migration.sql
ALTER TABLE "User" ADD COLUMN "newField" TEXT NOT NULL;
```

Use instead:
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_add_user_new_field/migration.sql
ALTER TABLE "User" ADD COLUMN "newField" TEXT;
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL503"
NAME = "add-not-null-column-without-default"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast, enums

    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.normalize import is_serial
    from prisma_lint.migrations.statements import target_table

    for analysis in checked(project):
        kinds = enums.ConstrType
        for run in analysis.runs:
            for statement in run.sql.statements:
                if not isinstance(statement.node, ast.AlterTableStmt) or target_table(statement) not in run.before.tables:
                    continue
                for command in statement.node.cmds or ():
                    if command.subtype != enums.AlterTableType.AT_AddColumn or command.def_ is None:
                        continue
                    column = command.def_
                    constraints = {c.contype for c in column.constraints or ()}
                    not_null = column.is_not_null or kinds.CONSTR_NOTNULL in constraints or kinds.CONSTR_PRIMARY in constraints
                    filled = constraints & {kinds.CONSTR_DEFAULT, kinds.CONSTR_IDENTITY, kinds.CONSTR_GENERATED}
                    if not_null and not filled and not is_serial(column.typeName):
                        table = target_table(statement)
                        yield ctx.diagnostic(
                            statement.span,
                            f"`{column.colname}` is added to `{table}` as NOT NULL without a DEFAULT: this fails once "
                            f"`{table}` has rows.",
                            fix_hint="Add it nullable, backfill it, then SET NOT NULL in a separate migration.")
