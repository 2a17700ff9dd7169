"""Properties of fixing, on generated schemas, mutated example-platform schemas and the parser corpus:

* a fix changes no byte outside its edits;
* the fixed text parses;
* fixing is idempotent (fixing the fixed text changes nothing);
* after fixing, the fixed rules report nothing that has a fix.

Every rule runs (`extends = "all"`) and unsafe fixes too, so every fix of every rule is exercised."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_lint import lint_text
from prisma_lint.config import config_from_dict
from prisma_lint.fixes.edits import apply_edits, fix_applies
from prisma_lint.fixes.engine import fix_texts
from prisma_lint.parser import PrismaSyntaxError, parse

from tests.strategies import mutated_platform, schema_texts

ALL = config_from_dict({"extends": "all"})
ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "fixtures" / "schemas" / "valid").glob("*.prisma")) + \
    sorted((ROOT / "fixtures" / "platform" / "services").rglob("schema.prisma"))
NAME = "schema.prisma"
EXAMPLES = settings(max_examples=max(settings.default.max_examples // 6, 5))  # 25 in the ci profile


def _parses(text: str) -> bool:
    try:
        parse(text, NAME)
    except PrismaSyntaxError:
        return False
    return True


def _check_fix_properties(text: str) -> int:
    """Assert the four properties for `text`; returns how many findings had a fix."""
    if not _parses(text):
        return 0
    fixable = [d for d in lint_text(text, NAME, ALL) if fix_applies(d, unsafe=True)]
    data = text.encode("utf-8")
    for diagnostic in fixable:  # each fix alone: only its spans change, and the result parses
        fixed = apply_edits(text, diagnostic.edits).encode("utf-8")
        start = min(e.start for e in diagnostic.edits)
        end = max(e.end for e in diagnostic.edits)
        assert fixed[:start] == data[:start], diagnostic
        assert fixed[len(fixed) - (len(data) - end):] == data[end:], diagnostic
        assert _parses(fixed.decode("utf-8")), (diagnostic, fixed.decode("utf-8"))
    outcome = fix_texts([[Path(NAME)]], {NAME: text}, ALL, unsafe=True)
    result = outcome.texts[NAME]
    assert not outcome.rejected, outcome.rejected
    assert _parses(result)
    if outcome.settled:
        left = [d for d in lint_text(result, NAME, ALL) if fix_applies(d, unsafe=True)]
        assert left == [], left
        again = fix_texts([[Path(NAME)]], {NAME: result}, ALL, unsafe=True)
        assert again.texts[NAME] == result
    return len(fixable)


@EXAMPLES
@given(schema_texts())
def test_fix_properties_on_generated_schemas(text: str) -> None:
    _check_fix_properties(text)


@EXAMPLES
@given(mutated_platform())
def test_fix_properties_on_mutated_platform_schemas(text: str) -> None:
    _check_fix_properties(text)


def test_fix_properties_on_the_corpus() -> None:
    found = sum(_check_fix_properties(path.read_text(encoding="utf-8")) for path in CORPUS)
    assert found > 0  # the corpus has fixable findings, so the properties were exercised
