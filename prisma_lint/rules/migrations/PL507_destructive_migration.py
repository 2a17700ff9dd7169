"""Migration drops a column or a table, or changes a column's type.

## What it does
Reports `DROP COLUMN`, `DROP TABLE` and `ALTER COLUMN ... TYPE` in a forward migration, on a table that
an earlier migration created. A deliberate drop (the cleanup migration after a transition) is kept with
a suppression that says why: `-- prisma-lint-disable-next-line PL507 -- reason`.

## Why is this bad?
The data is gone, and the code still deployed during a rolling deploy reads the column. The strategy
keeps old columns through a transition (add the new column, read both, then drop the old one in a
cleanup migration once nothing reads it). A type change rewrites the table under an exclusive lock and
can fail on existing values.

## Example
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "dateOfBirthOld" TEXT, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_drop_patient_date_of_birth_old/migration.sql
ALTER TABLE "Patient" DROP COLUMN "dateOfBirthOld";
```

Use instead:
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "dateOfBirthOld" TEXT, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_drop_patient_date_of_birth_old/migration.sql
-- prisma-lint-disable-next-line PL507 -- every reader moved to dateOfBirthNew in release 4.2
ALTER TABLE "Patient" DROP COLUMN "dateOfBirthOld";
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL507"
NAME = "destructive-migration"
CATEGORY = "migrations"
SEVERITY = "warning"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast, enums

    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.model import identifier
    from prisma_lint.migrations.statements import target_table

    for analysis in checked(project):
        at = enums.AlterTableType
        hint = "Keep the old column through the transition; when the drop is deliberate, suppress this with its reason."
        for run in analysis.runs:
            for statement in run.sql.statements:
                node = statement.node
                if isinstance(node, ast.DropStmt) and node.removeType == enums.ObjectType.OBJECT_TABLE:
                    for names in node.objects or ():
                        table = identifier(names[-1].sval)
                        if table in run.before.tables:
                            yield ctx.diagnostic(statement.span, f"Drops table `{table}` and every row in it.", fix_hint=hint)
                elif isinstance(node, ast.AlterTableStmt) and target_table(statement) in run.before.tables:
                    table = target_table(statement)
                    for command in node.cmds or ():
                        if command.subtype == at.AT_DropColumn:
                            yield ctx.diagnostic(statement.span, f"Drops column `{table}.{command.name}` and its data.",
                                                 fix_hint=hint)
                        elif command.subtype == at.AT_AlterColumnType:
                            yield ctx.diagnostic(statement.span, f"Changes the type of `{table}.{command.name}`: the table "
                                                                 "is rewritten under an exclusive lock.",
                                                 fix_hint="Add a column of the new type and move the data over a transition.")
