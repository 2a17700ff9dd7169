"""Enum name is not PascalCase.

## What it does
Checks that enum names are PascalCase: an upper-case letter, then letters and digits, with no
underscores (`OrderStatus`, `Hl7Segment`).

## Why is this bad?
Prisma Client generates a TypeScript type and object for every enum under its schema name; an
`order_status` enum reads like a variable rather than a type, and breaks the convention that models,
views and enums share. The database type can keep its name with `@@map("order_status")`.

## Example
```prisma
enum order_status {
  pending
  shipped
}
```

Use instead:
```prisma
enum OrderStatus {
  pending
  shipped

  @@map("order_status")
}
```

## Differences from the npm prisma-lint
- npm compares `allowList` and `trimPrefix` strings literally; here an entry wrapped in slashes is a
  regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import AllowList, Prefixes, matches_allow_list, trim_prefix

CODE = "PL103"
NAME = "enum-name-pascal-case"
CATEGORY = "naming"
SEVERITY = "error"

PASCAL_CASE = re.compile(r"^[A-Z][a-zA-Z0-9]*$")


@dataclass(frozen=True)
class Options(RuleOptions):
    allow_list: AllowList = option(
        [],
        description=(
            'enum names to accept as they are; an entry wrapped in slashes (`"/^legacy_/"`) is a '
            "regular expression."))
    trim_prefix: Prefixes = option(
        [],
        description=(
            "prefixes removed before the check (the first one the name starts with), so `db_Status` "
            'passes with `trim-prefix = "db_"`.'))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for enum in schema.enums:
        if matches_allow_list(enum.name, options.allow_list):
            continue
        if not PASCAL_CASE.match(trim_prefix(enum.name, options.trim_prefix)):
            yield ctx.diagnostic(enum.name_span, f"Enum name `{enum.name}` is not PascalCase.",
                                 fix_hint="Rename it in PascalCase and keep the database name with "
                                          "`@@map(\"...\")`.")
