"""Rule options: plain frozen dataclasses, validated by pydantic only when a configuration sets them.

```python
@dataclass(frozen=True)
class Options(RuleOptions):
    column: str = option("tenantId", "the column every model needs.")
    allow_list: AllowList = option([], "names to accept as they are.")
```

A run with default options (most rules, in most runs) builds `Options()` and never imports pydantic,
which costs about 60 ms of start-up. When a configuration sets options, `RuleOptions.from_config`
validates them (`prisma_lint.validation`: plainly valid ones without pydantic, the rest with it): unknown keys are an error (`Invalid`), and keys
may be written as in Python (`allow_list`), TOML (`allow-list`) or the npm prisma-lint's JSON
(`allowList`), also in nested tables. An option type that needs its own check (a regular expression)
carries a `Check` in its `Annotated[...]` metadata.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
import typing
from typing import Any, ClassVar, NamedTuple, Optional

from prisma_lint.validation import Check, Invalid, validate

__all__ = ["RuleOptions", "NoOptions", "Check", "Invalid", "OptionField", "option", "option_key", "option_fields"]

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def option_key(key: str) -> str:
    """Options may be written as in Python (`allow_list`), TOML (`allow-list`) or the npm prisma-lint's
    JSON (`allowList`); all three mean the same option."""
    return _CAMEL_BOUNDARY.sub("_", key).replace("-", "_").lower()


def option(default: Any, description: str) -> Any:
    """A documented option field: `description` is its line in the rule's `## Options` section. A list
    or table default is copied for each instance."""
    metadata = {"description": description}
    if isinstance(default, (list, dict, set)):
        return dataclasses.field(default_factory=functools.partial(copy.deepcopy, default), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def _normalise_keys(data: Any) -> Any:
    if isinstance(data, dict):
        return {option_key(k) if isinstance(k, str) else k: v for k, v in data.items()}
    return data


class RuleOptions:
    """Base of every rule's options (and of tables inside them): subclasses are
    `@dataclass(frozen=True)`, and unknown keys are an error."""

    __pydantic_config__: ClassVar[dict] = {"extra": "forbid"}
    # How pydantic's schema (below) rewrites keys, told to validation's plain reading too.
    __input_key__: ClassVar[Any] = staticmethod(option_key)
    written_doc: ClassVar[Optional[str]] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # @dataclass gives a class without a docstring its signature as one; the docs want only a
        # docstring someone wrote.
        cls.written_doc = cls.__dict__.get("__doc__")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        schema = handler(source)
        # Keys are normalised inside the dataclass's own schema, so that an error in a table of a
        # union still names the table's class (`require.0.Condition.if-sibling`).
        target = schema
        if target.get("type") == "definitions":
            target = target["schema"]
        if target.get("type") == "dataclass":
            target["schema"] = core_schema.no_info_before_validator_function(_normalise_keys, target["schema"])
        else:  # pragma: no cover - a pydantic that builds dataclasses differently
            schema = core_schema.no_info_before_validator_function(_normalise_keys, schema)
        return schema

    @classmethod
    def from_config(cls, raw: dict[str, Any]) -> "RuleOptions":
        """The options a configuration sets (keys already normalised by `option_key`), validated
        (`Invalid` names the first mistake).
        Options that all equal their defaults need no validation (the defaults are valid): the
        strategy preset states some, and a run with it must not pay for importing pydantic."""
        defaults = cls()
        names = {spec.name for spec in dataclasses.fields(cls)}
        if all(key in names and getattr(defaults, key) == value for key, value in raw.items()):
            return defaults
        return validate(cls, raw)


@dataclasses.dataclass(frozen=True)
class NoOptions(RuleOptions):
    pass


class OptionField(NamedTuple):
    """One option, as the docs describe it."""

    name: str
    annotation: Any  # the resolved type (`typing.Annotated` kept)
    default: Any
    description: Optional[str]


def option_fields(cls: type) -> list[OptionField]:
    """The options of an options class, in order, with their types resolved."""
    hints = typing.get_type_hints(cls, include_extras=True)
    found = []
    for spec in dataclasses.fields(cls):
        if spec.default is not dataclasses.MISSING:
            default = spec.default
        elif spec.default_factory is not dataclasses.MISSING:
            default = spec.default_factory()
        else:
            default = None
        found.append(OptionField(spec.name, hints[spec.name], default, spec.metadata.get("description")))
    return found
