"""The migrations do not build what the schema says (schema drift).

## What it does
Replays the service's migrations in order, offline, into a model of the database (tables, columns with
type, nullability and default, primary keys, unique and plain indexes with their names, foreign keys with
their actions, enums and their values, renames and drops) and compares it with what Prisma would create
for the schema (Prisma's names `Table_col_idx`, `Table_col_key`, `Table_col_fkey`, `Table_pkey`;
`@map`/`@@map`; native types; lists; `Json`). Each difference is reported at the schema line when the
schema has the thing, else at the migration statement that created it. A statement PostgreSQL would
refuse while replaying (altering a table that does not exist) is reported too.

`prisma-lint verify-migrations` checks the same on a real PostgreSQL.

## Why is this bad?
`prisma migrate deploy` applies the migrations, not the schema: where they disagree, production has a
database the generated client does not expect (a missing column fails at run time), and the next
`prisma migrate dev` generates a surprise migration to close the gap.

## Example
```prisma
model Patient {
  id    String @id
  email String
}
```
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "email" VARCHAR(100), CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
```

Use instead:
```prisma
model Patient {
  id    String @id
  email String
}
```
```sql
-- file: 20241222120000_create_patient/migration.sql
CREATE TABLE "Patient" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import Span
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL510"
NAME = "migration-schema-drift"
CATEGORY = "migrations"
SEVERITY = "error"
SCOPE = "project"


def describe(difference) -> str:
    """A drift difference in words (shared with `verify-migrations`)."""
    what, name = difference.what, difference.name
    if difference.change == "missing":
        return f"The schema has {what} `{name}`{_detail(difference)} but the migrations do not create it."
    if difference.change == "extra":
        return f"The migrations create {what} `{name}`{_detail(difference)}, which the schema does not have."
    return f"{what.capitalize()} `{name}` differs: the schema says {difference.detail} in the migrations."


def _detail(difference) -> str:
    return f" ({difference.detail})" if difference.detail else ""


def _enum_value_span(enum, value: str):
    if enum is None:
        return None
    origins = enum.value_origins or ()
    for member, origin in zip(enum.values, origins):
        if member == value:
            return origin
    return enum.origin


def position(difference) -> Span | None:
    """The schema's place for the difference when it has one, else the migration's."""
    if difference.what == "enum value":
        value = difference.name.split(".", 1)[1]
        side = difference.expected if difference.change != "extra" else difference.actual
        return _enum_value_span(side, value)
    for side in (difference.expected, difference.actual):
        origin = getattr(side, "origin", None)
        if isinstance(origin, Span):
            return origin
    return None


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    if not project.has_migrations:
        return
    from prisma_lint.migrations.analysis import checked, file_start
    from prisma_lint.migrations.model import compare

    for analysis in checked(project):
        if analysis.expected is None or not analysis.runs:
            continue
        for run in analysis.runs:
            for span, message in run.problems:
                yield ctx.diagnostic(span, message)
        for difference in compare(analysis.expected, analysis.final):
            span = position(difference) or file_start(analysis.service.schema_path)
            yield ctx.diagnostic(span, describe(difference))
