"""Two services map a model to the same table and disagree on its columns.

## What it does
Finds models of different services that map to one table name (`@@map("...")`, else the model name) and
compares them column by column (database column names; relation fields are not columns). The model of
the service deployed first is the reference; the other is reported at each column whose type differs,
each column it adds, and (at the model) each column it lacks.

## Why is this bad?
Two services that describe one table (a shared read model, a table moved between services, a copy kept
for reporting) must describe it the same way, or one of them writes rows the other cannot read, and the
next `migrate dev` in either service tries to "fix" the other's columns.

## Example
```prisma
// service: api
model Patient {
  id   String @id @default(uuid())
  name String
}
// service: reporting
model PatientCopy {
  id   String @id @default(uuid())
  name Int

  @@map("Patient")
}
```

Use instead:
```prisma
// service: api
model Patient {
  id   String @id @default(uuid())
  name String
}
// service: reporting
model PatientCopy {
  id   String @id @default(uuid())
  name String

  @@map("Patient")
}
```
"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import Field, Model
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project, Service
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.platform._support import by_deployment, column_type

CODE = "PL606"
NAME = "shared-table-drift"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


def _columns(service: Service, model: Model) -> dict[str, Field]:
    columns = {}
    for f in model.fields:
        declared = service.units[0].schema.declaration(f.type) if f.type and service.units else None
        if declared is not None and declared.kind in ("model", "view"):
            continue  # a relation field: no column
        columns[f.database_name] = f
    return columns


def _shape(f: Field) -> str:
    return f"{column_type(f)}{'?' * f.optional}"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    parsed = [s for s in project.services if s.parsed]
    if len(parsed) < 2:
        return  # a table shared by no other service cannot drift
    tables: dict[str, list[tuple[Service, Model]]] = {}
    for service in by_deployment(project, parsed):
        for model in service.models:
            tables.setdefault(model.database_name, []).append((service, model))
    for table, models in sorted(tables.items()):
        owners = {service.name for service, _model in models}
        if len(owners) < 2:
            continue
        reference_service, reference_model = models[0]
        expected = _columns(reference_service, reference_model)
        there = f"`{reference_service.name}`'s `{reference_model.name}`"
        for service, model in models[1:]:
            if service is reference_service:
                continue
            actual = _columns(service, model)
            for column, f in actual.items():
                other = expected.get(column)
                if other is None:
                    yield ctx.diagnostic(f.name_span, f"Column `{column}` of table `{table}` is not in {there}.")
                elif _shape(f) != _shape(other):
                    yield ctx.diagnostic(f.name_span, f"Column `{column}` of table `{table}` is `{_shape(f)}` here "
                                                      f"and `{_shape(other)}` in {there}.")
            lacking = [c for c in expected if c not in actual]
            if lacking:
                yield ctx.diagnostic(model.name_span,
                                     f"Table `{table}` lacks {', '.join(f'`{c}`' for c in lacking)} here, which "
                                     f"{there} has.")
