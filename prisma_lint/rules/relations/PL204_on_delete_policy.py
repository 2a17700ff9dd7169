"""Relation's `onDelete` does not follow the migration strategy's foreign-key guidelines.

## What it does
Checks the `onDelete:` written on every relation with `@relation(fields: [...], ...)` against the
strategy's foreign-key guidelines:

* an optional relation uses `SetNull` (keep the child, clear its foreign key), unless it is listed in
  `owned`, where `Cascade` is accepted too;
* a required relation uses `Cascade` when the child is owned by the parent (it has no meaning without
  it: a claim's lines, a visit's chat messages) and `Restrict` otherwise (refuse to delete a parent
  that still has children: a plan with subscriptions);
* `SetNull` on a relation whose foreign key is required is always reported as an error: the column is
  NOT NULL, so setting it to null cannot work.

Which required relations are owned: those matched by `owned`, then those matched by `not-owned`; for
the rest, when `heuristic` is on, a child named after its parent model (`ClaimLine` -> `Claim`,
`PrescriptionFill` -> `Prescription`, `LabOrderItem` -> `LabOrder`) is owned. When none of these
decides, both `Cascade` and `Restrict` are accepted and only `NoAction`, `SetDefault` and `SetNull`
are reported. Relations without `onDelete` are reported by `missing-on-delete` instead.

## Why is this bad?
A `Cascade` where the strategy expects `Restrict` deletes clinical or billing history together with a
parent row; a `Restrict` on owned children makes deleting the parent fail; `SetNull` on a required
foreign key fails at delete time with a NOT NULL violation (and Prisma rejects it during validation).

## Example
```prisma
model Device {
  id       String    @id @default(uuid())
  readings Reading[]
}

model Reading {
  id       String  @id @default(uuid())
  deviceId String?
  device   Device? @relation(fields: [deviceId], references: [id], onDelete: Cascade)
}
```

Use instead:
```prisma
model Device {
  id       String    @id @default(uuid())
  readings Reading[]
}

model Reading {
  id       String  @id @default(uuid())
  deviceId String?
  device   Device? @relation(fields: [deviceId], references: [id], onDelete: SetNull)
}
```

"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.indexes import fk_fields, matches_pattern, owner_by_name

CODE = "PL204"
NAME = "on-delete-policy"
CATEGORY = "relations"
SEVERITY = "warning"


@dataclass(frozen=True)
class Options(RuleOptions):
    owned: list[str] = option(
        [],
        description=(
            "relations whose child is owned by the parent and must use `Cascade`; each entry is a "
            "glob matched against `Child.relationField` or `Child` (all relations of that model), "
            'e.g. `"ChatMessage.visit"`, `"*Line"`.'))
    not_owned: list[str] = option(
        [],
        description=(
            "relations (same patterns) whose parent must not take its children with it: `Restrict`."))
    heuristic: bool = option(True, description="treat a child named after its parent model as owned.")


def _ownership(options: Options, child: str, field: str, parent: Optional[str]) -> Optional[bool]:
    if matches_pattern(options.owned, child, field):
        return True
    if matches_pattern(options.not_owned, child, field):
        return False
    if options.heuristic and parent is not None and owner_by_name(child, parent):
        return True
    return None


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for block in schema.field_blocks():
        if block.kind == "type":
            continue
        for f, relation in block_facts(block).relations:
            if not relation.fields or relation.on_delete is None:
                continue
            written = relation.attribute.arg("onDelete", None)
            span = written.span if written is not None else f.name_span
            action = relation.on_delete
            required_columns = [c.name for c in fk_fields(block, f, relation) if not c.optional]
            if action == "SetNull" and (required_columns or not f.optional):
                columns = ", ".join(f"`{c}`" for c in required_columns) or "its foreign key"
                yield ctx.diagnostic(
                    span, f"Relation `{f.name}` uses `onDelete: SetNull`, but {columns} cannot be null.",
                    fix_hint="Use `Cascade` or `Restrict`, or make the relation and its foreign key optional.",
                    severity=Severity.ERROR)
                continue
            if f.optional:
                listed = matches_pattern(options.owned, block.name, f.name)
                accepted = ("SetNull", "Cascade") if listed else ("SetNull",)
                if action not in accepted:
                    yield ctx.diagnostic(
                        span, f"Optional relation `{f.name}` uses `onDelete: {action}`; optional relations use "
                        "`SetNull`.", fix_hint="Use `onDelete: SetNull` to keep the row and clear its foreign key.")
                continue
            owned = _ownership(options, block.name, f.name, f.type)
            if owned is True and action != "Cascade":
                yield ctx.diagnostic(
                    span, f"Relation `{f.name}` uses `onDelete: {action}`, but `{block.name}` is owned by "
                    f"`{f.type}`: owned children use `Cascade`.",
                    fix_hint="Use `onDelete: Cascade`, or list the relation in `not-owned` if the parent must "
                    "not take its children with it.")
            elif owned is False and action != "Restrict":
                yield ctx.diagnostic(
                    span, f"Relation `{f.name}` uses `onDelete: {action}`, but `{block.name}` is not owned by "
                    f"`{f.type}`: required relations use `Restrict`.",
                    fix_hint="Use `onDelete: Restrict`, or list the relation in `owned`.")
            elif owned is None and action not in ("Cascade", "Restrict"):
                yield ctx.diagnostic(
                    span, f"Required relation `{f.name}` uses `onDelete: {action}`; required relations use "
                    "`Cascade` (owned child) or `Restrict`.",
                    fix_hint=f"Use `onDelete: Cascade` if a `{block.name}` belongs to its `{f.type}`, otherwise "
                    "`onDelete: Restrict`.")
