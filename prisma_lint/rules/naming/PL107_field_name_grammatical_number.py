"""List field name is plural where singular is the convention (or the reverse).

## What it does
Checks that the names of list fields (`String[]`, `Visit[]`) are all singular or all plural, as
configured by `if-list`. Other fields are not checked. A name is read as one English word
(`emails` is plural, `email` singular, `data` plural).

## Why is this bad?
Whether `patient.allergies` or `patient.allergy` holds the list is a convention the whole codebase
relies on; a schema that mixes both makes every reader check the type to know what they are handling.

## Example
```prisma
model Patient {
  id    String   @id
  email String[]
}
```

Use instead:
```prisma
model Patient {
  id     String   @id
  emails String[]
}
```

## Differences from the npm prisma-lint
- npm requires `ifList`; here it defaults to `"plural"`.
- npm compares `ifListAllow` strings literally (regular expressions only from a JavaScript config);
  here an entry wrapped in slashes is a regular expression.
- npm checks the fields of models only; views and composite types are checked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.grammatical_number import is_plural
from prisma_lint.rules.shared.names import AllowList, matches_allow_list

CODE = "PL107"
NAME = "field-name-grammatical-number"
CATEGORY = "naming"
SEVERITY = "error"


@dataclass(frozen=True)
class Options(RuleOptions):
    if_list: Literal["singular", "plural"] = option(
        "plural",
        description=(
            "the grammatical number list field names must have."))
    if_list_allow: AllowList = option(
        [],
        description=(
            'list field names to accept as they are; an entry wrapped in slashes (`"/Data$/"`) is a '
            "regular expression."))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for block in schema.field_blocks():
        for field in block.fields:
            if not field.list:
                continue
            if matches_allow_list(field.name, options.if_list_allow):
                continue
            plural = is_plural(field.name)
            if plural and options.if_list == "singular":
                yield ctx.diagnostic(field.name_span, f"List field name `{field.name}` is plural; expected a "
                                     "singular name.", fix_hint="Rename it in the singular, or add it to "
                                                                "`if-list-allow`.")
            elif not plural and options.if_list == "plural":
                yield ctx.diagnostic(field.name_span, f"List field name `{field.name}` is singular; expected a "
                                     "plural name.", fix_hint="Rename it in the plural, or add it to "
                                                              "`if-list-allow`.")
