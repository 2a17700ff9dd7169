"""Foreign key of a relation has no index.

## What it does
For every relation that declares `@relation(fields: [...], references: [...])`, checks that its
foreign-key columns are covered by an index: they are the leading columns (in any order) of an
`@@index`, `@@unique` or `@@id`, or the one column of a field's `@unique` or `@id`. A `@@fulltext`
index or a partial index (`where:`) does not count. Views and composite types are not checked.

## Why is this bad?
PostgreSQL and SQL Server do not index foreign-key columns by themselves (and with `relationMode =
"prisma"` there is no foreign key at all). Every `include` of the relation, every query filtered by
the parent, and every delete or update of a parent row (which checks or cascades to the children)
then scans the whole child table: fine in development, a sequential scan under production load. The
migration strategy says "Always index foreign keys".

## Example
```prisma
model Visit {
  id       String        @id @default(uuid())
  messages ChatMessage[]
}

model ChatMessage {
  id      String @id @default(uuid())
  visitId String
  visit   Visit  @relation(fields: [visitId], references: [id], onDelete: Cascade)
}
```

Use instead:
```prisma
model Visit {
  id       String        @id @default(uuid())
  messages ChatMessage[]
}

model ChatMessage {
  id      String @id @default(uuid())
  visitId String
  visit   Visit  @relation(fields: [visitId], references: [id], onDelete: Cascade)

  @@index([visitId])
}
```

## Fix
Safe: adds `@@index([...])` with the foreign-key columns as the model's last line.
"""

from __future__ import annotations

from typing import Iterator

from prisma_lint.ast.nodes import Schema
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.builders import add_block_attribute, source_text
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.indexes import index_hint, is_covered, usable_indexes

CODE = "PL201"
NAME = "missing-relation-index"
CATEGORY = "relations"
SEVERITY = "warning"


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    for model in schema.models:
        facts = block_facts(model)
        indexes = None
        reported: set[frozenset[str]] = set()
        for f, relation in facts.relations:
            if not relation.fields:
                continue
            columns = list(dict.fromkeys(relation.fields))
            key = frozenset(columns)
            if key in reported:
                continue
            if indexes is None:
                indexes = usable_indexes(model)
            if is_covered(model, columns, indexes):
                continue
            reported.add(key)
            first = facts.field(columns[0])
            span = first.name_span if first is not None else f.name_span
            names = ", ".join(f"`{c}`" for c in columns)
            what = f"Foreign key {names}" if len(columns) == 1 else f"Foreign key ({names})"
            text = source_text(ctx, model.span)
            edits = [add_block_attribute(text, model, f"@@index([{', '.join(columns)}])")] if text else []
            yield ctx.diagnostic(span, f"{what} of relation `{f.name}` has no index.",
                                 fix_hint=index_hint(model, columns), edits=edits)
