"""Everything that needs Lark: its LALR parser over prisma.lark, and the check of the grammar's constraints.

Lark is imported only here, and this module only when it is needed: for error recovery (a file with a
syntax error) and for the tests. A run over valid schemas is read by `reader.py` and never imports Lark
(about 40 ms of import and 90 ms of grammar analysis saved per process).
"""

from __future__ import annotations

import functools
from pathlib import Path

from lark import Lark
from lark.lexer import Lexer
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild

from prisma_lint.parser.transformer import AstBuilder

__all__ = ["lark_parser", "builder_methods", "GRAMMAR"]

GRAMMAR = Path(__file__).with_name("prisma.lark")


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


def _lark(grammar: str, builder: AstBuilder) -> Lark:
    return Lark(grammar, parser="lalr", lexer=TokenListLexer, transformer=builder, start=["start", "block"],
                maybe_placeholders=False)


@functools.lru_cache(maxsize=1)
def lark_parser(builder: AstBuilder) -> Lark:
    """Lark's LALR parser over prisma.lark, building the AST through `builder` while it parses."""
    return _lark(GRAMMAR.read_text(encoding="utf-8"), builder)


def builder_methods(grammar: str | None = None) -> set[str]:
    """The AST builder methods Lark calls for the rules of prisma.lark (or of `grammar`, another text, for
    the tests), after checking the constraints stated at the top of prisma.lark: no inlined rule, and a
    builder method for every rule or alias except a `?rule` that passes its one kept child through.
    Raises ValueError, saying which rule breaks which constraint."""
    parser = _lark(GRAMMAR.read_text(encoding="utf-8") if grammar is None else grammar, AstBuilder())
    callbacks = parser.parser.parser.parser.callbacks
    methods = set()
    for rule in parser.rules:
        if str(rule.origin.name).startswith("_"):
            raise ValueError(f"rule {rule.origin.name} is inlined (`_rule`); the reader calls one builder method "
                             "per rule: see the constraints at the top of prisma.lark")
        kept = len(rule.expansion)
        function = callbacks[rule]
        expand_single = False
        while True:
            if isinstance(function, ChildFilterLALR_NoPlaceholders):
                if any(expand for _index, expand in function.to_include):
                    raise ValueError(f"rule {rule} has an inlined child rule (`_rule`); the reader calls one "
                                     "builder method per rule: see the constraints at the top of prisma.lark")
                kept = len(function.to_include)
                function = function.node_builder
            elif isinstance(function, ExpandSingleChild):
                expand_single = True
                function = function.node_builder
            else:
                break
        if expand_single and kept == 1:
            continue  # a `?rule` passes its one kept child through
        if getattr(function, "__self__", None) is None:
            raise ValueError(f"rule {rule.origin.name} has no AST builder method: see the constraints at the top "
                             "of prisma.lark")
        methods.add(function.__name__)
    return methods
