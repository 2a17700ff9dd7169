"""The service's migrations were not checked (no migrations folder, or not PostgreSQL).

## What it does
Says once per schema file why the SQL checks (PL502-PL512) did not run on it: the schema has no
`migrations/` folder beside it, so there is nothing to compare it with (no drift check), or its
datasource is not PostgreSQL (MySQL, SQLite, SQL Server, MongoDB, CockroachDB), whose SQL these checks
do not guess at. An info, not a problem.

## Why is this bad?
It is not: it tells that a clean result for this schema covers no migration SQL, so nobody mistakes it
for a checked one.

## Example
```prisma
datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}
```
```sql
-- file: 20241222120000_initial_schema/migration.sql
CREATE TABLE `Patient` (`id` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`));
```

Use instead:
```prisma
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
```
```sql
-- file: 20241222120000_initial_schema/migration.sql
SELECT 1;
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL513"
NAME = "migrations-not-checked"
CATEGORY = "migrations"
SEVERITY = "info"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    from prisma_lint.migrations.analysis import analyse, file_start

    for service in project.services:
        if not service.parsed:
            continue
        analysis = analyse(service)
        if analysis.skipped is None or analysis.service.schema_path is None:
            continue  # checked, or a schema given as text (nothing beside it to check)
        span = file_start(analysis.service.schema_path)
        if analysis.service.folder is not None and service.provider_span is not None:
            span = service.provider_span
        what = "not checked for drift" if analysis.service.folder is None else "not checked"
        yield ctx.diagnostic(span, f"Migrations {what}: the schema {analysis.skipped}.")
