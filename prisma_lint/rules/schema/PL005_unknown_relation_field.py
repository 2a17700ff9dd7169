"""`@relation` names a field that does not exist, or its `fields` and `references` differ in length.

## What it does
For every `@relation(fields: [...], references: [...])`, checks that:

* each name in `fields` is a field of the model that declares the relation;
* each name in `references` is a field of the related model (when that model is declared);
* `fields` and `references` list the same number of fields (a relation that gives one of them must
  give the other).

## Why is this bad?
Prisma rejects the schema ("The argument fields must refer only to existing fields. The following
fields do not exist in this model: patientID"), so the service cannot build or deploy. It is a typical
leftover of a rename: the scalar column was renamed and the relation still names the old one. Rules
that check foreign-key indexes and referential actions cannot check such a relation.

## Example
```prisma
model Visit {
  id            String      @id @default(uuid())
  appointmentId String
  appointment   Appointment @relation(fields: [appointmentID], references: [id], onDelete: Cascade)
}

model Appointment {
  id     String  @id @default(uuid())
  visits Visit[]
}
```

Use instead:
```prisma
model Visit {
  id            String      @id @default(uuid())
  appointmentId String
  appointment   Appointment @relation(fields: [appointmentId], references: [id], onDelete: Cascade)
}

model Appointment {
  id     String  @id @default(uuid())
  visits Visit[]
}
```

"""

from __future__ import annotations

import difflib
from typing import Iterator, Optional

from prisma_lint.ast.nodes import (ArrayValue, Attribute, ConstantValue, Expression, FunctionCall, Schema, Span,
                                   StringValue)
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.shared.facts import block_facts

CODE = "PL005"
NAME = "unknown-relation-field"
CATEGORY = "schema"
SEVERITY = "error"


def _items(expression: Optional[Expression]) -> list[tuple[str, Span]]:
    """The field names of `[a, b]` (or a bare `a`) with their spans."""
    if expression is None:
        return []
    items = expression.items if isinstance(expression, ArrayValue) else (expression,)
    found = []
    for item in items:
        if isinstance(item, (ConstantValue, StringValue)):
            found.append((item.value, item.span))
        elif isinstance(item, FunctionCall):
            found.append((item.name, item.span))
    return found


def _hint(name: str, candidates: list[str]) -> Optional[str]:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f"Did you mean `{close[0]}`?" if close else None


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    for block in schema.field_blocks():
        if block.kind == "type":
            continue
        own_fields = block_facts(block).fields
        for f, relation in block_facts(block).relations:
            attribute = relation.attribute
            named = attribute.named_args()
            fields = _items(named.get("fields"))
            references = _items(named.get("references"))
            for name, span in fields:
                if name not in own_fields:
                    yield ctx.diagnostic(
                        span, f"Relation `{f.name}` names `{name}` in `fields`, but {block.kind} `{block.name}` "
                        f"has no field `{name}`.", fix_hint=_hint(name, [o.name for o in block.fields]))
            target = schema.declaration(f.type) if f.type else None
            if target is not None and target.kind in ("model", "view"):
                target_fields = block_facts(target).fields
                for name, span in references:
                    if name not in target_fields:
                        yield ctx.diagnostic(
                            span, f"Relation `{f.name}` names `{name}` in `references`, but {target.kind} "
                            f"`{target.name}` has no field `{name}`.",
                            fix_hint=_hint(name, [t.name for t in target.fields]))
            has_fields = named.get("fields") is not None
            has_references = named.get("references") is not None
            if (has_fields or has_references) and len(fields) != len(references):
                yield ctx.diagnostic(
                    attribute.name_span,
                    f"Relation `{f.name}` lists {len(fields)} field(s) in `fields` but {len(references)} in "
                    "`references`.",
                    fix_hint="Give one referenced field for each foreign-key field, in the same order.")
