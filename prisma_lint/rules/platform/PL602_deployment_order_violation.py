"""Declared `deployment-order` deploys a service before one it depends on.

## What it does
Compares the project's `deployment-order` (the order the team deploys in) with the service dependency
graph, and reports, at the first field of each edge it contradicts, the two services and the field that
makes the dependency. Without a `deployment-order` setting there is nothing to check (the computed order
is printed in the report).

## Why is this bad?
A service deployed before the service whose records it points at runs its migrations (and its code)
against ids that do not exist yet: backfills fail, and a "foreign key" that no database enforces is
silently wrong.

## Example
```prisma
// project: deployment-order = ["telehealth", "api"]
// service: api
model Patient {
  id String @id @default(uuid())
}
// service: telehealth
model Appointment {
  id        String @id @default(uuid())
  patientId String
}
```

Use instead:
```prisma
// project: deployment-order = ["api", "telehealth"]
// service: api
model Patient {
  id String @id @default(uuid())
}
// service: telehealth
model Appointment {
  id        String @id @default(uuid())
  patientId String
}
```
"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL602"
NAME = "deployment-order-violation"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    declared = project.settings.deployment_order
    if not declared:
        return
    position = {name: index for index, name in enumerate(declared)}
    for a, b, via in project.graph.dependencies():
        if a in position and b in position and position[a] < position[b]:
            first = min(via, key=lambda r: r.field.span)
            yield ctx.diagnostic(first.field.name_span,
                                 f"`deployment-order` deploys `{a}` (position {position[a] + 1}) before `{b}` "
                                 f"(position {position[b] + 1}), but `{a}` depends on `{b}`: "
                                 f"`{first}`.",
                                 fix_hint=f"Deploy `{b}` before `{a}` in `deployment-order`.")
