"""Enum value is not in the configured case style.

## What it does
Checks that enum values are written in one case style: snake_case (the default, lower or upper case),
camelCase or PascalCase. It compares each value with the name it should have in that style and says
which one is expected (`inProgress` -> `in_progress`).

Values can be exempted one by one with a comment inside the enum, as with the npm prisma-lint:
`/// prisma-lint-ignore-enum enum-value-case LegacyValue,OtherValue`.

## Why is this bad?
Enum values are stored in the database as written and become string literals in Prisma Client; a mix
of `ACTIVE`, `inactive` and `OnHold` in one schema means every consumer has to remember each enum's
spelling, and reports and integrations that read the raw values break on the odd one out.

## Example
```prisma
enum OrderStatus {
  pending
  inProgress
}
```

Use instead:
```prisma
enum OrderStatus {
  pending
  in_progress
}
```

## Fix
Unsafe (it changes the generated client's API): renames the value (`Pending` -> `pending`) and every
`@default(...)` that names it, and keeps the value stored in the database with `@map("Pending")`.

## Differences from the npm prisma-lint
- npm requires `style`; here it defaults to `"snake"` (npm's documented default).
- Digits stay with the word before them: `value1` and `V1` are valid snake_case here, while npm expects
  `value_1` and `V_1` (npm issue #762). The npm spelling (`value_1`) is accepted too.
- npm reports a bad value at its enum; here each value is reported where it is written.
- npm compares `allowList` and `trimPrefix` strings literally; here an entry wrapped in slashes is a
  regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.builders import append_attribute, is_identifier, rename_enum_value
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import (
    AllowList,
    Prefixes,
    Regex,
    as_list,
    matches_allow_list,
    snake_case_forms,
    to_camel_case,
    to_pascal_case,
    trim_prefix,
)

CODE = "PL104"
NAME = "enum-value-case"
CATEGORY = "naming"
SEVERITY = "error"
ALIASES = ("enum-value-snake-case",)
IGNORE_ARGS = True

_STYLE_NAMES = {"snake": "snake_case", "camel": "camelCase", "pascal": "PascalCase"}
# An enum's values joined by newlines, each already in lower (upper) snake_case, which its snake_case
# form gives back unchanged: the whole enum passes with one match instead of a conversion per value.
_ALL_SNAKE = {"lower": re.compile(r"(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)*\n)*[a-z][a-z0-9]*(?:_[a-z0-9]+)*"),
              "upper": re.compile(r"(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\n)*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")}


@dataclass(frozen=True)
class Options(RuleOptions):
    """The deprecated npm rule `enum-value-snake-case` is an alias of this rule: its options (`case`,
    `compoundWords`, `allowList`, `trimPrefix`) are these, with the snake style."""

    style: Literal["snake", "camel", "pascal"] = option("snake", description="the case style values must use.")
    case: Literal["lower", "upper"] = option(
        "lower",
        description=(
            "for the snake style, lower_snake_case or UPPER_SNAKE_CASE; ignored by the other styles."))
    compound_words: list[Regex] = option(
        [],
        description=(
            'words kept together when converting (`["GraphQL"]` makes `GraphQLQuery` expect '
            "`graphql_query`, not `graph_q_l_query`)."))
    allow_list: AllowList = option(
        [],
        description=(
            'values to accept as they are; an entry wrapped in slashes (`"/^X_/"`) is a regular '
            "expression."))
    trim_prefix: Prefixes = option(
        [],
        description=(
            "prefixes removed before the check (the first one the value starts with)."))


def _expected(value: str, options: Options) -> tuple[str, set[str]]:
    """The spelling to suggest, and every spelling accepted."""
    if options.style == "pascal":
        expected = to_pascal_case(value, options.compound_words)
        return expected, {expected}
    if options.style == "camel":
        expected = to_camel_case(value, options.compound_words)
        return expected, {expected}
    ours, npm = snake_case_forms(value, compound_words=options.compound_words, upper=options.case == "upper")
    return ours, {ours, npm}


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    style = _STYLE_NAMES[options.style]
    if options.style == "snake" and options.case == "upper":
        style = "UPPER_SNAKE_CASE"
    all_snake = (_ALL_SNAKE[options.case] if options.style == "snake" and not options.compound_words
                 and not as_list(options.trim_prefix) else None)
    for enum in schema.enums:
        if all_snake is not None and all_snake.fullmatch("\n".join([value.name for value in enum.values])):
            continue
        exempt = ctx.ignore_args(enum)
        for value in enum.values:
            if value.name in exempt or matches_allow_list(value.name, options.allow_list):
                continue
            name = trim_prefix(value.name, options.trim_prefix)
            expected, accepted = _expected(name, options)
            if name not in accepted:
                # The fix renames the value (and the defaults that name it) and keeps the stored value with
                # `@map`, so no row needs migrating; the client's API changes, so it is unsafe.
                edits = None
                if name == value.name and is_identifier(expected) and all(other.name != expected for other in enum.values):
                    edits = rename_enum_value(schema, enum, value, expected)
                    if edits is not None and value.attribute("map") is None:
                        edits.append(append_attribute(value, f'@map("{value.name}")'))
                yield ctx.diagnostic(value.name_span, f"Enum value `{name}` is not {style} (expected `{expected}`).",
                                     fix_hint=f"Rename it `{expected}` and keep the stored value with "
                                              f"`@map(\"{value.name}\")`.", edits=edits or (), unsafe_fix=True)
