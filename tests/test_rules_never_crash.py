"""Every rule, on any schema that parses, reports findings and never fails (no `internal-error`).

Schemas come from the round-trip generator (every construct of the language, with random attribute
arguments in odd places: `@relation` with numbers, `@@index` with objects, unknown types) and from
line-level mutations of the example platform, which keep most of its relations and indexes but break
them in ways a real edit does (a deleted field that a relation names, a duplicated line)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_lint import lint_text
from prisma_lint.config import config_from_dict

try:
    from tests.test_roundtrip import schema_texts
except ImportError:  # tests/ itself on sys.path
    from test_roundtrip import schema_texts  # type: ignore[no-redef]

ALL = config_from_dict({"extends": "all"})
PLATFORM = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "platform" / "services").rglob("schema.prisma"))
COUNTS = {"generated": 0, "mutated": 0, "mutated_parsed": 0}


def _assert_no_rule_failed(text: str) -> list:
    diagnostics = lint_text(text, "schema.prisma", ALL)
    failures = [d.message for d in diagnostics if d.code == "PL000"]
    assert failures == [], failures
    return diagnostics


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema_texts())
def test_generated_schemas(text: str) -> None:
    COUNTS["generated"] += 1
    _assert_no_rule_failed(text)


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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_platform())
def test_mutated_platform_schemas(text: str) -> None:
    COUNTS["mutated"] += 1
    diagnostics = _assert_no_rule_failed(text)
    if not any(d.code == "PL001" for d in diagnostics):
        COUNTS["mutated_parsed"] += 1


def test_report_counts(record_property) -> None:
    print(f"rules-never-crash examples: {COUNTS}")
    for key, value in COUNTS.items():
        record_property(key, value)
