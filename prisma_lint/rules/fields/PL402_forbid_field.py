"""Field has a forbidden name.

## What it does
Reports fields of models, views and composite types whose names the configuration forbids: a plain
entry must match the whole name (`"ssn"`), an entry wrapped in slashes is a regular expression searched
for (`"/^(?!.*AmountD6$).*D6$/"`).

Fields can be exempted one by one with a comment inside the model, as with the npm prisma-lint:
`/// prisma-lint-ignore-model forbid-field legacyId`.

## Why is this bad?
Some names are banned for a reason the schema cannot show: a `ssn` column that would hold identifiers
the platform must not store in plain text, an `id` where the convention is `uuid`, an amount without
its unit suffix. Catching the name at review time is cheaper than a migration later.

## Example
```prisma
model Patient {
  id  String @id
  ssn String
}
```

Use instead:
```prisma
model Patient {
  id             String @id
  ssnTokenizedId String
}
```

## Differences from the npm prisma-lint
- npm requires `forbid`; here it defaults to empty (nothing forbidden).
- npm checks the fields of models only; views and composite types are checked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import NamePattern, name_pattern

CODE = "PL402"
NAME = "forbid-field"
CATEGORY = "fields"
SEVERITY = "error"
IGNORE_ARGS = True
DEFAULT_OPTIONS = {"forbid": ["ssn"]}


@dataclass(frozen=True)
class Options(RuleOptions):
    forbid: list[NamePattern] = option([], description='the forbidden names and `"/regex/"` patterns.')


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    forbid = [(entry, name_pattern(entry)) for entry in ctx.options.forbid]
    if not forbid:
        return
    for block in schema.field_blocks():
        exempt = ctx.ignore_args(block)
        for field in block.fields:
            if field.name in exempt:
                continue
            matched = [entry for entry, pattern in forbid if pattern.search(field.name)]
            if matched:
                which = ", ".join(f"`{entry}`" for entry in matched)
                yield ctx.diagnostic(field.name_span, f"Field name `{field.name}` is forbidden (by {which}).",
                                     fix_hint="Rename the field, or exempt it in this model with "
                                              f"`/// prisma-lint-ignore-model forbid-field {field.name}`.")
