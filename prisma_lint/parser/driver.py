"""The LALR loop: prisma.lark's parse tables (tables.py, computed by Lark) walked token by token, with the
AST builder's methods as reduce callbacks, so no parse tree is ever built.

It does what Lark's own LALR parser does with the same tables, minus what a valid Prisma file never needs
(token objects, interactive parsing, error handlers): about 1.5x faster than `Lark.parse` here, and it
runs without importing Lark (40 ms of start-up). On the first token that does not fit it raises
`ParseStop`, and the caller re-parses with Lark, which recovers and words the errors.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterable

from prisma_lint.parser import tables

__all__ = ["Driver", "ParseStop"]


class ParseStop(Exception):
    """The token stream does not fit the grammar. It carries nothing: the caller re-parses with Lark,
    whose error says where and what was expected."""


def _keep(method, kept: tuple[int, ...]):
    if not kept:
        return lambda children: method([])
    if len(kept) == 1:
        index = kept[0]
        return lambda children: method([children[index]])
    pick = itemgetter(*kept)
    return lambda children: method(pick(children))


class Driver:
    def __init__(self, builder: Any) -> None:
        # RULES entries become (symbols popped, reduce callback, rule name, first, stop): the callback gets
        # `values[first:stop]`, the kept children when they are contiguous (the common case: a field drops
        # only its `_NL`), else all popped symbols and picks the kept ones itself.
        self.rules = []
        for origin, size, kept, method in tables.RULES:
            first, stop = -size, None
            if not method and size == 1:
                reduce = None  # a `?rule` over one symbol passes it through: see parse()
            elif not method:
                reduce = itemgetter(kept[0])  # a `?rule` passes its one kept child through
            elif kept is None:
                reduce = getattr(builder, method)
            elif kept and kept == tuple(range(kept[0], kept[-1] + 1)):
                reduce = getattr(builder, method)
                first, stop = kept[0] - size, (kept[-1] + 1 - size) or None
            else:
                reduce = _keep(getattr(builder, method), kept)
            self.rules.append((size, reduce, origin, first, stop))

    def parse(self, lines: Iterable[list[tuple]]) -> Any:
        """Parse the tokens, given line by line; returns what the `start` rule's callback makes."""
        actions = tables.ACTIONS
        rules = self.rules
        state = tables.START
        states = [state]
        values: list = []
        try:
            for line in lines:
                for tok in line:
                    kind = tok[0]
                    action = actions[state][kind]
                    while action < 0:  # reduce, until the token can be shifted
                        size, reduce, origin, first, stop = rules[~action]
                        if reduce is None:  # a `?rule` over one symbol: its value stays, only the state moves
                            state = states[-1] = actions[states[-2]][origin]
                        else:
                            if size:
                                children = values[first:stop]
                                del values[-size:]
                                del states[-size:]
                                values.append(reduce(children))
                            else:
                                values.append(reduce([]))
                            state = actions[states[-1]][origin]
                            states.append(state)
                        action = actions[state][kind]
                    states.append(action)
                    values.append(tok)
                    state = action
            # End of input: reduce what is left.
            while state != tables.END:
                action = actions[state]["$END"]
                if action >= 0:
                    raise KeyError("$END")  # the end of input is not accepted here
                size, reduce, origin, first, stop = rules[~action]
                if reduce is None:
                    state = states[-1] = actions[states[-2]][origin]
                    continue
                children = values[first:stop] if size else []
                if size:
                    del values[-size:]
                    del states[-size:]
                values.append(reduce(children))
                state = actions[states[-1]][origin]
                states.append(state)
        except KeyError:  # no action for this token in this state
            raise ParseStop from None
        return values[-1]
