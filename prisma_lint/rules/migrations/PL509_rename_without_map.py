"""Migration renames a table or column while the schema does not keep the old name.

## What it does
Reports `ALTER TABLE ... RENAME TO` and `ALTER TABLE ... RENAME COLUMN` when the schema has no
`@@map("old")` (table) or `@map("old")` (column) keeping the old database name.

## Why is this bad?
During a rolling deploy the clients of the previous release still query the old name and fail until
they are replaced. Renaming in Prisma only (the model or field gets its new name, `@@map`/`@map` keeps
the database name) needs no migration at all.

## Example
```prisma
model Member {
  id String @id
}
```
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- file: 20241223120000_rename_user_to_member/migration.sql
ALTER TABLE "User" RENAME TO "Member";
```

Use instead:
```prisma
model Member {
  id String @id

  @@map("User")
}
```
```sql
-- file: 20241222120000_create_user/migration.sql
CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL509"
NAME = "rename-without-map"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast, enums

    from prisma_lint.migrations.analysis import checked
    from prisma_lint.migrations.model import identifier

    for analysis in checked(project):
        models = analysis.schema.models if analysis.schema is not None else ()
        tables = {m.database_name for m in models}
        columns = {f.database_name for m in models for f in m.fields}
        for run in analysis.runs:
            for statement in run.sql.statements:
                node = statement.node
                if not isinstance(node, ast.RenameStmt) or node.relation is None:
                    continue
                old_table = identifier(node.relation.relname)
                if node.renameType == enums.ObjectType.OBJECT_TABLE and old_table not in tables:
                    yield ctx.diagnostic(statement.span, f"Renames table `{old_table}` to `{node.newname}`: clients of the "
                                                         "previous release still query the old name.",
                                         fix_hint=f"Rename the model only and keep `@@map(\"{old_table}\")`.")
                elif node.renameType == enums.ObjectType.OBJECT_COLUMN and identifier(node.subname) not in columns:
                    yield ctx.diagnostic(statement.span, f"Renames column `{old_table}.{node.subname}` to `{node.newname}`: "
                                                         "clients of the previous release still query the old name.",
                                         fix_hint=f"Rename the field only and keep `@map(\"{node.subname}\")`.")
