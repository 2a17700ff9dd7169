"""Name is declared twice: a model, view, enum or composite type, a field, or an enum value.

## What it does
Reports a second declaration of a name that must be unique:

* models, views, composite types and enums share one namespace across the whole schema (every file of
  a schema folder);
* field names within one model, view or composite type;
* value names within one enum.

Each duplicate is reported at its second (and any later) declaration, naming the line of the first.

## Why is this bad?
Prisma rejects the schema ("The model `Patient` cannot be defined because a model with that name
already exists.", "Field `email` is already defined on model `User`."), so the service cannot build
or deploy. In a multi-file schema, two engineers adding the same model in different files is an easy
merge mistake that only shows up at `prisma generate`.

## Example
```prisma
enum VisitStatus {
  waiting
  in_progress
  waiting
}
```

Use instead:
```prisma
enum VisitStatus {
  waiting
  in_progress
  ended
}
```

"""

from __future__ import annotations

from typing import Iterator, Optional

from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.shared.facts import block_facts

CODE = "PL004"
NAME = "duplicate-name"
CATEGORY = "schema"
SEVERITY = "error"

_KIND = {"model": "model", "view": "view", "type": "composite type", "enum": "enum"}


def _where(first: Span, second: Span) -> str:
    if first.file is not None and first.file != second.file:
        return f"line {first.start_line} of {first.file}"
    return f"line {first.start_line}"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    seen: dict[str, tuple[str, Span]] = {}
    for block in schema.blocks:
        if block.kind not in _KIND:
            continue
        first: Optional[tuple[str, Span]] = seen.get(block.name)
        if first is None:
            seen[block.name] = (block.kind, block.name_span)
        else:
            yield ctx.diagnostic(
                block.name_span,
                f"{_KIND[block.kind].capitalize()} `{block.name}` reuses the name of the {_KIND[first[0]]} "
                f"declared on {_where(first[1], block.name_span)}.",
                fix_hint="Rename one of them, or merge the two declarations.")
    for block in schema.field_blocks():
        if len(block_facts(block).fields) == len(block.fields):
            continue  # every name once: most blocks, told without a span per field
        fields: dict[str, Span] = {}
        for f in block.fields:
            if f.name in fields:
                yield ctx.diagnostic(
                    f.name_span,
                    f"Field `{f.name}` is already defined on {_where(fields[f.name], f.name_span)} of "
                    f"{_KIND[block.kind]} `{block.name}`.",
                    fix_hint="Rename or remove one of the two fields.")
            else:
                fields[f.name] = f.name_span
    for enum in schema.enums:
        if len({value.name for value in enum.values}) == len(enum.values):
            continue
        values: dict[str, Span] = {}
        for value in enum.values:
            if value.name in values:
                yield ctx.diagnostic(
                    value.name_span,
                    f"Value `{value.name}` is already defined on {_where(values[value.name], value.name_span)} "
                    f"of enum `{enum.name}`.",
                    fix_hint="Remove the repeated value.")
            else:
                values[value.name] = value.name_span
