"""Field name is not camelCase.

## What it does
Checks that the fields of models, views and composite types have camelCase names: a lower-case letter,
then letters and digits, with no underscores (`patientId`, `createdAt`, `hl7Message`).

## Why is this bad?
Prisma Client exposes every field under its schema name, so a `patient_id` field makes the generated
TypeScript read `record.patient_id` next to `record.createdAt`. The column can keep its snake_case
name with `@map("patient_id")`; the field name should follow the client's convention.

Unlike the npm prisma-lint, this rule also checks the fields of `view` and `type` blocks.

## Example
```prisma
model LabResult {
  id         String @id
  patient_id String
}
```

Use instead:
```prisma
model LabResult {
  id        String @id
  patientId String @map("patient_id")
}
```

## Differences from the npm prisma-lint
- npm compares `allowList` and `trimPrefix` strings literally; here an entry wrapped in slashes is a
  regular expression (no field name contains a slash, so a literal entry means the same in both).
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import Field

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions
from prisma_lint.rules.shared.names import AllowList, Prefixes, matches_allow_list, trim_prefix

CODE = "PL102"
NAME = "field-name-camel-case"
CATEGORY = "naming"
SEVERITY = "error"

CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")


class Options(RuleOptions):
    allow_list: AllowList = Field(
        [],
        description=(
            'field names to accept as they are; an entry wrapped in slashes (`"/^_/"`) is a regular '
            "expression."))
    trim_prefix: Prefixes = Field(
        [],
        description=(
            "prefixes removed before the check (the first one the name starts with), so `_count` "
            'passes with `trim-prefix = "_"`; an entry wrapped in slashes is a regular expression '
            "removed where it matches."))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for block in schema.field_blocks():
        for field in block.fields:
            if matches_allow_list(field.name, options.allow_list):
                continue
            if not CAMEL_CASE.match(trim_prefix(field.name, options.trim_prefix)):
                yield ctx.diagnostic(field.name_span, f"Field name `{field.name}` is not camelCase.",
                                     fix_hint="Rename it in camelCase and keep the column name with "
                                              "`@map(\"...\")`.")
