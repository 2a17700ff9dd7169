"""Field type is not a scalar type or a declared model, enum or composite type.

## What it does
Checks the type of every field of a model, view or composite type: it must be one of Prisma's scalar
types (`String`, `Int`, `DateTime`, ..., `Unsupported("...")`) or the name of a model, view, enum or
composite type declared in the schema (in any file of a schema folder). Names are case-sensitive, so
`string` and `datetime` are unknown too.

## Why is this bad?
`prisma validate`, `prisma generate` and `prisma migrate` reject the schema ("Type `Strng` is neither a
built-in type, nor refers to another model, composite type, or enum."), so the service cannot build or
deploy. The other rules cannot tell a relation from a column on such a field, so they skip it.

## Example
```prisma
model Patient {
  id        String   @id @default(uuid())
  birthDate Datetime
}
```

Use instead:
```prisma
model Patient {
  id        String   @id @default(uuid())
  birthDate DateTime
}
```

"""

from __future__ import annotations

import difflib
from typing import Iterator

from prisma_lint.ast.nodes import SCALAR_TYPES, Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext

CODE = "PL002"
NAME = "unknown-type"
CATEGORY = "schema"
SEVERITY = "error"


def _suggestion(name: str, known: list[str]) -> str | None:
    by_case = [k for k in known if k.lower() == name.lower()]
    if by_case:
        return by_case[0]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return close[0] if close else None


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    known: list[str] | None = None
    # The type names that resolve (as `schema.resolve_type` resolves them), or are missing (None).
    resolved = {None, *SCALAR_TYPES, *(b.name for b in schema.blocks if b.kind not in ("datasource", "generator"))}
    for block in schema.field_blocks():
        if resolved.issuperset([f.type for f in block.fields]):
            continue
        for f in block.fields:
            if f.type is None or schema.resolve_type(f) is not None:
                continue
            if known is None:
                declared = [b.name for b in schema.blocks if b.kind in ("model", "view", "type", "enum")]
                known = sorted(SCALAR_TYPES - {"Unsupported"}) + declared
            suggestion = _suggestion(f.type, known)
            hint = (f"Did you mean `{suggestion}`?" if suggestion else
                    "Use a scalar type (String, Int, BigInt, Float, Decimal, Boolean, DateTime, Json, Bytes) "
                    "or declare the model, enum or composite type.")
            yield ctx.diagnostic(f.type_span or f.name_span,
                                 f"Type `{f.type}` of field `{f.name}` is not a scalar type or a declared "
                                 "model, enum or composite type.", fix_hint=hint)
