"""A memoizing driver for Lark's LALR tables.

An LALR parser's moves depend only on its state stack and the *types* of the tokens it reads, never on
their text. Schemas repeat the same line shapes thousands of times (`name Type @attr(...)`), so this
driver remembers, for each (state stack at the start of a line, token types of the line), the moves the
parser made (shift, or reduce by a rule through its callback) and the state stack it ended with. The next
line of that shape in that state replays the moves: the same callbacks build the AST from the new tokens,
without looking anything up in the parse tables. Grammar, tables and callbacks stay Lark's; only the
loop that walks the tables is ours. Measured on a 10,000-model schema it makes parsing several times
faster than `Lark.parse`.

A line that does not parse raises Lark's `UnexpectedToken`, exactly as `Lark.parse` would; the caller
then falls back to `Lark.parse` with error recovery.
"""

from __future__ import annotations

from lark import Lark
from lark.exceptions import UnexpectedToken
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

from prisma_lint.parser.lexer import Tok

__all__ = ["MemoDriver"]


def _unwrap(callback, size: int) -> tuple[list[int], object]:
    """See through Lark's callback wrappers when they can be decided now: which of the `size` popped
    values reach the rule's function (punctuation such as `_NL` is filtered out), and whether a `?rule`
    returns its only child. Returns (kept indexes, function or None for "the single kept child")."""
    kept = list(range(size))
    function = callback
    while True:
        if isinstance(function, ChildFilterLALR_NoPlaceholders) and not any(e for _i, e in function.to_include):
            kept = [kept[i] for i, _expand in function.to_include]
            function = function.node_builder
        elif isinstance(function, ExpandSingleChild):
            if len(kept) == 1:
                return kept, None
            function = function.node_builder
        else:
            return kept, function


def _compile(moves: list):
    """Turn recorded moves into one straight-line Python function `replay(stack, tokens)`.

    Runs of shifts become one `stack += tokens[i:j]`; each reduce pops its children into a list and
    pushes what the rule's callback returns. Generated code (as `collections.namedtuple` does) because
    the interpretive loop over moves cost more than the moves themselves."""
    lines = ["def replay(stack, tokens):"]
    callbacks: dict[str, object] = {}
    position = 0
    index = 0
    while index < len(moves):
        move = moves[index]
        if move is None:
            run = index
            while run < len(moves) and moves[run] is None:
                run += 1
            lines.append(f"    stack += tokens[{position}:{position + run - index}]")
            position += run - index
            index = run
            continue
        size, callback = move
        kept, function = _unwrap(callback, size)
        children = "[" + ", ".join(f"stack[-{size - i}]" for i in kept) + "]"
        if function is None:  # a `?rule` with one child: the child itself
            value = f"stack[-{size - kept[0]}]"
        else:
            name = f"cb{len(callbacks)}"
            callbacks[name] = function
            value = f"{name}({children})"
        if size == 0:
            lines.append(f"    stack.append({value})")
        elif size == 1:
            lines.append(f"    stack[-1] = {value}")
        else:
            lines.append(f"    value = {value}")
            lines.append(f"    del stack[-{size}:]")
            lines.append("    stack.append(value)")
        index += 1
    if len(lines) == 1:
        lines.append("    pass")
    namespace = dict(callbacks)
    exec("\n".join(lines), namespace)  # noqa: S102 - code generated above from integers and names
    return namespace["replay"]


class MemoDriver:
    def __init__(self, lark: Lark, start: str) -> None:
        parser = lark.parser.parser.parser  # lark.parsers.lalr_parser._Parser
        table = parser.parse_table
        self.states = table.states
        self.start_state = table.start_states[start]
        self.end_state = table.end_states[start]
        self.callbacks = parser.callbacks

    def parse(self, lines: list[tuple[int, list[Tok]]]):
        states = self.states
        callbacks = self.callbacks
        config_ids: dict[tuple[int, ...], int] = {}
        config_stacks: list[tuple[int, ...]] = []

        def intern(stack: list[int]) -> int:
            key = tuple(stack)
            found = config_ids.get(key)
            if found is None:
                found = config_ids[key] = len(config_stacks)
                config_stacks.append(key)
            return found

        memo: dict[tuple[int, int], tuple] = {}
        value_stack: list = []
        config = intern([self.start_state])
        toks: list = []

        for shape, toks in lines:
            hit = memo.get((config, shape))
            if hit is not None:
                replay, config = hit
                replay(value_stack, toks)
                continue

            # First time this shape is seen in this state: walk the tables and record the moves.
            moves: list = []
            state_stack = list(config_stacks[config])
            for tok in toks:
                while True:
                    state = state_stack[-1]
                    try:
                        action, arg = states[state][tok[0]]
                    except KeyError:
                        expected = {s for s in states[state] if s.isupper()}
                        raise UnexpectedToken(Tok.of(tok), expected) from None
                    if action is Shift:
                        state_stack.append(arg)
                        value_stack.append(tok)
                        moves.append(None)
                        break
                    size = len(arg.expansion)
                    callback = callbacks[arg]
                    if size:
                        children = value_stack[-size:]
                        del state_stack[-size:]
                        del value_stack[-size:]
                    else:
                        children = []
                    value_stack.append(callback(children))
                    state_stack.append(states[state_stack[-1]][arg.origin.name][1])
                    moves.append((size, callback))
            new_config = intern(state_stack)
            memo[(config, shape)] = (_compile(moves), new_config)
            config = new_config

        # End of input: reduce what is left.
        state_stack = list(config_stacks[config])
        end = Tok("$END", "", 0, 0, toks[-1][4] if toks else 1, 1)
        while True:
            state = state_stack[-1]
            try:
                action, arg = states[state]["$END"]
            except KeyError:
                expected = {s for s in states[state] if s.isupper()}
                raise UnexpectedToken(end, expected) from None
            size = len(arg.expansion)
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value_stack.append(callbacks[arg](children))
            state_stack.append(states[state_stack[-1]][arg.origin.name][1])
            if state_stack[-1] == self.end_state:
                return value_stack[-1]
