"""Field that should be indexed has no index.

## What it does
Checks that chosen fields lead an index: the fields named by `for-names`, and with
`for-all-relations` every foreign-key field of a relation (`@relation(fields: [...])`). A field is
indexed when it is `@id` or `@unique` itself, or is the first field of an `@@index`, `@@unique` or
`@@id`. A composite foreign key (`fields: [tenantId, patientId]`) is also covered by an index whose
leading fields are exactly its fields. Only models are checked.

Fields can be exempted one by one with a comment inside the model, as with the npm prisma-lint:
`/// prisma-lint-ignore-model require-field-index tenantId`.

## Why is this bad?
PostgreSQL does not index foreign keys by itself. Every relation query, join, and `ON DELETE` check on
an unindexed `patientId` scans the whole table, which is invisible on a test database and a timeout in
production; tenant keys read on every request need an index for the same reason.

## Example
```prisma
model Visit {
  id        String  @id
  patientId String
  patient   Patient @relation(fields: [patientId], references: [id])
}

model Patient {
  id     String  @id
  visits Visit[]
}
```

Use instead:
```prisma
model Visit {
  id        String  @id
  patientId String
  patient   Patient @relation(fields: [patientId], references: [id])

  @@index([patientId])
}

model Patient {
  id     String  @id
  visits Visit[]
}
```

## Fix
Safe: adds `@@index([field])` as the model's last line.

## Differences from the npm prisma-lint
- The first field of a composite primary key (`@@id([tenantId, id])`) counts as indexed; npm ignores
  `@@id` and reports it.
- A composite foreign key covered by an index on its fields (`@@index([tenantId, patientId])` for
  `fields: [tenantId, patientId]`) is accepted; npm wants every one of its fields to lead an index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.builders import add_block_attribute, source_text
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.names import NamePattern, as_list, name_pattern

CODE = "PL305"
NAME = "require-field-index"
CATEGORY = "keys"
SEVERITY = "error"
IGNORE_ARGS = True
DEFAULT_OPTIONS = {"for-all-relations": True}


@dataclass(frozen=True)
class Options(RuleOptions):
    for_all_relations: bool = option(False, description="every foreign-key field must be indexed.")
    for_names: Union[NamePattern, list[NamePattern]] = option(
        [],
        description=(
            "field names that must be indexed; a plain entry must match the whole name "
            '(`"tenantId"`), an entry wrapped in slashes is a regular expression searched for '
            '(`"/Id$/"`).'))


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    patterns = [name_pattern(entry) for entry in as_list(options.for_names)]
    if not patterns and not options.for_all_relations:
        return
    names = ctx.rule.names()
    for model in schema.models:
        exempt = ctx.ignore_args(model)
        indexes = [index.fields for index in model.indexes if index.fields and index.type != "fulltext"]
        leading = {fields[0] for fields in indexes}
        foreign_keys = [relation.fields for f in model.fields
                        if (relation := f.relation) is not None and relation.fields]
        for field in model.fields:
            if field.name in exempt or field.has_attribute("id") or field.has_attribute("unique"):
                continue
            if field.name in leading:
                continue
            named = any(p.search(field.name) for p in patterns)
            keys = [fk for fk in foreign_keys if field.name in fk]
            if not named and not (options.for_all_relations and keys):
                continue
            if not named and any(set(index[:len(fk)]) == set(fk) for fk in keys for index in indexes
                                 if len(fk) > 1):
                continue  # a composite foreign key with an index on all its fields
            why = "it is named in `for-names`" if named else "it is a foreign key"
            text = source_text(ctx, model.span)
            edits = [add_block_attribute(text, model, f"@@index([{field.name}])")] if text is not None else []
            yield ctx.diagnostic(field.name_span, f"Field `{field.name}` has no index ({why}).",
                                 fix_hint=f"Add `@@index([{field.name}])`, or make it the first field of an "
                                          "existing index.", edits=edits)
