"""The AST as JSON, and its JSON Schema, through pydantic (the nodes are dataclasses it understands)."""

from __future__ import annotations

import functools
import json
from typing import Any

from pydantic import TypeAdapter
from pydantic_core import PydanticSerializationError

from prisma_lint.ast.nodes import Schema

__all__ = ["schema_adapter", "dump_json", "to_dict", "json_schema", "AstTooDeepError"]


class AstTooDeepError(ValueError):
    """The AST nests deeper than pydantic's serialiser goes (about 120 levels of function-call arguments,
    e.g. `@default(f(f(f(...))))`): said as such instead of pydantic's internal error."""

    def __init__(self) -> None:
        super().__init__("the AST is nested too deeply to write as JSON (more than about 120 levels of nested "
                         "arguments)")


def _serialising(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except PydanticSerializationError as error:
            if "depth" in str(error):
                raise AstTooDeepError() from None
            raise

    return wrapper


@functools.lru_cache(maxsize=1)
def schema_adapter() -> TypeAdapter[Schema]:
    # Built on first use: building the validators costs ~0.1 s, which linting never needs to pay.
    return TypeAdapter(Schema)


@_serialising
def to_dict(schema: Schema) -> dict[str, Any]:
    return schema_adapter().dump_python(schema, mode="json")


@_serialising
def dump_json(schema: Schema, indent: int | None = 2) -> str:
    return schema_adapter().dump_json(schema, indent=indent).decode("utf-8")


def json_schema() -> str:
    return json.dumps(schema_adapter().json_schema(), indent=2)
