"""Field is not mapped to its snake_case column name.

## What it does
Checks that every field whose name has capital letters is mapped to a snake_case column with
`@map("...")`, and that any `@map` a field has is exactly the snake_case form of its name
(`patientId` -> `@map("patient_id")`). Relation fields are skipped (they have no column); scalar, enum
and composite-type fields are checked.

Fields can be exempted one by one with a comment inside the model, as with the npm prisma-lint:
`/// prisma-lint-ignore-model field-name-mapping-snake-case tenantId,legacyCode`.

## Why is this bad?
The migration strategy names columns in snake_case while Prisma Client fields are camelCase. Without
`@map`, Prisma creates a `"patientId"` column that must be quoted in every SQL query, report and
integration; with a hand-written map that drifts (`patient_i_d`, `patientid`), the column names stop
being predictable from the schema.

## Example
```prisma
model LabResult {
  id        String @id
  patientId String
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
- Digits stay with the word before them: `discoverV1Enabled` is expected as `discover_v1_enabled`
  (npm expects `discover_v_1_enabled`, its issue #762); the npm spelling is accepted too.
- npm checks the fields of models only; views and composite types are checked here too.
- npm stops with an error on a field with two `@map` attributes; here the first is checked (Prisma
  itself rejects the second).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import CompositeType, Enum, Schema, StringValue
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import Regex, snake_case_forms

CODE = "PL108"
NAME = "field-name-mapping-snake-case"
CATEGORY = "naming"
SEVERITY = "error"
IGNORE_ARGS = True


@dataclass(frozen=True)
class Options(RuleOptions):
    compound_words: list[Regex] = option(
        [],
        description=(
            'words kept together (`["GraphQL"]` makes `graphQLId` expect `graphql_id`, not '
            "`graph_q_l_id`); each is matched case-sensitively as a regular expression."))
    require_underscore_prefix_for_ids: bool = option(
        False,
        description=(
            "`@id` fields must be mapped to their snake_case name with a leading underscore (`id` -> "
            '`@map("_id")`, MongoDB\'s convention).'))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for block in schema.field_blocks():
        exempt = ctx.ignore_args(block)
        for field in block.fields:
            if field.name in exempt:
                continue
            target = schema.resolve_type(field)
            if not isinstance(target, (str, Enum, CompositeType)):
                continue  # a relation field (no column), or a type other rules report
            underscore = options.require_underscore_prefix_for_ids and field.has_attribute("id")
            required = field.name != field.name.lower() or underscore
            ours, npm = snake_case_forms(field.name, compound_words=options.compound_words)
            if underscore:
                ours, npm = f"_{ours}", f"_{npm}"
            mapping = field.attribute("map")
            value = mapping.arg("name", 0) if mapping is not None else None
            mapped = value.value if isinstance(value, StringValue) else None
            if not mapped:
                if required:
                    yield ctx.diagnostic(field.name_span, f"Field `{field.name}` is not mapped to a snake_case "
                                         "column name.", fix_hint=f"Add `@map(\"{ours}\")`.")
                continue
            if mapped not in (ours, npm):
                yield ctx.diagnostic(value.span, f"Field `{field.name}` is mapped to `{mapped}`; expected "
                                     f"`{ours}`.", fix_hint=f"Map it with `@map(\"{ours}\")`.")
