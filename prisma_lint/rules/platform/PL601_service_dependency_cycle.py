"""Services depend on each other in a cycle.

## What it does
Builds the service dependency graph of the project (`A -> B` when a field of service A holds the id of
a model B owns, from the project's `references` and inferred from `<model>Id` columns, see
[configuration](../configuration.md#the-project-toolprisma-lintproject-or-project-in-prisma-linttoml))
and reports each cycle once, at the first field of its first edge, naming the services of the cycle and
the fields that close it.

## Why is this bad?
The migration strategy deploys services in dependency order so that the records a service points at
exist before it does. In a cycle no order works: every deployment of one of its services may leave the
other pointing at nothing, and a rollback of one breaks the other.

## Example
```prisma
// service: api
model Patient {
  id          String @id @default(uuid())
  encounterId String
}
// service: clinic
model Encounter {
  id        String @id @default(uuid())
  patientId String
}
```

Use instead:
```prisma
// service: api
model Patient {
  id String @id @default(uuid())
}
// service: clinic
model Encounter {
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

CODE = "PL601"
NAME = "service-dependency-cycle"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    graph = project.graph
    for cycle in graph.cycles():
        edges = list(zip(cycle, cycle[1:]))
        closing = []
        for a, b in edges:
            via = sorted(graph.graph.edges[a, b]["via"], key=lambda r: r.field.span)
            closing.append(f"{a}: {via[0]}")
        first = min(graph.graph.edges[edges[0]]["via"], key=lambda r: r.field.span)
        yield ctx.diagnostic(first.field.name_span,
                             f"Services depend on each other in a cycle: {' -> '.join(cycle)} "
                             f"({'; '.join(closing)}). No deployment order can satisfy it.",
                             fix_hint="Break the cycle: one side keeps the reference, the other reads it "
                                      "through an API or an event.")
