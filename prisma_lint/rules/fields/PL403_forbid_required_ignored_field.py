"""Required field is `@ignore`d and has no default.

## What it does
Reports scalar and enum fields of models that are required (not `?`), marked `@ignore`, and have no
`@default`. Relation fields are not checked.

## Why is this bad?
`@ignore` removes the field from Prisma Client, but the column stays in the database, `NOT NULL` and
with no default. Every insert the client makes then leaves it out and fails with a constraint
violation. Make the column optional or give it a default before ignoring it (tools such as
prisma-safety catch more breaking changes of this kind).

## Example
```prisma
model Patient {
  id         String @id
  legacyCode String @ignore
}
```

Use instead:
```prisma
model Patient {
  id         String  @id
  legacyCode String? @ignore
}
```

## Differences from the npm prisma-lint
- npm skips enum fields (it takes every non-scalar type for a relation); an enum column is a real
  `NOT NULL` column, so it is checked here.
"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import Enum, Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext

CODE = "PL403"
NAME = "forbid-required-ignored-field"
CATEGORY = "fields"
SEVERITY = "error"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    for model in schema.models:
        for field in model.fields:
            if field.optional or not field.has_attribute("ignore") or field.has_attribute("default"):
                continue
            if not isinstance(schema.resolve_type(field), (str, Enum)):
                continue  # a relation field, or a type other rules report
            yield ctx.diagnostic(field.name_span, f"Field `{field.name}` is required and `@ignore`d but has no "
                                 "default, so inserts from Prisma Client will fail.",
                                 fix_hint="Make it optional (`?`) or give it a `@default(...)` before ignoring it.")
