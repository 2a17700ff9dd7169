"""Migration SQL that PostgreSQL cannot read.

## What it does
Parses every `migration.sql` and rollback script with PostgreSQL's own parser (pglast) and reports each
statement it cannot parse, at the position PostgreSQL gives; the statements of a `DO $$ ... $$` block are
read with the PL/pgSQL parser. A file that is empty, binary, not UTF-8 or too large to read (over 20 MB)
is one finding at its first line.

## Why is this bad?
`prisma migrate deploy` stops at the first statement PostgreSQL rejects, leaving the migration failed
in `_prisma_migrations` and the database half changed. Every other migration check also needs SQL it
can read.

## Example
```sql
-- file: 20241222120000_initial_schema/migration.sql
CREATE TABL "Patient" ("id" TEXT NOT NULL);
```

Use instead:
```sql
-- file: 20241222120000_initial_schema/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL);
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL502"
NAME = "migration-sql-syntax"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from prisma_lint.migrations.analysis import checked

    for analysis in checked(project):
        for sql in analysis.files.values():
            for span, message in sql.problems:
                yield ctx.diagnostic(span, message)
