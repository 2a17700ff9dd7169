"""Field has the wrong type for its name.

## What it does
Checks that fields whose names match a configured pattern have the configured type, and optionally the
configured native database type: e.g. every `...At` field a `DateTime`, every `id` a `String` stored as
`@db.Uuid`. Each requirement is `{ if-name, type, native-type }`; `if-name` is a whole name or a
`"/regex/"` searched for. When several requirements match one field and disagree, that is reported
too, and the first one is applied.

## Why is this bad?
A name promises a type: code that reads `createdAt` expects a date, and joins on `patientId` expect the
same column type on both sides. A `createdAt String` or an `id Int` among `@db.Uuid` keys is a bug
waiting for the first comparison or join.

## Example
```prisma
model Visit {
  id        String @id
  createdAt String
}
```

Use instead:
```prisma
model Visit {
  id        String   @id
  createdAt DateTime
}
```

## Differences from the npm prisma-lint
- npm requires `require`; here it defaults to empty (nothing checked).
- npm reports a wrong type and a wrong native type as one violation; here they are two diagnostics, at
  the type and at the native-type attribute.
- npm checks the fields of models only; views and composite types are checked here too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator, Optional

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import NamePattern, name_pattern

CODE = "PL406"
NAME = "require-field-type"
CATEGORY = "fields"
SEVERITY = "error"
DEFAULT_OPTIONS = {"require": [{"if-name": "/At$/", "type": "DateTime"}]}


@dataclass(frozen=True)
class Requirement(RuleOptions):
    if_name: NamePattern
    type: str
    native_type: Optional[str] = None

    @property
    def native(self) -> Optional[str]:
        if not self.native_type:
            return None
        return self.native_type[3:] if self.native_type.startswith("db.") else self.native_type


@dataclass(frozen=True)
class Options(RuleOptions):
    require: list[Requirement] = option(
        [],
        description=(
            "each has `if-name` (string), `type` (string, the Prisma type without `?` or `[]`) and "
            'optionally `native-type` (string, e.g. `"Uuid"` for `@db.Uuid`).'))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    requirements = [(r, name_pattern(r.if_name)) for r in options.require]
    if not requirements:
        return
    for block in schema.field_blocks():
        for field in block.fields:
            matches = [r for r, pattern in requirements if pattern.search(field.name)]
            if not matches or field.type is None:
                continue
            if len({r.type for r in matches}) > 1 or len({r.native for r in matches if r.native}) > 1:
                described = json.dumps([{"if-name": r.if_name, "type": r.type, "native-type": r.native_type}
                                        for r in matches])
                yield ctx.diagnostic(field.name_span, f"Field `{field.name}` matches requirements that "
                                     f"disagree: {described}.",
                                     fix_hint="Make the `require-field-type` patterns not overlap; the first "
                                              "one is applied.")
            wanted = matches[0]
            type_span = field.type_span or field.name_span
            if field.type != wanted.type:
                yield ctx.diagnostic(type_span, f"Field `{field.name}` has type `{field.type}`; expected "
                                     f"`{wanted.type}`.", fix_hint=f"Change its type to `{wanted.type}`.")
            expected_native = wanted.native
            if expected_native:
                native = next((a for a in field.attributes if a.name.startswith("db.")), None)
                if native is None:
                    yield ctx.diagnostic(type_span, f"Field `{field.name}` has no native type; expected "
                                         f"`@db.{expected_native}`.", fix_hint=f"Add `@db.{expected_native}`.")
                elif native.name[3:] != expected_native:
                    yield ctx.diagnostic(native.span, f"Field `{field.name}` has native type `@{native.name}`; "
                                         f"expected `@db.{expected_native}`.",
                                         fix_hint=f"Use `@db.{expected_native}`.")
