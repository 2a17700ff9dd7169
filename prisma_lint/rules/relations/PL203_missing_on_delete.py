"""Relation does not state `onDelete`.

## What it does
Reports every relation with `@relation(fields: [...], ...)` (the side that holds the foreign key)
that has no `onDelete:` argument, and so relies on Prisma's implicit referential action: `Restrict`
when the relation is required, `SetNull` when it is optional. Whether that default is the right one
is checked by `on-delete-policy` once the action is written down.

## Why is this bad?
What happens to the children when a parent row is deleted is a data-retention decision (delete them,
keep them detached, or refuse the delete), and the implicit default hides whether anyone made it. A
required child with the implicit `Restrict` makes deleting the parent fail in production; an optional
one silently loses its link. The migration strategy chooses the action per relationship (Cascade for
owned children, SetNull for optional, Restrict for required), so every relation must state it.

## Example
```prisma
model TreatmentPlan {
  id       String           @id @default(uuid())
  sessions TherapySession[]
}

model TherapySession {
  id              String         @id @default(uuid())
  treatmentPlanId String?
  treatmentPlan   TreatmentPlan? @relation(fields: [treatmentPlanId], references: [id])
}
```

Use instead:
```prisma
model TreatmentPlan {
  id       String           @id @default(uuid())
  sessions TherapySession[]
}

model TherapySession {
  id              String         @id @default(uuid())
  treatmentPlanId String?
  treatmentPlan   TreatmentPlan? @relation(fields: [treatmentPlanId], references: [id], onDelete: SetNull)
}
```

"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.shared.indexes import owner_by_name

CODE = "PL203"
NAME = "missing-on-delete"
CATEGORY = "relations"
SEVERITY = "warning"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    for block in schema.field_blocks():
        if block.kind == "type":
            continue
        for f in block.fields:
            relation = f.relation
            if relation is None or not relation.fields or relation.on_delete is not None:
                continue
            parent = f.type or "the parent"
            if f.optional:
                message = (f"Relation `{f.name}` does not state `onDelete`; it relies on Prisma's default for an "
                           "optional relation, `SetNull`.")
                hint = "Add `onDelete: SetNull` to the `@relation`."
            else:
                message = (f"Relation `{f.name}` does not state `onDelete`; it relies on Prisma's default for a "
                           "required relation, `Restrict`.")
                if f.type and owner_by_name(block.name, f.type):
                    hint = (f"Add `onDelete: Cascade` if a `{block.name}` belongs to its `{parent}` (as its name "
                            "suggests), otherwise `onDelete: Restrict`.")
                else:
                    hint = (f"Add `onDelete: Cascade` if a `{block.name}` belongs to its `{parent}`, otherwise "
                            "`onDelete: Restrict`.")
            yield ctx.diagnostic(f.name_span, message, fix_hint=hint)
