"""prisma_lint.transfer: ASTs and diagnostics sent between processes come back equal, with their types."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from prisma_lint import lint_text, transfer
from prisma_lint.ast.nodes import Span
from prisma_lint.parser import PrismaSyntaxError, parse
from tests.strategies import schema_texts

REPO = Path(__file__).resolve().parents[1]


def _parses(path: Path) -> bool:
    try:
        parse(path.read_text(encoding="utf-8"), str(path))
    except PrismaSyntaxError:
        return False
    return True


SCHEMAS = [p for p in sorted((REPO / "fixtures").rglob("*.prisma")) if _parses(p)]  # some hold syntax errors


def spans(node, found: list) -> list:
    """Every span in a node, depth first."""
    if isinstance(node, Span):
        found.append(node)
    elif isinstance(node, (tuple, list)):
        for item in node:
            spans(item, found)
    elif hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            spans(getattr(node, name), found)
    return found


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: str(p.relative_to(REPO)))
def test_fixture_schemas_come_back_equal(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    schema = parse(text, str(path))
    back = transfer.loads(transfer.dumps(schema))
    assert back == schema and back is not schema
    assert back.models == schema.models and back.enums == schema.enums  # the derived views work
    sent, received = spans(schema, []), spans(back, [])
    assert sent and received == sent and all(type(s) is Span for s in received)
    diagnostics = lint_text(text, str(path))
    assert transfer.loads(transfer.dumps(diagnostics)) == diagnostics


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema_texts())
def test_generated_schemas_come_back_equal(text: str) -> None:
    schema = parse(text)
    assert transfer.loads(transfer.dumps(schema)) == schema


def test_nothing_is_registered_globally() -> None:
    """Other pickling of nodes is as it was: the reducers are not in copyreg's table, and plain pickle
    goes on using the classes' own (a span through its `__getnewargs__`)."""
    import copyreg

    schema = parse("model A {\n  id Int @id\n}\n")
    transfer.dumps(schema)
    assert not set(copyreg.dispatch_table) & set(transfer._TABLE)
    assert pickle.loads(pickle.dumps(schema)) == schema
