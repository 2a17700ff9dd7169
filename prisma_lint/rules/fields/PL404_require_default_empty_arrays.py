"""List field does not default to an empty list.

## What it does
Checks that scalar and enum list fields (`String[]`, `Role[]`) of models and composite types have
`@default([])`. Relation lists (`visits Visit[]`) have no column and are not checked.

## Why is this bad?
Without a default, a list column is `NULL` for every row created without it, and code written for
`string[]` meets `null`; the distinction between "no items" and "unknown" is rarely what anyone meant.
An empty-list default keeps the column and the generated type in agreement.

## Example
```prisma
model Patient {
  id        String   @id
  allergies String[]
}
```

Use instead:
```prisma
model Patient {
  id        String   @id
  allergies String[] @default([])
}
```

## Differences from the npm prisma-lint
- npm reports relation lists too (`posts Post[]`), which cannot take a `@default`; they are skipped
  here.
- npm checks models only; composite types (whose list fields take `@default([])` too) are checked here.
"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import ArrayValue, Enum, Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext

CODE = "PL404"
NAME = "require-default-empty-arrays"
CATEGORY = "fields"
SEVERITY = "error"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    for block in (*schema.models, *schema.types):
        for field in block.fields:
            if not field.list or field.type == "Unsupported":
                continue
            if not isinstance(schema.resolve_type(field), (str, Enum)):
                continue  # a relation list (no column), a composite list, or an unknown type
            default = field.attribute("default")
            value = default.arg("value", 0) if default is not None else None
            if isinstance(value, ArrayValue) and not value.items:
                continue
            span = field.type_span or field.name_span
            if default is None:
                message = f"List field `{field.name}` has no `@default([])`."
            else:
                span = default.span
                message = f"List field `{field.name}` defaults to something other than an empty list."
            yield ctx.diagnostic(span, message, fix_hint="Add `@default([])`.")
