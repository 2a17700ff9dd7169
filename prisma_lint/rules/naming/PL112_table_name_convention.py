"""Mapped table or column name breaks the naming table.

## What it does
Checks the database names given with `@@map("...")` and `@map("...")`: a model's table must be
PascalCase and a field's column camelCase, as the migration strategy's naming table says (`Patient`,
`LabResult`; `firstName`, `createdAt`). The model and field names themselves are checked by
`model-name-pascal-case` and `field-name-camel-case`; this rule closes the gap where the Prisma name is
fine but the table or column it creates is not.

## Why is this bad?
Raw SQL, rollback scripts, migrations and the other services' queries use the table and column names.
One service's `webhook_event_logs` among `"Patient"` and `"LabResult"` breaks every script written to
the convention, and the drift is invisible in the Prisma schema unless someone reads the `@@map`.

## Example
```prisma
model WebhookEventLog {
  id        String @id @default(uuid())
  eventType String @map("event_type")

  @@map("webhook_event_logs")
}
```

Use instead:
```prisma
model WebhookEventLog {
  id        String @id @default(uuid())
  eventType String

  @@map("WebhookEventLog")
}
```

"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

from prisma_lint.ast.nodes import Schema, StringValue
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.names import AllowList, matches_allow_list

CODE = "PL112"
NAME = "table-name-convention"
CATEGORY = "naming"
SEVERITY = "warning"

Style = Literal["PascalCase", "camelCase", "snake_case", "any"]
_STYLES = {
    "PascalCase": re.compile(r"^[A-Z][a-zA-Z0-9]*$"),
    "camelCase": re.compile(r"^[a-z][a-zA-Z0-9]*$"),
    "snake_case": re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"),
}


@dataclass(frozen=True)
class Options(RuleOptions):
    tables: Style = option("PascalCase", description="the style of mapped table names.")
    columns: Style = option("camelCase", description="the style of mapped column names.")
    allow_list: AllowList = option(
        ["_id"],
        description=(
            'mapped names accepted as they are (MongoDB\'s `@map("_id")` by default); an entry '
            'wrapped in slashes (`"/^legacy_/"`) is a regular expression.'))


def _mapped(attribute) -> tuple[str, object] | None:
    if attribute is None:
        return None
    value = attribute.arg("name", 0)
    if isinstance(value, StringValue):
        return value.value, value.span
    return None


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    tables, columns = _STYLES.get(options.tables), _STYLES.get(options.columns)
    for model in schema.models:
        mapped = _mapped(model.attribute("map"))
        if mapped and tables and not matches_allow_list(mapped[0], options.allow_list) and not tables.match(mapped[0]):
            yield ctx.diagnostic(mapped[1], f"Table name `{mapped[0]}` of model `{model.name}` is not "
                                            f"{options.tables}.",
                                 fix_hint=f"Map the model to a {options.tables} table, or drop `@@map`.")
        if "map" not in block_facts(model).attribute_names:
            continue
        for field in model.fields:
            mapped = _mapped(field.attribute("map"))
            if mapped and columns and not matches_allow_list(mapped[0], options.allow_list) and not columns.match(mapped[0]):
                yield ctx.diagnostic(mapped[1], f"Column name `{mapped[0]}` of field `{model.name}.{field.name}` "
                                                f"is not {options.columns}.")
