"""A memoizing driver for the grammar's LALR tables.

An LALR parser's moves depend only on its state stack and the *types* of the tokens it reads, never on
their text. Schemas repeat the same line shapes thousands of times (`name Type @attr(...)`), so this
driver remembers, for each (state stack at the start of a line, token types of the line), the moves the
parser made (shift, or reduce by a rule through its callback) and the state stack it ended with. The next
line of that shape in that state replays the moves, compiled into one straight-line function: the same
callbacks build the AST from the new tokens, without looking anything up in the parse tables. Measured on
a 10,000-model schema it makes parsing several times faster than `Lark.parse`.

The tables are Lark's (prisma.lark, analysed by Lark), copied into plain dicts and lists and cached on
disk (`Tables`), so a run that parses valid schemas never imports Lark at all (about 40 ms of start-up).
A line that does not parse raises `ParseStop`; the caller then falls back to Lark's own parser, with
error recovery.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

__all__ = ["Tables", "MemoDriver", "ParseStop", "load_tables"]

GRAMMAR = Path(__file__).with_name("prisma.lark")


class ParseStop(Exception):
    """The token stream does not fit the grammar. It carries nothing: the caller re-parses the line with
    Lark, whose error says where and what was expected."""


@dataclass
class Tables:
    """LALR tables in plain data.

    `states[state][terminal or rule name] = (is_shift, next state or rule index)`; `rules[i] =
    (origin name, number of symbols, kept symbol indexes, expand_single, callback method name)`, where
    `kept` says which popped values reach the callback (punctuation is filtered out) and `expand_single`
    marks a `?rule` that returns its only child."""

    states: dict[int, dict[str, tuple[bool, int]]]
    rules: list[tuple[str, int, tuple[int, ...], bool, str]]
    start_state: int
    end_state: int


def _from_lark(lark: Any) -> Tables:
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
    from lark.parsers.lalr_analysis import Shift

    parser = lark.parser.parser.parser
    table = parser.parse_table
    rule_index: dict[Any, int] = {}
    rules: list[tuple[str, int, tuple[int, ...], bool, str]] = []
    states: dict[int, dict[str, tuple[bool, int]]] = {}
    for state, actions in table.states.items():
        row: dict[str, tuple[bool, int]] = {}
        for symbol, (action, arg) in actions.items():
            symbol = str(symbol)  # Lark's names may be its own str subclass; keep the pickle Lark-free
            if action is Shift:
                row[symbol] = (True, int(arg))
                continue
            if arg not in rule_index:
                size = len(arg.expansion)
                kept = list(range(size))
                function = parser.callbacks[arg]
                expand_single = False
                while True:
                    if isinstance(function, ChildFilterLALR_NoPlaceholders):
                        if any(expand for _i, expand in function.to_include):
                            raise ValueError(f"rule {arg} inlines a child rule; the driver does not support that")
                        kept = [kept[i] for i, _expand in function.to_include]
                        function = function.node_builder
                    elif isinstance(function, ExpandSingleChild):
                        expand_single = True
                        function = function.node_builder
                    else:
                        break
                name = getattr(function, "__name__", None)
                if expand_single and len(kept) == 1:
                    name = ""  # a `?rule` with one child passes it through; no method is called
                elif name is None or getattr(function, "__self__", None) is None:
                    raise ValueError(f"rule {arg.origin.name} has no AST builder method")
                rule_index[arg] = len(rules)
                rules.append((str(arg.origin.name), size, tuple(kept), expand_single, str(name)))
            row[symbol] = (False, rule_index[arg])
        states[int(state)] = row
    return Tables(states, rules, int(table.start_states["start"]), int(table.end_states["start"]))


def load_tables(build_lark: Callable[[], Any], cache_dir: Optional[Path]) -> Tables:
    """The tables, from the on-disk cache when its key matches, else built with Lark (and cached). The key
    hashes prisma-lint's version, the grammar, the AST builder and this driver (the installed Lark's
    version is not part of it: the tables are plain data once built)."""
    from prisma_lint import __version__

    # The tables depend on the grammar, and name the AST builder's methods: a change to either (or to
    # this module) makes a new cache file rather than a stale one.
    here = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for source in (GRAMMAR, here / "transformer.py", here / "driver.py"):
        digest.update(source.read_bytes())
    key = digest.hexdigest()[:16]
    path = cache_dir / f"tables-{key}.pickle" if cache_dir is not None else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Tables):
                return loaded
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
            pass
    tables = _from_lark(build_lark())
    if path is not None:
        try:
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
        except OSError:
            pass  # a read-only cache folder only costs the table build next time
    return tables


def _compile(moves: list, rules: list, builder: Any):
    """Turn recorded moves into one straight-line function `replay(stack, tokens)`.

    Runs of shifts become one `stack += tokens[i:j]`; each reduce pops its symbols and pushes what the
    rule's callback makes of the kept ones. Generated code (as `collections.namedtuple` does) because the
    interpretive loop over moves cost more than the moves themselves."""
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
        _origin, size, kept, expand_single, method = rules[move]
        if expand_single and len(kept) == 1:  # a `?rule` with one child: the child itself
            value = f"stack[-{size - kept[0]}]"
        else:
            name = f"cb{len(callbacks)}"
            callbacks[name] = getattr(builder, method)
            value = f"{name}([" + ", ".join(f"stack[-{size - i}]" for i in kept) + "])"
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
    def __init__(self, tables: Tables, builder: Any) -> None:
        self.tables = tables
        self.builder = builder
        # Bound callbacks by rule index, for the first (recording) pass over each line shape.
        self.reducers = []
        for _origin, _size, kept, expand_single, method in tables.rules:
            if expand_single and len(kept) == 1:
                self.reducers.append(lambda values, k=kept[0]: values[k])
            else:
                function = getattr(builder, method)
                self.reducers.append(lambda values, k=kept, f=function: f([values[i] for i in k]))

    def parse(self, lines):
        states = self.tables.states
        rules = self.tables.rules
        reducers = self.reducers
        config_ids: dict[tuple[int, ...], int] = {}
        config_stacks: list[tuple[int, ...]] = []

        def intern(stack: list[int]) -> int:
            key = tuple(stack)
            found = config_ids.get(key)
            if found is None:
                found = config_ids[key] = len(config_stacks)
                config_stacks.append(key)
            return found

        memo: dict[tuple[int, int], list] = {}  # (replay or None until compiled, next config, moves)
        state_stack: list[int] = []

        def reduce(rule: int) -> None:
            size = rules[rule][1]
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value_stack.append(reducers[rule](children))
            state_stack.append(states[state_stack[-1]][rules[rule][0]][1])

        value_stack: list = []
        config = intern([self.tables.start_state])
        toks: list = []

        for shape, toks in lines:
            hit = memo.get((config, shape))
            if hit is not None:
                replay = hit[0]
                if replay is None:
                    # Seen once before: compile the moves now that the shape repeats (compiling every
                    # shape of a small file would cost more than it saves).
                    replay = hit[0] = _compile(hit[2], rules, self.builder)
                config = hit[1]
                replay(value_stack, toks)
                continue

            # First time this shape is seen in this state: walk the tables and record the moves.
            moves: list = []
            state_stack[:] = config_stacks[config]
            for tok in toks:
                while True:
                    row = states[state_stack[-1]]
                    action = row.get(tok[0])
                    if action is None:
                        raise ParseStop
                    is_shift, arg = action
                    if is_shift:
                        state_stack.append(arg)
                        value_stack.append(tok)
                        moves.append(None)
                        break
                    reduce(arg)
                    moves.append(arg)
            new_config = intern(state_stack)
            memo[(config, shape)] = [None, new_config, moves]
            config = new_config

        # End of input: reduce what is left.
        state_stack[:] = config_stacks[config]
        end = ("$END", "", 0, 0, toks[-1][4] if toks else 1, 1)
        while True:
            row = states[state_stack[-1]]
            action = row.get("$END")
            if action is None or action[0]:
                raise ParseStop
            reduce(action[1])
            if state_stack[-1] == self.tables.end_state:
                return value_stack[-1]
