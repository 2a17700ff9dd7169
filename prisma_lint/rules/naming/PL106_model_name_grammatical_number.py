"""Model name is plural where singular is the convention (or the reverse).

## What it does
Checks that model, view and composite type names are all singular (`Patient`, `LabResult`) or all
plural (`Patients`), as configured. A name is read as one English word, so `UserData` counts as plural
("data" is plural) and `Users` as plural; uncountable words (`Equipment`, `News`) count as plural.

## Why is this bad?
Prisma Client names its accessors after the model (`prisma.patient.findMany()`); a schema that mixes
`Patient` and `Appointments` makes every query a guess, and the table names that follow the models
differ in the same way.

## Example
```prisma
model Patients {
  id String @id
}
```

Use instead:
```prisma
model Patient {
  id String @id
}
```

## Differences from the npm prisma-lint
- npm requires `style`; here it defaults to `"singular"`.
- npm checks models only; views and composite types are checked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.grammatical_number import is_plural
from prisma_lint.rules.shared.names import AllowList, matches_allow_list

CODE = "PL106"
NAME = "model-name-grammatical-number"
CATEGORY = "naming"
SEVERITY = "error"


@dataclass(frozen=True)
class Options(RuleOptions):
    style: Literal["singular", "plural"] = option("singular", description="the grammatical number names must have.")
    allowlist: AllowList = option(
        [],
        description=(
            'names to accept as they are; an entry wrapped in slashes (`"/Data$/"`) is a regular '
            "expression. (Spelled `allowlist`, as in the npm prisma-lint.)"))
    allow_list: AllowList = option([], description="the same as `allowlist`, in this tool's spelling.")


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    allowed = [*options.allowlist, *options.allow_list]
    kinds = {"model": "Model", "view": "View", "type": "Composite type"}
    for block in schema.field_blocks():
        if matches_allow_list(block.name, allowed):
            continue
        plural = is_plural(block.name)
        if plural and options.style == "singular":
            yield ctx.diagnostic(block.name_span, f"{kinds[block.kind]} name `{block.name}` is plural; "
                                 "expected a singular name.",
                                 fix_hint="Rename it in the singular (the table can keep its name with "
                                          "`@@map(\"...\")`), or add it to `allowlist`.")
        elif not plural and options.style == "plural":
            yield ctx.diagnostic(block.name_span, f"{kinds[block.kind]} name `{block.name}` is singular; "
                                 "expected a plural name.",
                                 fix_hint="Rename it in the plural (the table can keep its name with "
                                          "`@@map(\"...\")`), or add it to `allowlist`.")
