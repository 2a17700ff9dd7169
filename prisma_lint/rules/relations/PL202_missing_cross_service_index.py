"""Column referring to another service's entity has no index.

## What it does
Checks columns that hold the id of an entity owned by another service: plain scalar columns, with no
`@relation`, named like one of `fields` (default `patientId`, `providerId`, `encounterId`, the ids
the platform's services take from the API service) or matching one of `patterns`. Each must be
covered by an index: the leading column of an `@@index`, `@@unique` or `@@id`, or a `@unique`/`@id`
column. Columns that are part of a `@relation` are left to `missing-relation-index`; lists, views and
composite types are not checked.

## Why is this bad?
A service that stores only another service's id has no foreign key and no join: it finds "all rows
of this patient" by filtering on that column, for every screen and API call about the patient. Without
an index each such query scans the table. The migration strategy lists these references for each
service and expects them indexed like foreign keys.

## Example
```prisma
model CrisisEvent {
  id         String   @id @default(uuid())
  patientId  String
  occurredAt DateTime
}
```

Use instead:
```prisma
model CrisisEvent {
  id         String   @id @default(uuid())
  patientId  String
  occurredAt DateTime

  @@index([patientId])
}
```

## Fix
Safe: adds `@@index([column])` as the model's last line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.builders import add_block_attribute, source_text
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.options import Check
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.indexes import index_hint, is_covered, usable_indexes

CODE = "PL202"
NAME = "missing-cross-service-index"
CATEGORY = "relations"
SEVERITY = "warning"


def _compiled(value: list[str]) -> list[str]:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"{pattern!r} is not a regular expression: {error}") from None
    return value


@dataclass(frozen=True)
class Options(RuleOptions):
    fields: list[str] = option(
        ["patientId", "providerId", "encounterId"],
        description=(
            "names of the columns that refer to another service's entities."))
    patterns: Annotated[list[str], Check(_compiled)] = option(
        [],
        description=(
            "regular expressions; a column whose whole name matches one (`re.fullmatch`) is checked "
            "too, e.g. `'external[A-Z]\\w*Id'` (TOML literal string)."))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    names = set(options.fields)
    patterns = [re.compile(p) for p in options.patterns]
    for model in schema.models:
        facts = block_facts(model)
        if not patterns and names.isdisjoint(facts.fields):
            continue  # none of the columns it checks
        in_relations = facts.relation_scalars
        indexes = None
        for f in model.fields:
            if f.name in in_relations or f.list or not f.is_scalar_type or f.type == "Unsupported":
                continue
            if f.name not in names and not any(p.fullmatch(f.name) for p in patterns):
                continue
            if indexes is None:
                indexes = usable_indexes(model)
            if is_covered(model, [f.name], indexes):
                continue
            text = source_text(ctx, model.span)
            edits = [add_block_attribute(text, model, f"@@index([{f.name}])")] if text is not None else []
            yield ctx.diagnostic(f.name_span, f"Cross-service reference `{f.name}` has no index.",
                                 fix_hint=index_hint(model, [f.name]), edits=edits)
