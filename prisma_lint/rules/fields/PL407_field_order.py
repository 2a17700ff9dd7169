"""Fields are not in the configured order.

## What it does
Checks that the fields of models and views follow the configured `order`. Names in `order` that a
model lacks are skipped. Without `...`, the listed fields must be the only ones and in that order;
`...` stands for any number of other fields at that point, so `["tenantId", "id", "..."]` puts
`tenantId` and `id` first and anything after, and `["id", "...", "createdAt", "updatedAt"]` puts the
timestamps last. The first field out of place is reported, with the expected order.

## Why is this bad?
A shared field order makes models comparable at a glance: the keys are where every reviewer looks for
them, the audit columns close every table, and a model that lacks its `tenantId` stands out. It also
keeps generated migrations and `SELECT *` outputs in a predictable column order.

## Example
```prisma
model Visit {
  notes String
  id    String @id
}
```

Use instead:
```prisma
model Visit {
  id    String @id
  notes String
}
```

## Differences from the npm prisma-lint
- npm requires `order`; here it defaults to empty (nothing checked).
- npm reports the model; here the first field out of place is reported.
- npm checks models only; views are checked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option

CODE = "PL407"
NAME = "field-order"
CATEGORY = "fields"
SEVERITY = "error"
DEFAULT_OPTIONS = {"order": ["id", "..."]}
ANY = "..."


@dataclass(frozen=True)
class Options(RuleOptions):
    order: list[str] = option(
        [],
        description=(
            'field names in their required order, with `"..."` for any other fields.'))


def out_of_order(actual: list[str], expected: list[str]) -> list[int]:
    """Positions in `actual` of the fields that break `expected` (already reduced to the names
    present, plus `...`)."""
    wrong: list[int] = []
    e = a = 0
    while e < len(expected) and a < len(actual):
        want = expected[e]
        if actual[a] == want:
            e += 1
            a += 1
        elif want == ANY:
            following: Optional[str] = expected[e + 1] if e + 1 < len(expected) else None
            if actual[a] == following:
                e += 1  # the wildcard ends here
            else:
                a += 1  # the wildcard takes this field
        else:
            wrong.append(a)
            a += 1
    wrong.extend(range(a, len(actual)))
    return wrong


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    order = ctx.options.order
    if not order:
        return
    for block in (*schema.models, *schema.views):
        actual = [f.name for f in block.fields]
        present = set(actual)
        expected = [name for name in order if name in present or name == ANY]
        wrong = out_of_order(actual, expected)
        if wrong:
            field = block.fields[wrong[0]]
            listed = ", ".join(f"`{name}`" for name in expected)
            yield ctx.diagnostic(field.name_span, f"Field `{field.name}` is out of order; expected order: "
                                 f"{listed}.", fix_hint="Move the fields into the configured order.")
