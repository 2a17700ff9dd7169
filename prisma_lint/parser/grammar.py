"""Everything that needs Lark: its LALR parser over prisma.lark, and the parse tables it computes.

Lark is imported only here, and this module only when it is needed: for error recovery (a file with a
syntax error), for the differential tests, and to regenerate `tables.py`:

    python -m prisma_lint.parser.grammar      # rewrites prisma_lint/parser/tables.py

A run over valid schemas reads the generated tables and never imports Lark (about 40 ms of import and
90 ms of grammar analysis saved per process).
"""

from __future__ import annotations

import functools
import pprint
from pathlib import Path

from lark import Lark
from lark.lexer import Lexer
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

from prisma_lint.parser.transformer import AstBuilder

__all__ = ["lark_parser", "tables_source", "TABLES"]

GRAMMAR = Path(__file__).with_name("prisma.lark")
TABLES = Path(__file__).with_name("tables.py")


class TokenListLexer(Lexer):
    """Hands Lark the tokens our tokenizer already made (Lark's "custom input" path)."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, tokens):  # Lark's "interface 0" for custom lexers: it passes what parse() was given
        return iter(tokens)


@functools.lru_cache(maxsize=1)
def lark_parser(builder: AstBuilder) -> Lark:
    """Lark's LALR parser over prisma.lark, building the AST through `builder` while it parses."""
    return Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer=TokenListLexer, transformer=builder,
                start=["start", "block"], maybe_placeholders=False)


def _rule_entry(parser, rule) -> tuple:
    """(origin, size, kept, method): `kept` lists the children the callback receives (Lark filters out
    `_PUNCTUATION`), or is None when it receives them all; `method` is the AST builder's method, or ""
    for a `?rule` that passes its only kept child through."""
    if str(rule.origin.name).startswith("_"):
        raise ValueError(f"rule {rule.origin.name} is inlined (`_rule`); the driver does not support that: see the "
                         "constraints at the top of prisma.lark")
    size = len(rule.expansion)
    kept = list(range(size))
    function = parser.callbacks[rule]
    expand_single = False
    while True:
        if isinstance(function, ChildFilterLALR_NoPlaceholders):
            if any(expand for _i, expand in function.to_include):
                raise ValueError(f"rule {rule} has an inlined child rule (`_rule`); the driver does not support "
                                 "that: see the constraints at the top of prisma.lark")
            kept = [kept[i] for i, _expand in function.to_include]
            function = function.node_builder
        elif isinstance(function, ExpandSingleChild):
            expand_single = True
            function = function.node_builder
        else:
            break
    if expand_single and len(kept) == 1:
        return str(rule.origin.name), size, tuple(kept), ""
    name = getattr(function, "__name__", None)
    if name is None or getattr(function, "__self__", None) is None:
        raise ValueError(f"rule {rule.origin.name} has no AST builder method: see the constraints at the top of "
                         "prisma.lark")
    return str(rule.origin.name), size, (None if kept == list(range(size)) else tuple(kept)), str(name)


def tables_source(grammar: str | None = None) -> str:
    """The text of tables.py, computed by Lark from prisma.lark. Lark numbers states and rules in an order
    that varies from run to run (hash seeds), so both are renumbered canonically: rules by their text,
    states in breadth-first order from the start state (only states reachable from `start` are kept).
    `grammar`: another grammar text than prisma.lark's (the tests check that a broken one is refused)."""
    if grammar is None:
        lark = lark_parser(AstBuilder())
    else:
        lark = Lark(grammar, parser="lalr", lexer=TokenListLexer, transformer=AstBuilder(), start=["start", "block"],
                    maybe_placeholders=False)
    parser = lark.parser.parser.parser
    table = parser.parse_table
    lark_rules = sorted({arg for row in table.states.values() for action, arg in row.values() if action is not Shift},
                        key=lambda rule: (str(rule), str(rule.alias)))
    rule_index = {rule: index for index, rule in enumerate(lark_rules)}
    rules = [_rule_entry(parser, rule) for rule in lark_rules]
    start = table.start_states["start"]
    number = {start: 0}
    order = [start]
    for state in order:  # grows while it is walked: breadth-first
        for symbol in sorted(table.states[state], key=str):
            action, arg = table.states[state][symbol]
            if action is Shift and arg not in number:
                number[arg] = len(order)
                order.append(arg)
    actions = []
    for state in order:
        row = {}
        for symbol in sorted(table.states[state], key=str):
            action, arg = table.states[state][symbol]
            row[str(symbol)] = number[arg] if action is Shift else ~rule_index[arg]
        actions.append(row)
    table_start, table_end = 0, number[table.end_states["start"]]
    return (
        '"""LALR tables of prisma.lark, computed by Lark. Generated by `python -m prisma_lint.parser.grammar`:\n'
        'do not edit (tests/test_parser_differential.py checks that this file is current)."""\n\n'
        "# ACTIONS[state][symbol]: >= 0 shift (terminal) or go to (rule name) that state; < 0 reduce by\n"
        "# RULES[~action] = (rule name, symbols popped, kept children or None for all, builder method or\n"
        '# "" to pass the one kept child through).\n'
        f"START = {table_start}\n"
        f"END = {table_end}\n"
        f"RULES = {pprint.pformat(rules, width=110)}\n"
        f"ACTIONS = {pprint.pformat(actions, width=110, sort_dicts=False)}\n"
    )


if __name__ == "__main__":
    TABLES.write_text(tables_source(), encoding="utf-8")
    print(f"wrote {TABLES}")
