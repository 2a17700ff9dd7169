"""Helpers shared by the relation and key rules: index coverage and relation ownership.

Not a rule module (it is not listed in `RULES`)."""

from __future__ import annotations

import fnmatch
import re
from typing import Iterable, Optional, Sequence

from prisma_lint.ast.nodes import Field, Index, Model, Relation
from prisma_lint.rules.shared.facts import block_facts

__all__ = ["usable_indexes", "is_covered", "index_hint", "owner_by_name", "matches_pattern", "fk_fields"]


def usable_indexes(model: Model) -> list[Index]:
    """The indexes that serve lookups on every row: `@id`, `@unique`, `@@id`, `@@unique`, `@@index`;
    not `@@fulltext` (a text-search index) and not partial indexes (`where:`, Prisma 7)."""
    return [index for index in model.indexes
            if index.type != "fulltext" and index.attribute.arg("where", None) is None]


def is_covered(model: Model, columns: Sequence[str], indexes: Optional[list[Index]] = None) -> bool:
    """True when an index starts with `columns` (in any order): its first len(columns) fields are
    exactly these columns. A single-field `@unique`/`@id` is an index of that one field."""
    wanted = set(columns)
    if not wanted:
        return True
    for index in usable_indexes(model) if indexes is None else indexes:
        if len(index.fields) >= len(wanted) and set(index.fields[:len(wanted)]) == wanted:
            return True
    return False


def index_hint(model: Model, columns: Sequence[str]) -> str:
    return f"Add `@@index([{', '.join(columns)}])` to model `{model.name}`."


_WORD_START = re.compile(r"[A-Z0-9_]")


def owner_by_name(child: str, parent: str) -> bool:
    """The default ownership heuristic: the child model is named after its parent, one or more PascalCase
    words added (`ClaimLine` -> `Claim`, `PrescriptionFill` -> `Prescription`, `LabOrderItem` ->
    `LabOrder`). `Planet` is not named after `Plan`, nor a model after itself."""
    return (len(child) > len(parent) and child.startswith(parent)
            and _WORD_START.match(child[len(parent)]) is not None)


def matches_pattern(patterns: Iterable[str], model: str, field: str) -> bool:
    """Whether `Model.field` or `Model` matches one of the glob patterns (case-sensitive)."""
    if not patterns:
        return False  # the usual empty option: no name to build
    qualified = f"{model}.{field}"
    return any(fnmatch.fnmatchcase(qualified, p) or fnmatch.fnmatchcase(model, p) for p in patterns)


def fk_fields(model: Model, field: Field, relation: Optional[Relation] = None) -> list[Field]:
    """The scalar fields named in a relation's `fields:` that exist on the model (`relation`: the
    field's, when the caller has it already)."""
    relation = relation if relation is not None else field.relation
    if relation is None:
        return []
    fields = block_facts(model).fields
    return [f for f in (fields.get(name) for name in relation.fields) if f is not None]

