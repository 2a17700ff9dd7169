"""Business-key column is not unique.

## What it does
Checks that the columns that identify a record in the real world (`columns`, default `email` and
`medicalRecordNumber`, the strategy's examples) are unique wherever a model has them: the field has
`@unique` or `@id`, or there is a single-column `@@unique([...])` or `@@id([...])` on it. Partial
unique indexes (Prisma 7's `where:`) count.

Not reported, unless the options say otherwise: optional columns (a column that may be null does not
identify every row, e.g. an emergency contact's `email String?`), and a column that leads a
multi-column `@@index` (an event table keyed by it, e.g. `@@index([email, attemptedAt])` on login
attempts, where repeats are the point). A single-column `@@index([email])` is reported: it is the
usual slip for `@@unique`. Views and composite types are not checked.

## Why is this bad?
Without a unique constraint two rows can claim the same business key: two accounts for one email,
two charts for one medical record number. Application-level checks race under concurrent requests,
and merging the duplicates later is a manual, error-prone data migration.

## Example
```prisma
model Patient {
  id                  String @id @default(uuid())
  medicalRecordNumber String

  @@index([medicalRecordNumber])
}
```

Use instead:
```prisma
model Patient {
  id                  String @id @default(uuid())
  medicalRecordNumber String @unique
}
```

"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import block_facts

CODE = "PL304"
NAME = "missing-unique-business-key"
CATEGORY = "keys"
SEVERITY = "warning"


@dataclass(frozen=True)
class Options(RuleOptions):
    columns: list[str] = option(["email", "medicalRecordNumber"], description="the business-key columns.")
    include_optional: bool = option(False, description="check optional (nullable) columns too.")
    allow_composite_index: bool = option(
        True,
        description=(
            "accept a column that leads a multi-column non-unique `@@index` as deliberately "
            "non-unique."))
    allow_compound: bool = option(
        False,
        description=(
            "accept a compound `@@unique` that contains the column (unique per tenant, e.g. "
            "`@@unique([organizationId, email])`)."))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for model in schema.models:
        indexes = None
        fields = block_facts(model).fields
        for column in options.columns:
            f = fields.get(column)
            if f is None or f.list or (f.optional and not options.include_optional):
                continue
            target = schema.resolve_type(f)
            if target is not None and not isinstance(target, str) and target.kind != "enum":
                continue  # a relation or composite-type field, not a column
            if indexes is None:
                indexes = model.indexes
            unique = False
            for index in indexes:
                if index.type not in ("id", "unique") or column not in index.fields:
                    continue
                if len(index.fields) == 1 or options.allow_compound:
                    unique = True
                    break
            if unique:
                continue
            if options.allow_composite_index and any(
                    index.type == "index" and len(index.fields) > 1 and index.fields[0] == column
                    for index in indexes):
                continue
            yield ctx.diagnostic(f.name_span, f"Business key `{column}` is not unique.",
                                 fix_hint=f"Add `@unique` to `{column}` (or `@@unique([{column}])`).")
