"""Frequently queried column, or common query pattern, has no index.

## What it does
Checks the strategy's index guidelines 2 and 3 on every model that has the columns:

* each column of `columns` (default `status` and `scheduledAt`, the strategy's examples of
  frequently queried columns) must be covered: some index starts with it, or it belongs to one of the
  `composites` patterns and that pattern is indexed (`@@index([providerId, status])` serves the
  status filter of the provider's work list);
* each pattern of `composites` (default `[patientId, scheduledAt]` and `[providerId, status]`) whose
  columns the model all has must be covered by an index that starts with those columns, in any order.

Any `@@index`, `@@unique`, `@@id`, `@unique` or `@id` counts; `@@fulltext` and partial indexes do not.
Unless `include-dependent` is set, dependent models are skipped: a model with a required relation
declared `onDelete: Cascade` (a claim's lines, an order's items) is read through its parent's foreign
key, which `missing-relation-index` already requires to be indexed. Views and composite types are not
checked.

## Why is this bad?
Work lists ("today's appointments", "open orders for this provider") filter on these columns on
every page load. Without an index each one scans the table, and the cost grows with the table: the
slow query shows up months after the migration, under production load.

## Example
```prisma
model Appointment {
  id          String   @id @default(uuid())
  patientId   String
  scheduledAt DateTime

  @@index([patientId])
}
```

Use instead:
```prisma
model Appointment {
  id          String   @id @default(uuid())
  patientId   String
  scheduledAt DateTime

  @@index([patientId])
  @@index([scheduledAt])
  @@index([patientId, scheduledAt])
}
```

"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Model, Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.indexes import index_hint, is_covered, usable_indexes

CODE = "PL303"
NAME = "missing-query-index"
CATEGORY = "keys"
SEVERITY = "warning"


@dataclass(frozen=True)
class Options(RuleOptions):
    columns: list[str] = option(
        ["status", "scheduledAt"],
        description=(
            "columns that must be indexed wherever they appear."))
    composites: list[list[str]] = option(
        [["patientId", "scheduledAt"], ["providerId", "status"]],
        description=(
            "query patterns that need a composite index in every model that has all their columns."))
    include_dependent: bool = option(
        False,
        description=(
            "check dependent models (a required relation with `onDelete: Cascade`) too."))


def _dependent(model: Model) -> bool:
    for f, relation in block_facts(model).relations:
        if relation.fields and not f.optional and relation.on_delete == "Cascade":
            return True
    return False


def _columns(schema: Schema, model: Model) -> set[str]:
    """Fields that are columns: not relation fields, not composite-type fields."""
    found = set()
    for f in model.fields:
        target = schema.resolve_type(f)
        if target is None or isinstance(target, str) or target.kind == "enum":
            found.add(f.name)
    return found


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    wanted = {*options.columns, *(column for pattern in options.composites for column in pattern)}
    for model in schema.models:
        if wanted.isdisjoint(block_facts(model).fields):
            continue  # none of the columns it checks
        if not options.include_dependent and _dependent(model):
            continue
        present = _columns(schema, model)
        indexes = usable_indexes(model)
        patterns = [list(dict.fromkeys(p)) for p in options.composites if p and set(p) <= present]
        covered_patterns = [p for p in patterns if is_covered(model, p, indexes)]
        for column in options.columns:
            if column not in present or is_covered(model, [column], indexes):
                continue
            if any(column in p for p in covered_patterns):
                continue
            f = model.field(column)
            if f is None:
                continue
            yield ctx.diagnostic(f.name_span, f"Frequently queried column `{column}` has no index.",
                                 fix_hint=index_hint(model, [column]))
        for pattern in patterns:
            if pattern in covered_patterns:
                continue
            names = ", ".join(f"`{c}`" for c in pattern)
            yield ctx.diagnostic(model.name_span,
                                 f"Model `{model.name}` has no index for the query pattern ({names}).",
                                 fix_hint=index_hint(model, pattern))
