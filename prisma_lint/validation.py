"""Validating what a user wrote (a config file, rule options, project settings) with pydantic, which is
imported only when something is validated.

The shapes are plain dataclasses (`prisma_lint.config.ConfigFile`, `prisma_lint.project.settings`,
each rule's `Options`), so a run with no config file builds them without pydantic: importing it costs
about 60 ms, more than the rest of a small run. A dataclass says how pydantic reads it with
`__pydantic_config__` (a plain dict: `{"extra": "forbid"}` makes unknown keys an error), and a field
that needs its own check carries a `Check` in its `Annotated[...]` metadata.

Most config files are plainly valid, and for those importing pydantic would be wasted: `validate` first
tries `_plain`, a strict reading that accepts only data whose every value already has exactly the
declared type (no coercion: `"1"`, `1.0` or `True` for an int are not plain) and only known keys, runs
each `Check` as pydantic would, and builds the same dataclass pydantic would build. Anything else
(an unknown key, a wrong or coercible value, a type it does not know) is "not plain", and pydantic, the
one authority, reads it: the same error or coerced value as always. tests/test_validation.py checks
with Hypothesis that whatever `_plain` accepts, pydantic accepts and builds equal.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Annotated, Any, Callable, Literal, Union

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
    try:
        return _plain(shape, data)
    except Exception:  # not plain (or a surprise, such as data nested too deeply): pydantic decides
        pass
    from pydantic_core import ValidationError

    try:
        return _adapter(shape).validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise Invalid(tuple(first.get("loc", ())), first.get("type", ""),
                      first.get("msg", str(error)).removeprefix("Value error, ")) from None


# --------------------------------------------------------------------------------------------------
# The plain reading: exact types only; anything it is not sure of goes to pydantic
# --------------------------------------------------------------------------------------------------


class _NotPlain(Exception):
    """The value is not plainly of its type: pydantic must read it (to coerce it or to say what is wrong)."""


class _Unknown(_NotPlain):
    """A type the plain reading does not know; in a union, pydantic might pick it, so the union is not plain."""


_SCALARS = (str, bool, int, float)
# What a dataclass's `__pydantic_config__` may say for the plain reading to know how pydantic reads it.
_KNOWN_CONFIG = {"extra", "alias_generator", "populate_by_name"}


def _plain(shape: Any, value: Any) -> Any:
    if shape is Any:
        return value
    if shape in _SCALARS or shape is type(None):
        if type(value) is not shape:  # exact: a bool is no int, an int no float, a str subclass no str
            raise _NotPlain
        return value
    origin = typing.get_origin(shape)
    if origin is Annotated:
        return _plain_annotated(shape, value)
    if origin is Literal:
        if any(type(member) is type(value) and member == value for member in typing.get_args(shape)):
            return value
        raise _NotPlain
    if origin is Union or origin is types.UnionType:
        return _plain_union(shape, value)
    if origin is list:
        (item,) = typing.get_args(shape) or (Any,)
        if type(value) is not list:  # a tuple or a set pydantic would convert
            raise _NotPlain
        return [_plain(item, v) for v in value]
    if origin is tuple:
        args = typing.get_args(shape)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise _Unknown  # a fixed-length tuple
        if type(value) is not tuple:  # a list pydantic would convert
            raise _NotPlain
        return tuple(_plain(args[0], v) for v in value)
    if origin is dict:
        key_shape, value_shape = typing.get_args(shape) or (Any, Any)
        if type(value) is not dict:
            raise _NotPlain
        return {_plain(key_shape, k): _plain(value_shape, v) for k, v in value.items()}
    if isinstance(shape, type) and dataclasses.is_dataclass(shape):
        return _plain_dataclass(shape, value)
    raise _Unknown


def _plain_annotated(shape: Any, value: Any) -> Any:
    base, *metadata = typing.get_args(shape)
    if len(metadata) != 1 or not isinstance(metadata[0], Check):
        raise _Unknown  # pydantic's own constraints, or several checks whose order pydantic decides
    check = metadata[0]
    if check.mode == "before":
        value = _run(check, value)
    value = _plain(base, value)
    return value if check.mode == "before" else _run(check, value)


def _run(check: Check, value: Any) -> Any:
    try:
        return check.func(value)
    except Exception:  # pydantic reports it (a ValueError) or raises it: either way, it decides
        raise _NotPlain from None


def _plain_union(shape: Any, value: Any) -> Any:
    read = []
    for member in typing.get_args(shape):
        try:
            read.append(_plain(member, value))
        except _Unknown:
            raise
        except _NotPlain:
            pass
    if len(read) != 1:  # none fits, or pydantic's smart union would choose between several
        raise _NotPlain
    return read[0]


@functools.lru_cache(maxsize=None)
def _fields(shape: type) -> tuple[dict[str, tuple[str, Any]], frozenset[str]]:
    """The keys a dataclass reads (each with its field name and type) and its required field names."""
    config = getattr(shape, "__pydantic_config__", None) or {}
    if not isinstance(config, dict) or not set(config) <= _KNOWN_CONFIG:
        raise _Unknown
    alias = config.get("alias_generator")
    if alias is not None and not callable(alias):
        raise _Unknown
    try:
        hints = typing.get_type_hints(shape, include_extras=True)
    except Exception:
        raise _Unknown from None
    keys: dict[str, tuple[str, Any]] = {}
    required = set()
    for spec in dataclasses.fields(shape):
        if not spec.init:
            continue
        if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            required.add(spec.name)
        names = {alias(spec.name)} if alias else {spec.name}
        if alias and config.get("populate_by_name"):
            names.add(spec.name)
        for name in names:
            keys[name] = (spec.name, hints[spec.name])
    return keys, frozenset(required)


def _plain_dataclass(shape: type, value: Any) -> Any:
    if type(value) is shape:
        return value  # pydantic keeps an instance as it is (a `Check` may build one: project references)
    if type(value) is not dict:  # a subclass's instance, a mapping: pydantic knows what to do with them
        raise _NotPlain
    keys, required = _fields(shape)
    # A class whose pydantic schema rewrites keys first (RuleOptions: `allowList` -> `allow_list`)
    # says how with `__input_key__`.
    input_key = getattr(shape, "__input_key__", None)
    arguments: dict[str, Any] = {}
    for key, item in value.items():
        if type(key) is not str:
            raise _NotPlain
        known = keys.get(input_key(key) if input_key else key)
        if known is None or known[0] in arguments:  # an unknown key, or one field written twice
            raise _NotPlain
        arguments[known[0]] = _plain(known[1], item)
    if not required <= arguments.keys():
        raise _NotPlain
    try:
        return shape(**arguments)
    except Exception:
        raise _NotPlain from None
