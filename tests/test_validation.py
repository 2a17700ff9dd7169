"""The plain reading of config data (`prisma_lint.validation._plain`) never accepts what pydantic would
not, and builds what pydantic builds (issue 10: a valid config file is read without importing pydantic).

For random data against every shape a user writes (the config file format, the project settings, every
rule's options), valid and invalid alike (coercible values such as "1", 1.0 or True for an int, unknown
keys, keys in every spelling, errors deep inside nested tables): whenever the plain reading accepts, pydantic
accepts too and builds an equal object. What it declines goes to pydantic unchanged.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from typing import Annotated, Any, Literal, Union

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_lint.config import ConfigFile
from prisma_lint.project.settings import ProjectSettings
from prisma_lint.rules.registry import default_registry
from prisma_lint.validation import Invalid, _adapter, _NotPlain, _plain, validate

SHAPES = {"ConfigFile": ConfigFile, "ProjectSettings": ProjectSettings,
          **{f"{rule.name}.Options": rule.options for rule in default_registry()}}

# Strings that pass some checks and fail others: names, patterns, regular expressions, references.
TEXTS = ["tenantId", "id", "createdAt", "snake", "camel", "singular", "lower", "PascalCase", "/^[a-z]+$/",
         "/(/", "(", "^Old", "api.Patient", "api.User.id", "Patient", "a b", "", " ", "x", "services/api",
         "strategy", "none", "PL303", "naming", "error", "off", "tenant_*", "*Id", "\ud800", "a\x00b"]
# Values a wrong or coercible input may take: pydantic converts some ("1" -> 1, 1.0 -> 1), rejects others.
NOISE = st.sampled_from(["1", "true", 1, 0, 1.0, 1.5, True, False, None, [], {}, ("a",), ["a", 1], {"a": 1},
                         "x", float("nan")])


def _spellings(name: str) -> list[str]:
    head, *rest = name.split("_")
    return [name, name.replace("_", "-"), head + "".join(part.title() for part in rest)]


def _data(shape: Any, depth: int = 0) -> st.SearchStrategy:
    """Data for `shape`: mostly of the right shape (with a wrong value somewhere now and then), sometimes noise."""
    return st.one_of(_fitting(shape, depth), NOISE) if depth else _fitting(shape, depth)


def _fitting(shape: Any, depth: int) -> st.SearchStrategy:
    origin = typing.get_origin(shape)
    if shape is Any:
        return st.one_of(st.sampled_from(TEXTS), st.integers(-2, 3), st.booleans(),
                         st.lists(st.sampled_from(TEXTS), max_size=2))
    if shape is str:
        return st.one_of(st.sampled_from(TEXTS), st.text(max_size=6))
    if shape is bool:
        return st.booleans()
    if shape is int:
        return st.integers(-3, 300)
    if shape is float:
        return st.floats(allow_nan=False)
    if shape is type(None):
        return st.none()
    if origin is Annotated:
        return _fitting(typing.get_args(shape)[0], depth)
    if origin is Literal:
        return st.sampled_from(typing.get_args(shape))
    if origin is Union or origin is types.UnionType:
        return st.one_of(*(_fitting(member, depth) for member in typing.get_args(shape)))
    if origin in (list, tuple):
        item = _data(typing.get_args(shape)[0], depth + 1)
        return st.lists(item, max_size=3).map(tuple if origin is tuple else list)
    if origin is dict:
        key, value = typing.get_args(shape)
        return st.dictionaries(_fitting(key, depth + 1), _data(value, depth + 1), max_size=3)
    if dataclasses.is_dataclass(shape):
        return _table(shape, depth)
    raise AssertionError(f"no strategy for {shape!r}: teach the test (and perhaps `_plain`) this type")


def _table(shape: type, depth: int) -> st.SearchStrategy:
    hints = typing.get_type_hints(shape, include_extras=True)
    fields = [spec for spec in dataclasses.fields(shape) if spec.init]

    @st.composite
    def table(draw: Any) -> dict:
        chosen = draw(st.lists(st.sampled_from(fields), unique=True, max_size=len(fields))) if fields else []
        out = {}
        for spec in chosen:
            out[draw(st.sampled_from(_spellings(spec.name)))] = draw(_data(hints[spec.name], depth + 1))
        if draw(st.integers(0, 9)) == 0:  # an unknown key, or one field written in two spellings
            if fields and draw(st.booleans()):
                spec = draw(st.sampled_from(fields))
                for spelling in _spellings(spec.name)[:2]:
                    out[spelling] = draw(_data(hints[spec.name], depth + 1))
            else:
                out[draw(st.sampled_from(["bogus", "no-such-key", "severity"]))] = draw(NOISE)
        return out

    return table()


def _pydantic(shape: Any, data: Any) -> Any:
    return _adapter(shape).validate_python(data)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_what_the_plain_reading_accepts_pydantic_accepts_and_builds_equal(name, figures) -> None:
    shape = SHAPES[name]

    @settings(max_examples=max(10, settings.default.max_examples // 3))
    @given(_data(shape))
    def check(data: Any) -> None:
        try:
            read = _plain(shape, copy.deepcopy(data))
        except _NotPlain:
            figures["validation: declined by the plain reading"] += 1
            return
        figures["validation: accepted by the plain reading"] += 1
        assert read == _pydantic(shape, data), f"plain and pydantic readings of {data!r} differ"
        assert type(read) is shape

    check()


@pytest.mark.parametrize(("shape", "data"), [
    (ConfigFile, {"extends": "none", "rules": {"require-field": ["error", {"require": ["id"]}]}}),
    (ConfigFile, {"extend-select": "PL1", "ignore": ["PL303"], "cache-dir": ".c",
                  "overrides": [{"files": "legacy/**", "ignore": "PL302"}]}),
    (ConfigFile, {"project": {"services": {"api": "services/api"}, "references": {"patientId": "api.Patient"},
                              "deployment-order": ["api"], "check-providers": False}}),
    (default_registry().get("require-field").options,
     {"require": ["tenantId", {"name": "x", "if-sibling": "/^a/"}]}),
    (default_registry().get("require-field-index").options, {"forAllRelations": True}),
    (default_registry().get("migration-folder-convention").options, {"max_description_length": 40}),
])
def test_plainly_valid_data_is_read_plainly_as_pydantic_reads_it(shape, data) -> None:
    assert _plain(shape, copy.deepcopy(data)) == _pydantic(shape, data) == validate(shape, data)


@pytest.mark.parametrize("value", ["40", 40.0, True, None])
def test_coercible_or_wrong_values_go_to_pydantic(value) -> None:
    """Not plain: pydantic decides, converting what it converts ("40", 40.0) and rejecting the rest."""
    shape = default_registry().get("migration-folder-convention").options
    with pytest.raises(_NotPlain):
        _plain(shape, {"max_description_length": value})
    try:
        expected = _pydantic(shape, {"max_description_length": value})
    except Exception:
        with pytest.raises(Invalid):
            validate(shape, {"max_description_length": value})
    else:
        assert validate(shape, {"max_description_length": value}) == expected


def test_a_failing_check_and_an_unknown_key_are_not_plain() -> None:
    options = default_registry().get("require-field").options
    for data in ({"require": [{"name": "x", "if-sibling": "/(/"}]}, {"require": ["id"], "bogus": 1}):
        with pytest.raises(_NotPlain):
            _plain(options, data)
        with pytest.raises(Invalid):
            validate(options, data)
    # One key in two spellings: pydantic keeps the last; the plain reading leaves that choice to it.
    twice = {"require": [{"name": "x", "ifSibling": "/a/", "if-sibling": "/b/"}]}
    with pytest.raises(_NotPlain):
        _plain(options, twice)
    assert validate(options, twice) == _pydantic(options, twice)
