"""Enum with the same name in two services has different values.

## What it does
Compares every enum that two or more services define under one name. The definition of the service
deployed first (the computed deployment order) is the reference; each other definition with different
values is reported at its name, listing the values it lacks and the ones it adds.

## Why is this bad?
Services exchange these values: an event, an export or a report that carries `GoalStatus.met` from one
service means nothing to another whose `GoalStatus` has no `met`. Two services that really mean two
different things should not share the name; a service-local enum can be declared (see Options).

## Example
```prisma
// service: api
enum Status {
  active
  closed
}
// service: billing
enum Status {
  active
  archived
}
```

Use instead:
```prisma
// service: api
enum Status {
  active
  closed
}
// service: billing
enum Status {
  active
  closed
}
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.platform._support import by_deployment

CODE = "PL605"
NAME = "shared-enum-drift"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


@dataclass(frozen=True)
class Options(RuleOptions):
    local_enums: list[str] = option([], description="enum names each service defines its own "
                                                                    "way; they are not compared.")


def _listed(values: list[str]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def check(project: Project, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    parsed = [s for s in project.services if s.parsed]
    if len(parsed) < 2:
        return  # an enum shared by no other service cannot drift
    owners: dict[str, list] = {}
    for service in by_deployment(project, parsed):
        for enum in service.enums:
            owners.setdefault(enum.name, []).append((service, enum))
    for name, definitions in sorted(owners.items()):
        if len(definitions) < 2 or name in options.local_enums:
            continue
        reference_service, reference = definitions[0]
        expected = [v.name for v in reference.values]
        for service, enum in definitions[1:]:
            actual = [v.name for v in enum.values]
            missing = [v for v in expected if v not in actual]
            extra = [v for v in actual if v not in expected]
            if not missing and not extra:
                continue
            parts = []
            if missing:
                parts.append(f"missing {_listed(missing)}")
            if extra:
                parts.append(f"extra {_listed(extra)}")
            yield ctx.diagnostic(enum.name_span,
                                 f"Enum `{name}` differs from `{reference_service.name}`'s: {'; '.join(parts)}.",
                                 fix_hint=f"Give both the same values, rename one, or list `{name}` in this "
                                          "rule's `local-enums`.")
