"""The fast path is a reading of prisma.lark: it must build exactly what plain `Lark.parse` (with the same
tokens and the same AST builder) builds, and fail exactly where it fails.

Inputs: every fixture schema, every rule case's schema, and Hypothesis schemas (valid ones using every
construct, mutated fixtures, arbitrary text). Equal means the same `Schema` (blocks, comments and every
span) or the same syntax errors (path, line, column, message).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_lint.ast.nodes import Schema
from prisma_lint.parser import PrismaSyntaxError
from prisma_lint.parser.parser import _parse_blocks

try:
    from tests.test_roundtrip import mutated_fixtures, schema_texts
except ImportError:  # tests/ itself on sys.path
    from test_roundtrip import mutated_fixtures, schema_texts  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]
FIXTURES = sorted((REPO / "fixtures").rglob("*.prisma"))
CASE_SCHEMAS = [
    pytest.param(case["schema"], id=f"{path.stem}-{index}")
    for path in sorted((REPO / "rules" / "cases").glob("*.toml"))
    for index, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("cases", []))
    if "schema" in case  # migration rules' cases hold SQL instead
]


def outcome(text: str, reference: bool):
    try:
        blocks, comments = _parse_blocks(text, "x.prisma", reference=reference)
    except PrismaSyntaxError as error:
        return "errors", [(p.path, p.line, p.column, p.message) for p in error.errors]
    return "schema", Schema(tuple(blocks), tuple(comments), ("x.prisma",))


def assert_same(text: str) -> str:
    fast = outcome(text, reference=False)
    lark = outcome(text, reference=True)
    assert fast == lark, f"fast path and Lark.parse differ on:\n{text}"
    return fast[0]


def test_inputs_exist() -> None:
    assert len(FIXTURES) >= 30 and len(CASE_SCHEMAS) >= 100


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPO / "fixtures")))
def test_fixture(path: Path) -> None:
    assert_same(path.read_bytes().decode("utf-8"))


def test_rule_case_schemas() -> None:
    kinds = {assert_same(param.values[0]) for param in CASE_SCHEMAS}
    assert kinds == {"schema"}  # every case schema parses (test_rule_cases checks the same)


def _run(strategy, examples: int) -> dict[str, int]:
    seen = {"schema": 0, "errors": 0}

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=strategy)
    def run(text: str) -> None:
        seen[assert_same(text)] += 1

    run()
    return seen


def test_valid_random_schemas() -> None:
    seen = _run(schema_texts(), 400)  # slow to draw: 400 cost about as much as the rest of this file
    assert seen["schema"] > 300


def test_mutated_fixtures() -> None:
    seen = _run(mutated_fixtures(), 1500)
    assert seen["errors"] > 300 and seen["schema"] > 50


def test_arbitrary_text() -> None:
    _run(st.text(), 1000)


# --------------------------------------------------------------------------------------------------
# The generated tables and the grammar's constraints
# --------------------------------------------------------------------------------------------------


def test_tables_are_current() -> None:
    from prisma_lint.parser.grammar import TABLES, tables_source

    assert TABLES.read_text(encoding="utf-8") == tables_source(), (
        "prisma_lint/parser/tables.py does not match prisma.lark: run `python -m prisma_lint.parser.grammar`")


GRAMMAR = (REPO / "prisma_lint" / "parser" / "prisma.lark").read_text(encoding="utf-8")


@pytest.mark.parametrize(("change", "message"), [
    # An inlined helper rule: Lark would splice its children into the parent's, which the driver cannot.
    (("property: NAME _EQUAL expression? _NL", "property: NAME _EQUAL _value? _NL\n_value: expression"),
     "inlined"),
    # A rule the AST builder has no method for.
    (("?enum_member: enum_value | block_attribute _NL", "enum_member: enum_value | block_attribute _NL"),
     "no AST builder method"),
])
def test_grammar_constraints_are_enforced(change: tuple[str, str], message: str) -> None:
    from prisma_lint.parser.grammar import tables_source

    old, new = change
    assert old in GRAMMAR
    with pytest.raises(ValueError, match=message):
        tables_source(GRAMMAR.replace(old, new))
