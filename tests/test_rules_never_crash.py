"""Every rule, on any schema that parses, reports findings and never fails (no `internal-error`).

Schemas come from the round-trip generator (every construct of the language, with random attribute
arguments in odd places: `@relation` with numbers, `@@index` with objects, unknown types) and from
line-level mutations of the example platform, which keep most of its relations and indexes but break
them in ways a real edit does (a deleted field that a relation names, a duplicated line)."""

from __future__ import annotations

from hypothesis import given, settings

from prisma_lint import lint_text
from prisma_lint.config import config_from_dict
from tests.strategies import mutated_platform, schema_texts

ALL = config_from_dict({"extends": "all"})


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
