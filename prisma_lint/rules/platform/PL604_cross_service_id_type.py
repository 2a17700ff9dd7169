"""Field holding another service's id has a different type from the id.

## What it does
For every cross-service reference of the dependency graph (`Appointment.patientId -> api.Patient.id`),
compares the field's column type with the referenced field's: the type, list or not, and the native
type (`@db.Uuid`, `@db.VarChar(36)`). Optionality may differ. A mismatch is reported at the field that
differs, naming the owner's field and the other services whose same reference agrees with it.

## Why is this bad?
The same logical id must have the same type everywhere: a `patientId` stored as `UUID` in one service
and as `TEXT` in the owner compares by text in one place and by value in the other, joins and exports
across services break, and a later migration to align them rewrites a whole table.

## Example
```prisma
// service: api
model Patient {
  id String @id @default(uuid())
}
// service: telehealth
model Appointment {
  id        String @id @default(uuid())
  patientId String @db.Uuid
}
```

Use instead:
```prisma
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
from prisma_lint.rules.platform._support import column_type, names

CODE = "PL604"
NAME = "cross-service-id-type"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    references = [r for r in project.graph.references if r.target_field is not None]
    agreeing: dict[tuple, set[str]] = {}
    for r in references:
        if column_type(r.field) == column_type(r.target_field):
            agreeing.setdefault((r.target_service.name, r.target_model.name, r.target_field.name), set()).add(
                r.service.name)
    for r in references:
        mine, theirs = column_type(r.field), column_type(r.target_field)
        if mine == theirs:
            continue
        target = f"`{r.target_service.name}`'s `{r.target_model.name}.{r.target_field.name}`"
        others = agreeing.get((r.target_service.name, r.target_model.name, r.target_field.name), set())
        others = others - {r.service.name}
        agree = f"; {names(others)} {'agrees' if len(others) == 1 else 'agree'} with it" if others else ""
        yield ctx.diagnostic(r.field.name_span,
                             f"`{r.model.name}.{r.field.name}` is `{mine}`, but it holds {target}, which is "
                             f"`{theirs}`{agree}.",
                             fix_hint=f"Declare it as `{theirs}` (and migrate the column).")
