"""Facts about a schema and its blocks that several rules read, computed once instead of by each rule.

Rules walk every field of every model; each rule that re-scanned the fields for their `@relation`, or
looked a field up by name with a linear search, paid for it again (a 10,000-model schema has about
150,000 fields). These helpers compute such facts on first use and keep them with the node they
describe (`prisma_lint.ast.nodes`' weak memo: an entry goes when its node goes):

* `block_facts(block)`: a model's (view's, composite type's) fields by name, its fields' attribute names
  and its relation fields;
* `schema_facts(schema)`: the names of its models and views.

Not a rule module (it has no CODE).
"""

from __future__ import annotations

from typing import Optional

from prisma_lint.ast.nodes import Field, Relation, Schema
from prisma_lint.ast.nodes import _Memo as Memo  # the weak per-node memo the nodes' own facts use

__all__ = ["BlockFacts", "SchemaFacts", "block_facts", "schema_facts"]


class BlockFacts:
    """`fields`: each field by name (the first one, where a name is repeated, as `block.field` finds);
    `attribute_names`: the names of its fields' attributes (`"id"`, `"map"`, `"db.VarChar"`), so that a
    rule can pass over a block that has none of those it judges; `relations`: the fields with a
    `@relation(...)` and what it says, in source order; `relation_scalars`: the names listed in their
    `fields:` (the foreign keys)."""

    __slots__ = ("fields", "attribute_names", "relations", "relation_scalars")

    def __init__(self, block) -> None:
        # Built from the last field back, so that where a name is repeated its first field wins.
        self.fields: dict[str, Field] = {f.name: f for f in reversed(block.fields)}
        self.attribute_names = frozenset([attribute.name for f in block.fields for attribute in f.attributes])
        relations: list[tuple[Field, Relation]] = []
        if "relation" in self.attribute_names:
            for f in block.fields:
                for attribute in f.attributes:
                    if attribute.name == "relation":  # the first, as `f.relation` reads it
                        relations.append((f, Relation.from_attribute(attribute)))
                        break
        self.relations: tuple[tuple[Field, Relation], ...] = tuple(relations)
        self.relation_scalars = frozenset(name for _f, relation in relations for name in relation.fields)

    def field(self, name: str) -> Optional[Field]:
        return self.fields.get(name)


class SchemaFacts:
    """`model_names`: the names of the schema's models; `record_names`: of its models and views (the
    blocks a relation field can point at)."""

    __slots__ = ("model_names", "record_names")

    def __init__(self, schema: Schema) -> None:
        self.model_names = frozenset(b.name for b in schema.blocks if b.kind == "model")
        self.record_names = frozenset(b.name for b in schema.blocks if b.kind in ("model", "view"))


_BLOCKS = Memo()
_SCHEMAS = Memo()


def block_facts(block) -> BlockFacts:
    """The facts of a model, view or composite type (computed on first use)."""
    return _BLOCKS.get(block, BlockFacts)


def schema_facts(schema: Schema) -> SchemaFacts:
    """The facts of a schema (computed on first use)."""
    return _SCHEMAS.get(schema, SchemaFacts)
