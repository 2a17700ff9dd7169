"""Model is not mapped to its snake_case table name.

## What it does
Checks that every model and view has a `@@map("...")` and that it is exactly the snake_case form of
its name (`LabResult` -> `@@map("lab_result")`), optionally without a prefix and pluralised.

## Why is this bad?
The migration strategy names tables in snake_case while models are PascalCase. Without `@@map`,
Prisma creates a `"LabResult"` table that must be quoted in every SQL query; with a hand-written map
that drifts (`labresults`, `lab_results_v2`), table names stop being predictable from the schema.

## Example
```prisma
model LabResult {
  id String @id
}
```

Use instead:
```prisma
model LabResult {
  id String @id

  @@map("lab_result")
}
```

## Differences from the npm prisma-lint
- Digits stay with the word before them: `MessageV2` is expected as `message_v2` (npm expects
  `message_v_2`, its issue #762); the npm spelling is accepted too.
- npm checks models only; views (which take `@@map` too) are checked here as well.
- npm stops with an error on a model with two `@@map` attributes; here the first is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from prisma_lint.ast.nodes import Schema, StringValue
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import Regex, snake_case_forms

CODE = "PL109"
NAME = "model-name-mapping-snake-case"
CATEGORY = "naming"
SEVERITY = "error"


@dataclass(frozen=True)
class Options(RuleOptions):
    compound_words: list[Regex] = option(
        [],
        description=(
            'words kept together (`["GraphQL"]` makes `GraphQLQuery` expect `graphql_query`, not '
            "`graph_q_l_query`); each is matched case-sensitively as a regular expression."))
    trim_prefix: str = option(
        "",
        description=(
            'a prefix removed from the model name first (`"Db"` makes `DbUser` expect `user`).'))
    pluralize: bool = option(False, description="the table name is the plural (`lab_results`).")
    irregular_plurals: dict[str, str] = option(
        {},
        description=(
            'plurals the built-in English rules get wrong, as `{ singular = "plural" }` for whole '
            'table names (`{ "person_data" = "people_data" }`).'))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for block in (*schema.models, *schema.views):
        ours, npm = snake_case_forms(block.name, compound_words=options.compound_words, trim=options.trim_prefix,
                                     pluralize=options.pluralize, irregular_plurals=options.irregular_plurals)
        mapping = block.attribute("map")
        value = mapping.arg("name", 0) if mapping is not None else None
        mapped = value.value if isinstance(value, StringValue) else None
        kind = "Model" if block.kind == "model" else "View"
        if not mapped:
            yield ctx.diagnostic(block.name_span, f"{kind} `{block.name}` is not mapped to a snake_case table "
                                 "name.", fix_hint=f"Add `@@map(\"{ours}\")`.")
        elif mapped not in (ours, npm):
            yield ctx.diagnostic(value.span, f"{kind} `{block.name}` is mapped to `{mapped}`; expected `{ours}`.",
                                 fix_hint=f"Map it with `@@map(\"{ours}\")`.")
