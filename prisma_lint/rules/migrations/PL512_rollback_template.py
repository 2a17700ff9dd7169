"""Rollback script does not follow the strategy's template.

## What it does
Checks each rollback script against the parts of the strategy's rollback template:

- it deletes its own row from `_prisma_migrations`
  (`DELETE FROM "_prisma_migrations" WHERE migration_name = '<migration>'`);
- foreign-key and other constraints are dropped before any table;
- the tables its migration created are dropped in reverse order of creation.

## Why is this bad?
Without its `_prisma_migrations` row deleted, Prisma believes the migration is still applied and never
re-applies it. Dropping tables before the constraints that point at them, or in creation order, fails on
those constraints (or needs CASCADE, which drops more than the rollback says).

## Example
```sql
-- file: 20241222120000_create_visit/migration.sql
CREATE TABLE "Visit" ("id" TEXT NOT NULL, CONSTRAINT "Visit_pkey" PRIMARY KEY ("id"));
CREATE TABLE "ChatMessage" ("id" TEXT NOT NULL, "visitId" TEXT NOT NULL,
    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id"));
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id");
-- file: rollbacks/20241222120000_rollback.sql
DROP TABLE IF EXISTS "Visit" CASCADE;
DROP TABLE IF EXISTS "ChatMessage";
```

Use instead:
```sql
-- file: 20241222120000_create_visit/migration.sql
CREATE TABLE "Visit" ("id" TEXT NOT NULL, CONSTRAINT "Visit_pkey" PRIMARY KEY ("id"));
CREATE TABLE "ChatMessage" ("id" TEXT NOT NULL, "visitId" TEXT NOT NULL,
    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id"));
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id");
-- file: rollbacks/20241222120000_rollback.sql
ALTER TABLE "ChatMessage" DROP CONSTRAINT IF EXISTS "ChatMessage_visitId_fkey";
DROP TABLE IF EXISTS "ChatMessage";
DROP TABLE IF EXISTS "Visit";
DELETE FROM "_prisma_migrations" WHERE migration_name = '20241222120000_create_visit';
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL512"
NAME = "rollback-template"
CATEGORY = "migrations"
SEVERITY = "warning"
SCOPE = "project"


def _names_migration(statement, name: str) -> bool:
    from pglast import ast

    from prisma_lint.migrations.statements import walk

    return any(isinstance(n, ast.A_Const) and isinstance(n.val, ast.String) and n.val.sval == name
               for n in walk(statement.node.whereClause))


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from pglast import ast, enums

    from prisma_lint.migrations.analysis import checked, file_start
    from prisma_lint.migrations.model import identifier
    from prisma_lint.migrations.statements import MIGRATIONS_TABLE, target_table

    for analysis in checked(project):
        for run in analysis.runs:
            rollback = run.rollback
            if rollback is None or not rollback.readable:
                continue
            name = run.migration.name
            deletes = [s for s in rollback.statements
                       if isinstance(s.node, ast.DeleteStmt) and target_table(s) == MIGRATIONS_TABLE]
            if not deletes:
                yield ctx.diagnostic(file_start(rollback.path), f"Does not delete the row of `{name}` from "
                                                                f"`{MIGRATIONS_TABLE}`.",
                                     fix_hint=f"End it with DELETE FROM \"{MIGRATIONS_TABLE}\" WHERE migration_name = '{name}';")
            elif not any(s.node.whereClause is not None and _names_migration(s, name) for s in deletes):
                yield ctx.diagnostic(deletes[0].span, f"Deletes a `{MIGRATIONS_TABLE}` row, but not the one of `{name}`.")
            created = [identifier(s.node.relation.relname) for s in run.sql.statements if isinstance(s.node, ast.CreateStmt)]
            first_drop = None
            drops: list[tuple[str, object]] = []
            for statement in rollback.statements:
                node = statement.node
                if isinstance(node, ast.DropStmt) and node.removeType == enums.ObjectType.OBJECT_TABLE:
                    first_drop = first_drop or statement
                    drops.extend((identifier(names[-1].sval), statement) for names in node.objects or ())
                elif first_drop is not None and isinstance(node, ast.AlterTableStmt) and any(
                        c.subtype == enums.AlterTableType.AT_DropConstraint for c in node.cmds or ()):
                    yield ctx.diagnostic(statement.span, f"Drops a constraint after a table (line {first_drop.span.start_line}): "
                                                         "the template drops constraints first.")
            order = [(created.index(table), table, statement) for table, statement in drops if table in created]
            for (position, table, statement), (next_position, next_table, _s) in zip(order, order[1:]):
                if position < next_position:
                    yield ctx.diagnostic(statement.span, f"Drops `{table}` before `{next_table}`, which was created after "
                                                         "it: the template drops tables in reverse order of creation.")
                    break
