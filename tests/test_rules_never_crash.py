"""Every rule, on any schema that parses, reports findings and never fails (no `internal-error`).

Schemas come from the round-trip generator (every construct of the language, with random attribute
arguments in odd places: `@relation` with numbers, `@@index` with objects, unknown types) and from
line-level mutations of the example platform, which keep most of its relations and indexes but break
them in ways a real edit does (a deleted field that a relation names, a duplicated line)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_lint import lint_text
from prisma_lint.config import config_from_dict

from tests.strategies import schema_texts

ALL = config_from_dict({"extends": "all"})
PLATFORM = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "platform" / "services").rglob("schema.prisma"))


def _assert_no_rule_failed(text: str) -> list:
    diagnostics = lint_text(text, "schema.prisma", ALL)
    failures = [d.message for d in diagnostics if d.code == "PL000"]
    assert failures == [], failures
    return diagnostics


def test_generated_schemas(figures) -> None:
    seen = {"examples": 0, "findings": 0}

    @settings(database=None)
    @given(schema_texts())
    def run(text: str) -> None:
        seen["examples"] += 1
        diagnostics = _assert_no_rule_failed(text)
        # The generator writes valid syntax: every rule really ran on it.
        assert [d.message for d in diagnostics if d.code == "PL001"] == []
        seen["findings"] += len(diagnostics)

    run()
    figures["rules_never_crash_generated"] += seen["examples"]
    assert seen["findings"], "no rule found anything in the generated schemas: the rules were not exercised"


@st.composite
def mutated_platform(draw) -> str:
    lines = draw(st.sampled_from(PLATFORM)).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "move"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(index))
    return "\n".join(lines) + "\n"


def test_mutated_platform_schemas(figures) -> None:
    seen = {"examples": 0, "parsed": 0}

    @settings(database=None)
    @given(mutated_platform())
    def run(text: str) -> None:
        seen["examples"] += 1
        diagnostics = _assert_no_rule_failed(text)
        if not any(d.code == "PL001" for d in diagnostics):
            seen["parsed"] += 1

    run()
    figures["rules_never_crash_mutated"] += seen["examples"]
    figures["rules_never_crash_mutated_parsed"] += seen["parsed"]
    # Rules only run on what parses (about a third of the mutations here): some must, or this tests nothing.
    assert seen["parsed"], seen
