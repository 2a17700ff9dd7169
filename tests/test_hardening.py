"""Hostile, careless and unlucky input (issue 12): every case ends in a clear message and exit 0/1/2,
in time and memory that grow linearly with the input."""

from __future__ import annotations

import pytest
from lark.parsers.lalr_parser_state import ParserState

from prisma_lint import parse
from prisma_lint.parser import PrismaSyntaxError

# -- Syntax errors: linear, and at most 1,000 per file ---------------------------------------------------


def _errors(text: str) -> list:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse(text, "s.prisma")
    return raised.value.errors


@pytest.mark.parametrize("text", [
    "}\n" * 1500,
    "model A {\n  id String @id\n" + "  !!! not a field\n" * 1500 + "}\n",
    "".join(f"model M{i} {{\n  id String @id\n  this is bad!\n}}\n" for i in range(1500)),
], ids=["closing-braces", "bad-lines-in-one-model", "broken-models"])
def test_at_most_a_thousand_syntax_errors_then_one_n_more(text: str) -> None:
    errors = _errors(text)
    assert len(errors) == 1001
    assert errors[-1].message == "500 more syntax errors in this file are not listed (only the first 1,000 are)."
    assert [e.line for e in errors[:-1]] == sorted(e.line for e in errors[:-1])


def test_each_error_keeps_its_own_source_line() -> None:
    text = "model A {\r\n  id String @id\r\n  bad one!\r\n  ok String // \u2028 not a break\r\n  bad two!\r\n}\r\n"
    assert [(e.line, e.source_line) for e in _errors(text)] == [(3, "  bad one!"), (5, "  bad two!")]


def _tokens_fed(text: str, monkeypatch) -> int:
    count = 0
    feed = ParserState.feed_token

    def counting(self, token, is_end=False):
        nonlocal count
        count += 1
        return feed(self, token, is_end)

    monkeypatch.setattr(ParserState, "feed_token", counting)
    _errors(text)
    monkeypatch.setattr(ParserState, "feed_token", feed)
    return count


def test_recovery_reads_a_block_once_however_many_lines_are_bad(monkeypatch) -> None:
    # Good and bad lines alternate in one model: re-parsing the block after each bad line (the old way)
    # fed the parser a number of tokens that grows with the square of the lines.
    def schema(n: int) -> str:
        return "model A {\n  id String @id\n" + "".join(f"  f{i} String\n  ? bad\n" for i in range(n)) + "}\n"

    small, large = _tokens_fed(schema(100), monkeypatch), _tokens_fed(schema(400), monkeypatch)
    assert large / small < 4.5  # linear: about 4; quadratic: about 16
