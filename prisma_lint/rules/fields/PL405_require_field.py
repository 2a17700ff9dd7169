"""Model lacks a required field.

## What it does
Checks that every model has the fields the configuration requires: a name (`"createdAt"`) is required
in every model; `{ name, if-sibling }` requires `name` only in models that have a field matching
`if-sibling` (a whole name, or a `"/regex/"` searched for), e.g. a `currencyCode` beside any
`...AmountD6` field. One diagnostic per model lists every missing field.

Fields can be exempted one by one with a comment inside the model, as with the npm prisma-lint:
`/// prisma-lint-ignore-model require-field tenantId,createdAt`.

## Why is this bad?
Audit columns, tenant keys and soft-delete markers only work when every table has them: the one model
without `tenantId` is the one whose rows leak across tenants, and the one without `createdAt` is the
one an incident review cannot reconstruct.

## Example
```prisma
model Patient {
  id String @id
}
```

Use instead:
```prisma
model Patient {
  id        String   @id
  createdAt DateTime @default(now())
}
```

## Differences from the npm prisma-lint
- npm requires `require`; here it defaults to empty (nothing required).
- npm reads only the last word of an ignore comment's arguments; here every comma- or space-separated
  word counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import NameOrRegex, is_regex_string, matches_allow_list

CODE = "PL405"
NAME = "require-field"
CATEGORY = "fields"
SEVERITY = "error"
IGNORE_ARGS = True
DEFAULT_OPTIONS = {"require": ["createdAt"]}


@dataclass(frozen=True)
class Condition(RuleOptions):
    name: str
    if_sibling: NameOrRegex

    def applies(self, field_names: list[str]) -> bool:
        return any(matches_allow_list(name, (self.if_sibling,)) for name in field_names)


@dataclass(frozen=True)
class Options(RuleOptions):
    require: list[Union[Condition, str]] = option(
        [],
        description=(
            'the required fields, each a field name or a table `{ name = "...", if-sibling = "..." '
            "}`."))


def _missing(names: list[str], options: Options, exempt: set[str]) -> list[str]:
    present = set(names)
    missing = [r for r in options.require if isinstance(r, str) and r not in exempt and r not in present]
    conditions = [r for r in options.require if isinstance(r, Condition)]
    # Plain sibling names first, then patterns (the npm prisma-lint's order in its message).
    for condition in sorted(conditions, key=lambda c: is_regex_string(c.if_sibling)):
        if condition.name not in exempt and condition.name not in present and condition.applies(names):
            missing.append(condition.name)
    return missing


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    if not options.require:
        return
    for model in schema.models:
        missing = _missing([f.name for f in model.fields], options, ctx.ignore_args(model))
        if missing:
            listed = ", ".join(f"`{name}`" for name in missing)
            yield ctx.diagnostic(model.name_span, f"Model `{model.name}` is missing required "
                                 f"field{'s' if len(missing) > 1 else ''} {listed}.",
                                 fix_hint="Add the field, or exempt this model with "
                                          f"`/// prisma-lint-ignore-model require-field {','.join(missing)}`.")
