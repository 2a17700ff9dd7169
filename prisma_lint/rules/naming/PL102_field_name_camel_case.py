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

## Fix
Unsafe (it changes the generated client's API): renames the field in camelCase (`first_name` ->
`firstName`) wherever the schema names it (indexes, relation `fields:` and `references:`) and keeps the
database column with `@map("first_name")`.

## Differences from the npm prisma-lint
- npm compares `allowList` and `trimPrefix` strings literally; here an entry wrapped in slashes is a
  regular expression (no field name contains a slash, so a literal entry means the same in both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic, Edit
from prisma_lint.fixes.builders import append_attribute, is_identifier, rename_field
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import schema_facts
from prisma_lint.rules.shared.names import AllowList, Prefixes, as_list, matches_allow_list, trim_prefix

CODE = "PL102"
NAME = "field-name-camel-case"
CATEGORY = "naming"
SEVERITY = "error"

CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")
# A block's field names joined by newlines, all camelCase: told by one match rather than one per field.
ALL_CAMEL_CASE = re.compile(r"(?:[a-z][a-zA-Z0-9]*\n)*[a-z][a-zA-Z0-9]*")


@dataclass(frozen=True)
class Options(RuleOptions):
    allow_list: AllowList = option(
        [],
        description=(
            'field names to accept as they are; an entry wrapped in slashes (`"/^_/"`) is a regular '
            "expression."))
    trim_prefix: Prefixes = option(
        [],
        description=(
            "prefixes removed before the check (the first one the name starts with), so `_count` "
            'passes with `trim-prefix = "_"`; an entry wrapped in slashes is a regular expression '
            "removed where it matches."))


_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+")


def camel_case(name: str) -> str:
    """The camelCase spelling the fix renames to: words split at `_`, `-` and case changes, an acronym
    kept as one word (`AETitle` -> `aeTitle`, `first_name` -> `firstName`, `userID` -> `userId`)."""
    words = [word for part in re.split(r"[_-]+", name) for word in _WORDS.findall(part)]
    if not words:
        return ""
    return words[0].lower() + "".join(word[:1].upper() + word[1:].lower() for word in words[1:])


def _rename(schema: Schema, block, field) -> tuple[list[Edit], str]:
    """The fix: the field renamed in camelCase everywhere the schema names it, its column kept with
    `@map` (a relation field has no column). No fix when the new name is taken or a reference to the
    field is in another file."""
    new_name = camel_case(field.name) if field.name.isascii() else ""  # no guessing at other scripts
    if not CAMEL_CASE.match(new_name) or not is_identifier(new_name) or block.field(new_name) is not None:
        return [], ""
    edits = rename_field(schema, block, field, new_name)
    if edits is None:
        return [], ""
    relation = field.type in schema_facts(schema).record_names
    if not relation and not field.has_attribute("map"):
        edits.append(append_attribute(field, f'@map("{field.name}")'))
    return edits, new_name


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    untrimmed = not as_list(options.trim_prefix)
    for block in schema.field_blocks():
        if untrimmed and ALL_CAMEL_CASE.fullmatch("\n".join([field.name for field in block.fields])):
            continue
        for field in block.fields:
            if matches_allow_list(field.name, options.allow_list):
                continue
            trimmed = trim_prefix(field.name, options.trim_prefix)
            if not CAMEL_CASE.match(trimmed):
                edits, new_name = _rename(schema, block, field) if trimmed == field.name else ([], "")
                hint = (f"Rename it `{new_name}`" if new_name else "Rename it in camelCase") + \
                    " and keep the column name with `@map(\"...\")`."
                yield ctx.diagnostic(field.name_span, f"Field name `{field.name}` is not camelCase.",
                                     fix_hint=hint, edits=edits, unsafe_fix=True)
