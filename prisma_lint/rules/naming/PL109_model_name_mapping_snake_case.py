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

## Options
- `compound-words` (list of strings, default `[]`): words kept together (`["GraphQL"]` makes
  `GraphQLQuery` expect `graphql_query`, not `graph_q_l_query`); each is matched case-sensitively as a
  regular expression.
- `trim-prefix` (string, default `""`): a prefix removed from the model name first (`"Db"` makes
  `DbUser` expect `user`).
- `pluralize` (boolean, default `false`): the table name is the plural (`lab_results`).
- `irregular-plurals` (table of strings, default `{}`): plurals the built-in English rules get wrong,
  as `{ singular = "plural" }` for whole table names (`{ "person_data" = "people_data" }`).

## Differences from the npm prisma-lint
- Digits stay with the word before them: `MessageV2` is expected as `message_v2` (npm expects
  `message_v_2`, its issue #762); the npm spelling is accepted too.
- npm checks models only; views (which take `@@map` too) are checked here as well.
- npm stops with an error on a model with two `@@map` attributes; here the first is checked.
"""

from __future__ import annotations

from typing import Iterator

from pydantic import field_validator

from prisma_lint.ast.nodes import Schema, StringValue
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions
from prisma_lint.rules.naming._npm_compat import BodyIgnores, js_regex, snake_case_forms

CODE = "PL109"
NAME = "model-name-mapping-snake-case"
CATEGORY = "naming"
SEVERITY = "error"


class Options(RuleOptions):
    compound_words: list[str] = []
    trim_prefix: str = ""
    pluralize: bool = False
    irregular_plurals: dict[str, str] = {}

    @field_validator("compound_words")
    @classmethod
    def _compound_words(cls, value: list[str]) -> list[str]:
        for word in value:
            js_regex(word)
        return value


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    options: Options = ctx.options  # type: ignore[assignment]
    ignores = BodyIgnores(schema)
    names = ctx.rule.names()
    for block in (*schema.models, *schema.views):
        if ignores.skips(block, names):
            continue
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
