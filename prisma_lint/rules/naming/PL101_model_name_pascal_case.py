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

## Options
- `allow-list` (list of strings, default `[]`): names to accept as they are; an entry wrapped in
  slashes (`"/^Legacy/"`) is a regular expression.
- `trim-prefix` (string or list of strings, default `[]`): prefixes removed before the check (npm
  prisma-lint's `trimPrefix`), so `db_User` passes with `trim-prefix = "db_"`.

## Differences from the npm prisma-lint
- npm checks models only; views and composite types are checked here too.
- npm compares `allowList` strings literally; here an entry wrapped in slashes is a regular expression
  (no model name contains a slash, so a literal entry means the same in both).
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions
from prisma_lint.rules.naming._npm_compat import BodyIgnores

CODE = "PL101"
NAME = "model-name-pascal-case"
CATEGORY = "naming"
SEVERITY = "error"

PASCAL_CASE = re.compile(r"^[A-Z][a-zA-Z0-9]*$")


class Options(RuleOptions):
    allow_list: list[str] = []
    trim_prefix: Union[str, list[str]] = []


def _allowed(name: str, allow_list: list[str]) -> bool:
    for entry in allow_list:
        if len(entry) > 1 and entry.startswith("/") and entry.endswith("/"):
            if re.search(entry[1:-1], name):
                return True
        elif entry == name:
            return True
    return False


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    options: Options = ctx.options  # type: ignore[assignment]
    prefixes = [options.trim_prefix] if isinstance(options.trim_prefix, str) else options.trim_prefix
    ignores = BodyIgnores(schema)
    names = ctx.rule.names()
    for block in schema.field_blocks():
        name = block.name
        if ignores.skips(block, names) or _allowed(name, options.allow_list):
            continue
        for prefix in prefixes:
            if prefix and name.startswith(prefix):
                name = name[len(prefix):]
                break
        if not PASCAL_CASE.match(name):
            kind = {"model": "Model", "view": "View", "type": "Composite type"}[block.kind]
            yield ctx.diagnostic(block.name_span, f"{kind} name `{block.name}` is not PascalCase.",
                                 fix_hint="Rename it in PascalCase and keep the table name with `@@map(\"...\")`.")
