"""Model name does not start with the required prefix.

## What it does
Checks that model and view names start with a configured prefix (`Db`, so `DbPatient`). With no
prefix configured the rule checks nothing.

## Why is this bad?
When one domain object is stored in several tables, or the application's own `Patient` type differs
from the table's shape, a prefix on the persistence models (`DbPatient`) keeps the generated Prisma
types from colliding with, and being mistaken for, the application types.

## Example
```prisma
model Patient {
  id String @id
}
```

Use instead:
```prisma
model DbPatient {
  id String @id
}
```

## Differences from the npm prisma-lint
- npm requires `prefix`; here it defaults to empty (nothing checked).
- npm checks models only; views are checked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option

CODE = "PL110"
NAME = "model-name-prefix"
CATEGORY = "naming"
SEVERITY = "error"
DEFAULT_OPTIONS = {"prefix": "Db"}


@dataclass(frozen=True)
class Options(RuleOptions):
    prefix: str = option(
        "",
        description=(
            "the prefix every model and view name must start with; empty turns the check off."))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    prefix = ctx.options.prefix
    if not prefix:
        return
    for block in (*schema.models, *schema.views):
        if not block.name.startswith(prefix):
            kind = "Model" if block.kind == "model" else "View"
            yield ctx.diagnostic(block.name_span, f"{kind} name `{block.name}` does not start with `{prefix}`.",
                                 fix_hint=f"Rename it `{prefix}{block.name}` and keep the table name with "
                                          "`@@map(\"...\")`.")
