"""The AST as JSON, and its JSON Schema, through pydantic (the nodes are dataclasses it understands)."""

from __future__ import annotations

import functools
import json
from typing import Any

from pydantic import TypeAdapter

from prisma_lint.ast.nodes import Schema

__all__ = ["schema_adapter", "dump_json", "to_dict", "json_schema"]


@functools.lru_cache(maxsize=1)
def schema_adapter() -> TypeAdapter[Schema]:
    # Built on first use: building the validators costs ~0.1 s, which linting never needs to pay.
    return TypeAdapter(Schema)


def to_dict(schema: Schema) -> dict[str, Any]:
    return schema_adapter().dump_python(schema, mode="json")


def dump_json(schema: Schema, indent: int | None = 2) -> str:
    return schema_adapter().dump_json(schema, indent=indent).decode("utf-8")


def json_schema() -> str:
    return json.dumps(schema_adapter().json_schema(), indent=2)
