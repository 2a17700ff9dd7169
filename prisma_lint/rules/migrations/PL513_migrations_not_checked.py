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

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext

CODE = "PL513"
NAME = "migrations-not-checked"
CATEGORY = "migrations"
SEVERITY = "info"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    from prisma_lint.migrations.analysis import analyse, file_start

    if ctx.unit is None or not any(path for path in ctx.unit.texts):
        return
    analysis = analyse(ctx.unit)
    if analysis.skipped is None:
        return
    span = file_start(ctx.unit.path)
    for datasource in schema.datasources:
        provider = datasource.property("provider")
        if provider is not None and analysis.service.folder is not None:
            span = provider.span
    what = "not checked for drift" if analysis.service.folder is None else "not checked"
    yield ctx.diagnostic(span, f"Migrations {what}: the schema {analysis.skipped}.")
