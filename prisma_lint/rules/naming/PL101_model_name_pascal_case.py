"""Model, view or composite type name is not PascalCase.

## What it does
Checks that the names of models, views and composite types are PascalCase: an upper-case letter, then
letters and digits, with no underscores (`Patient`, `LabResult`, `Hl7Message`).

## Why is this bad?
The migration strategy names tables in PascalCase. Prisma uses the model name as the table name unless
`@@map` says otherwise, so a `lab_result` model creates a table that breaks the naming table that every
service follows, and the generated client's types read oddly (`prisma.lab_result`).

Unlike the npm prisma-lint, this rule also checks `view` and `type` blocks.

## Example
```prisma
model lab_result {
  id String @id
}
```

Use instead:
```prisma
model LabResult {
  id String @id
}
```

## Differences from the npm prisma-lint
- npm checks models only; views and composite types are checked here too.
- npm compares `allowList` strings literally; here an entry wrapped in slashes is a regular expression
  (no model name contains a slash, so a literal entry means the same in both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import AllowList, Prefixes, matches_allow_list, trim_prefix

CODE = "PL101"
NAME = "model-name-pascal-case"
CATEGORY = "naming"
SEVERITY = "error"

PASCAL_CASE = re.compile(r"^[A-Z][a-zA-Z0-9]*$")


@dataclass(frozen=True)
class Options(RuleOptions):
    allow_list: AllowList = option(
        [],
        description=(
            'names to accept as they are; an entry wrapped in slashes (`"/^Legacy/"`) is a regular '
            "expression."))
    trim_prefix: Prefixes = option(
        [],
        description=(
            "prefixes removed before the check (npm prisma-lint's `trimPrefix`), so `db_User` passes "
            'with `trim-prefix = "db_"`.'))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for block in schema.field_blocks():
        if matches_allow_list(block.name, options.allow_list):
            continue
        if not PASCAL_CASE.match(trim_prefix(block.name, options.trim_prefix)):
            kind = {"model": "Model", "view": "View", "type": "Composite type"}[block.kind]
            yield ctx.diagnostic(block.name_span, f"{kind} name `{block.name}` is not PascalCase.",
                                 fix_hint="Rename it in PascalCase and keep the table name with `@@map(\"...\")`.")
