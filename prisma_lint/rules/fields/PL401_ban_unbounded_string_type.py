"""String field has no length limit.

## What it does
Checks that `String` fields of models and views have a native database type that bounds their length,
such as `@db.VarChar(255)` or `@db.Char(2)`. A `String` with no native type, or with an unbounded one
(`@db.Text`, `@db.MediumText`, `@db.LongText`, `@db.NText`, `@db.Citext`, `@db.VarChar` with no length
or `@db.VarChar(max)`), is reported, unless `allow-native-text-type` accepts the text types.

## Why is this bad?
A plain `String` becomes `text` in PostgreSQL: a client can store megabytes in a name field, and the API
built on it silently promises to accept them. A bounded type documents the limit where the data lives
and makes the database enforce it.

## Example
```prisma
model Patient {
  id        String @id @db.VarChar(36)
  firstName String
}
```

Use instead:
```prisma
model Patient {
  id        String @id @db.VarChar(36)
  firstName String @db.VarChar(100)
}
```

## Differences from the npm prisma-lint
- npm accepts any native type except `@db.Text`; here `@db.MediumText`, `@db.LongText`, `@db.NText`,
  `@db.Citext`, a `@db.VarChar`/`@db.NVarChar` with no length and `@db.VarChar(max)` are unbounded too.
- npm checks models only; views are checked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import ConstantValue, Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option

CODE = "PL401"
NAME = "ban-unbounded-string-type"
CATEGORY = "fields"
SEVERITY = "error"

TEXT_TYPES = frozenset({"db.Text", "db.MediumText", "db.LongText", "db.NText", "db.Citext"})
VARIABLE_TYPES = frozenset({"db.VarChar", "db.NVarChar"})


@dataclass(frozen=True)
class Options(RuleOptions):
    allow_native_text_type: bool = option(
        False,
        description=(
            "accept explicitly unbounded native types (`@db.Text` and the others above), for fields "
            "that are meant to hold long text."))


def _unbounded(attribute) -> bool:
    if attribute.name in TEXT_TYPES:
        return True
    if attribute.name in VARIABLE_TYPES:
        length = attribute.arg(None, 0)
        return length is None or (isinstance(length, ConstantValue) and length.value.lower() == "max")
    return False


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    allow_text = ctx.options.allow_native_text_type
    for block in (*schema.models, *schema.views):
        for field in block.fields:
            if field.type != "String":
                continue
            native = next((a for a in field.attributes if a.name.startswith("db.")), None)
            span = field.type_span or field.name_span
            if native is None:
                yield ctx.diagnostic(span, f"String field `{field.name}` has no native type limiting its length.",
                                     fix_hint="Give it a bounded native type, e.g. `@db.VarChar(255)`.")
            elif _unbounded(native) and not allow_text:
                yield ctx.diagnostic(native.span, f"String field `{field.name}` uses the unbounded native type "
                                     f"`@{native.name}`.",
                                     fix_hint="Use a bounded type such as `@db.VarChar(255)`, or set "
                                              "`allow-native-text-type` for long text.")
