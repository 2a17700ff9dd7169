"""Explicit constraint name (`map:`) does not follow Prisma's naming convention.

## What it does
Checks every explicit database name given with `map:` to an index or constraint against the name
Prisma generates when there is none, which is also the platform's convention:

| Constraint | Written as | Name |
|------------|------------|------|
| primary key | `@id(map: ...)`, `@@id(..., map: ...)` | `Table_pkey` |
| unique | `@unique(map: ...)`, `@@unique(..., map: ...)` | `Table_col1_col2_key` |
| index | `@@index(..., map: ...)` (or the older `name: ...`), `@@fulltext(..., map: ...)` | `Table_col1_col2_idx` |
| foreign key | `@relation(..., map: ...)` | `Table_col_fkey` |

`Table` is the table's database name (`@@map`, else the model name) and the columns are the columns'
database names (`@map`, else the field names), as Prisma builds them; names longer than the database
allows (63 bytes on PostgreSQL and CockroachDB, 64 on MySQL, 128 on SQL Server) are truncated before
the suffix, as Prisma does. `name:` arguments of `@@id` and `@@unique` (the Prisma Client name of a
compound key) are not database names and are not checked; on `@@index`, `name:` is the older spelling
of `map:` and is checked like it. Views and composite types are not checked.

Where a generated name cannot be used, a distinguishing word may go before the suffix
(`Account_email_active_idx`): for a partial index (`where:`), which often shares its columns with
another index, and for constraints of one model that would otherwise get the same name.

## Why is this bad?
Rollback scripts, monitoring and the application's error handling refer to constraints by name
(`ALTER TABLE "ChatMessage" DROP CONSTRAINT IF EXISTS "ChatMessage_visitId_fkey"` in the strategy's
rollback template). A hand-picked name breaks those scripts silently (`IF EXISTS` skips the drop), and
every service that follows the convention can be read without looking each name up.

## Example
```prisma
model Visit {
  id            String @id @default(uuid())
  appointmentId String

  @@index([appointmentId], map: "idx_visit_appointment")
}
```

Use instead:
```prisma
model Visit {
  id            String @id @default(uuid())
  appointmentId String

  @@index([appointmentId], map: "Visit_appointmentId_idx")
}
```

## Fix
Safe: writes the generated name in `map:` (the next migration renames the constraint; the client does not
change). No fix where the name needs a distinguishing word (a partial index, or a name two constraints
of the model would share).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from prisma_lint.ast.nodes import Attribute, Model, Schema, StringValue
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.builders import replace_span
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import block_facts
from prisma_lint.rules.shared.names import AllowList, matches_allow_list

CODE = "PL111"
NAME = "constraint-name-convention"
CATEGORY = "naming"
SEVERITY = "warning"

# Longest constraint name each provider allows (Prisma's `constraint_name_length`).
NAME_LIMITS = {"postgresql": 63, "postgres": 63, "cockroachdb": 63, "mysql": 64, "sqlserver": 128,
               "sqlite": 10000, "mongodb": 127}
DEFAULT_LIMIT = 63

_WHAT = {"pkey": "Primary key name", "key": "Unique constraint name", "idx": "Index name",
         "fkey": "Foreign key name"}


@dataclass(frozen=True)
class Options(RuleOptions):
    allow_list: AllowList = option(
        [],
        description=(
            "names to accept as they are (legacy constraints that already exist in a database); an "
            'entry wrapped in slashes (`"/^legacy_/"`) is a regular expression.'))


def _cut(text: str, size: int) -> str:
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def expected_name(table: str, columns: Sequence[str], suffix: str, limit: int) -> str:
    """The name Prisma generates (psl's ConstraintNames): the table, the columns joined with `_`,
    then the suffix; the part before the suffix is cut to fit the provider's limit."""
    if suffix == "pkey":
        base = table
    else:
        base = f"{table}_{'_'.join(columns)}"
    if len(base.encode("utf-8")) >= limit - len(suffix) - 1:
        base = _cut(base, limit - len(suffix) - 1)
    return f"{base}_{suffix}"


def _map_argument(attribute: Attribute) -> Optional[StringValue]:
    value = attribute.arg("map", None)
    return value if isinstance(value, StringValue) else None


def _columns(model: Model, names: Sequence[str]) -> Optional[tuple[str, ...]]:
    """The database names of these fields; None when one is not a field of the model."""
    fields = block_facts(model).fields
    if any(name not in fields for name in names):
        return None
    return model.column_names(names)


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    limit = NAME_LIMITS.get(schema.datasource_provider() or "", DEFAULT_LIMIT)
    for model in schema.models:
        if (all(index.map is None for index in model.indexes)
                and all(relation.map is None for _f, relation in block_facts(model).relations)):
            continue  # no constraint given a name (`map:`): Prisma names them all itself
        table = model.database_name
        # Every constraint of the model, named or not: (map value or None, suffix, fields, partial).
        found: list[tuple[Optional[StringValue], str, Sequence[str], bool]] = []
        for f in model.fields:
            for attribute in f.attributes:
                if attribute.name == "id":
                    found.append((_map_argument(attribute), "pkey", (f.name,), False))
                elif attribute.name == "unique":
                    found.append((_map_argument(attribute), "key", (f.name,), False))
                elif attribute.name == "relation":
                    relation = f.relation
                    if relation is not None and relation.fields:
                        found.append((_map_argument(attribute), "fkey", relation.fields, False))
        for index in model.indexes:
            if index.field is None:
                suffix = {"id": "pkey", "unique": "key"}.get(index.type, "idx")
                partial = index.attribute.arg("where", None) is not None
                found.append((index.database_name_value(), suffix, index.fields, partial))
        expected_names: list[Optional[str]] = []
        for value, suffix, names, _partial in found:
            columns = _columns(model, names) if suffix != "pkey" else []
            valid = columns is not None and not any("." in c for c in columns)
            expected_names.append(expected_name(table, columns, suffix, limit) if valid else None)
        for (value, suffix, names, partial), expected in zip(found, expected_names):
            if value is None or expected is None or value.value == expected:
                continue
            if matches_allow_list(value.value, options.allow_list):
                continue
            if partial or expected_names.count(expected) > 1:
                stem = expected[: -len(suffix) - 1]
                if re.fullmatch(re.escape(stem) + r"_\w+_" + re.escape(suffix), value.value):
                    continue
            # The generated name is the fix, unless another constraint of the model would get it too (or
            # this one is partial): then only a person can choose the distinguishing word.
            unique = not partial and expected_names.count(expected) == 1
            yield ctx.diagnostic(value.span,
                                 f"{_WHAT[suffix]} `{value.value}` does not follow Prisma's convention "
                                 f"`{expected}`.",
                                 fix_hint=f"Rename it to `{expected}`, or remove `map:` to let Prisma name it.",
                                 edits=[replace_span(value.span, f'"{expected}"')] if unique else [])
