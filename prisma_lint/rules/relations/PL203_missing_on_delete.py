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

## Fix
Adds `onDelete:` to the `@relation`: `SetNull` on an optional relation and `Restrict` on a required one,
which is what Prisma does without it (safe: only the schema says it now); on a required relation whose
child is named after its parent (`ClaimLine` -> `Claim`), `Cascade`, as the strategy's `on-delete-policy`
wants for owned children (unsafe: deleting a parent then deletes its children).
"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.builders import add_argument, source_text
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.indexes import owner_by_name

CODE = "PL203"
NAME = "missing-on-delete"
CATEGORY = "relations"
SEVERITY = "warning"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    for block in schema.field_blocks():
        if block.kind == "type":
            continue
        for f, relation in block_facts(block).relations:
            if not relation.fields or relation.on_delete is not None:
                continue
            parent = f.type or "the parent"
            # The fix writes what the relation does today (Prisma's default: a safe fix), except for a
            # required relation whose child is named after its parent, which the strategy's policy
            # (on-delete-policy) wants as `Cascade`: that changes what a delete does, so it is unsafe.
            action, unsafe = ("SetNull", False) if f.optional else ("Restrict", False)
            if f.optional:
                message = (f"Relation `{f.name}` does not state `onDelete`; it relies on Prisma's default for an "
                           "optional relation, `SetNull`.")
                hint = "Add `onDelete: SetNull` to the `@relation`."
            else:
                message = (f"Relation `{f.name}` does not state `onDelete`; it relies on Prisma's default for a "
                           "required relation, `Restrict`.")
                if f.type and owner_by_name(block.name, f.type):
                    action, unsafe = "Cascade", True
                    hint = (f"Add `onDelete: Cascade` if a `{block.name}` belongs to its `{parent}` (as its name "
                            "suggests), otherwise `onDelete: Restrict`.")
                else:
                    hint = (f"Add `onDelete: Cascade` if a `{block.name}` belongs to its `{parent}`, otherwise "
                            "`onDelete: Restrict`.")
            text = source_text(ctx, f.span)
            edits = [add_argument(text, relation.attribute, f"onDelete: {action}")] if text is not None else []
            yield ctx.diagnostic(f.name_span, message, fix_hint=hint, edits=edits, unsafe_fix=unsafe)
