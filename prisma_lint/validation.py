"""Validating what a user wrote (a config file, rule options, project settings) with pydantic, which is
imported only when something is validated.

The shapes are plain dataclasses (`prisma_lint.config.ConfigFile`, `prisma_lint.project.settings`,
each rule's `Options`), so a run with no config file builds them without pydantic: importing it costs
about 60 ms, more than the rest of a small run. A dataclass says how pydantic reads it with
`__pydantic_config__` (a plain dict: `{"extra": "forbid"}` makes unknown keys an error), and a field
that needs its own check carries a `Check` in its `Annotated[...]` metadata.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Literal

__all__ = ["Check", "Invalid", "validate"]


class Check:
    """`Annotated[str, Check(func)]`: pydantic runs `func` on the value after (or, with `mode="before"`,
    before) its own type check; `func` returns the value and raises `ValueError` with the message a
    user should read."""

    __slots__ = ("func", "mode")

    def __init__(self, func: Callable[[Any], Any], mode: Literal["after", "before"] = "after") -> None:
        self.func = func
        self.mode = mode

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        wrap = (core_schema.no_info_after_validator_function if self.mode == "after"
                else core_schema.no_info_before_validator_function)
        return wrap(self.func, handler(source))

    def __repr__(self) -> str:
        return f"Check({self.func.__name__})"


class Invalid(ValueError):
    """The first thing wrong with validated data: where (`location`, keys and list indexes), pydantic's
    error type (`kind`) and its message."""

    def __init__(self, location: tuple, kind: str, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.kind = kind
        self.message = message

    @property
    def unknown_key(self) -> bool:
        # A model reports an unknown key as extra_forbidden, a dataclass as an unexpected argument.
        return self.kind in ("extra_forbidden", "unexpected_keyword_argument")


@functools.lru_cache(maxsize=None)
def _adapter(shape: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(shape)


def validate(shape: Any, data: Any) -> Any:
    """`data` read into `shape` (a dataclass or any type pydantic knows); `Invalid` when it does not fit."""
    from pydantic_core import ValidationError

    try:
        return _adapter(shape).validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise Invalid(tuple(first.get("loc", ())), first.get("type", ""),
                      first.get("msg", str(error)).removeprefix("Value error, ")) from None
