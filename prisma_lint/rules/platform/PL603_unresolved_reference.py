"""Entry of the project's `references` is ambiguous or names a model no service owns.

## What it does
A `references` entry may name just a model (`patientId = "Patient"`): the one service that owns it is
then the target. This rule reports such an entry when no service of the project owns the model, or when
several do, at each field the entry was meant for (or, when no field has that name, at the entry in the
configuration file). An entry that names its service (`"api.Patient"`) is checked when the project is
loaded instead: a missing service or model is a configuration error (exit code 2).

## Why is this bad?
An unresolved reference silently drops the fields it names from the dependency graph, the deployment
order and the cross-service type checks: the check the entry was written for does not happen.

## Example
```prisma
// project: references = { ownerId = "Account" }
// service: billing
model Account {
  id String @id @default(uuid())
}
// service: crm
model Account {
  id String @id @default(uuid())
}
// service: notes
model Note {
  id      String @id @default(uuid())
  ownerId String
}
```

Use instead:
```prisma
// project: references = { ownerId = "crm.Account" }
// service: billing
model Account {
  id String @id @default(uuid())
}
// service: crm
model Account {
  id String @id @default(uuid())
}
// service: notes
model Note {
  id      String @id @default(uuid())
  ownerId String
}
```
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from prisma_lint.ast.nodes import Span
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL603"
NAME = "unresolved-reference"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


def _config_span(source: str | None, key: str) -> Span:
    """The line of `key = ...` in the configuration file (line 1 when it cannot be found)."""
    if source:
        try:
            lines = Path(source).read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        pattern = re.compile(rf"(^|[{{,\s]){re.escape(key)}\s*=")
        for number, line in enumerate(lines, 1):
            match = pattern.search(line)
            if match:
                column = match.start() + len(match.group(1)) + 1
                return Span(source, number, column, number, column + len(key), 0, 0)
    return Span(source, 1, 1, 1, 1, 0, 0)


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    for entry in project.graph.unresolved:
        if entry.owners:
            problem = (f"is ambiguous: {', '.join(f'`{o}`' for o in entry.owners)} all own a model "
                       f"`{entry.model}`")
            hint = f"Name the service: `{entry.key} = \"{entry.owners[0]}.{entry.model}\"`."
        else:
            problem = f"names a model no service of this project owns (`{entry.model}`)"
            hint = "Name an existing model, as `service.Model`."
        message = f"`references.{entry.key} = \"{entry.model}\"` {problem}."
        if entry.fields:
            for _service, _model, f in entry.fields:
                yield ctx.diagnostic(f.name_span, message, fix_hint=hint)
        else:
            yield ctx.diagnostic(_config_span(project.config_source, entry.key), message, fix_hint=hint)
