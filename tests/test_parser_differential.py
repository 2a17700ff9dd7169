"""The fast path (parser/reader.py) is a reading of prisma.lark: it must build exactly what plain
`Lark.parse` (with the same tokens and the same AST builder) builds, and fail exactly where it fails.

Inputs: every fixture schema, every rule case's schema, and Hypothesis schemas (valid ones using every
construct, mutated fixtures, arbitrary text). Equal means the same `Schema` (blocks, comments and every
span) or the same syntax errors (path, line, column, message); and the reader must reject exactly the
token streams `Lark.parse` rejects (a reader that gave up on valid input would still be right, through
the fallback to Lark, but slow).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_lint.ast.nodes import Schema
from prisma_lint.parser import PrismaSyntaxError
from prisma_lint.parser import parser
from prisma_lint.parser.lexer import tokenize
from prisma_lint.parser.parser import _parse_blocks
from prisma_lint.parser.reader import ParseStop, Reader
from prisma_lint.parser.transformer import AstBuilder, ParseContext

try:
    from tests.test_roundtrip import mutated_fixtures, schema_texts
except ImportError:  # tests/ itself on sys.path
    from test_roundtrip import mutated_fixtures, schema_texts  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]
FIXTURES = sorted((REPO / "fixtures").rglob("*.prisma"))
CASE_SCHEMAS = [
    pytest.param(case["schema"], id=f"{path.stem}-{index}")
    for path in sorted((REPO / "rules" / "cases").glob("*.toml"))
    for index, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("cases", []))
    if "schema" in case  # migration rules' cases hold SQL instead
]


def outcome(text: str, reference: bool):
    try:
        blocks, comments = _parse_blocks(text, "x.prisma", reference=reference)
    except PrismaSyntaxError as error:
        return "errors", [(p.path, p.line, p.column, p.message) for p in error.errors]
    return "schema", Schema(tuple(blocks), tuple(comments), ("x.prisma",))


def accepted(text: str, reference: bool) -> bool:
    """Whether the first pass (the reader, or plain `Lark.parse`) takes the tokens without a ParseStop."""
    lexed = tokenize(text)
    with parser._LOCK:
        parser._BUILDER.ctx = ParseContext(text, "x.prisma", lexed.comments)
        try:
            parser._lark_parse(lexed) if reference else parser._READER.parse(lexed.lines)
        except ParseStop:
            return False
    return True


def assert_same(text: str) -> str:
    fast = outcome(text, reference=False)
    lark = outcome(text, reference=True)
    assert fast == lark, f"fast path and Lark.parse differ on:\n{text}"
    assert accepted(text, False) == accepted(text, True), f"the reader and Lark.parse disagree on:\n{text}"
    return fast[0]


def test_inputs_exist() -> None:
    assert len(FIXTURES) >= 30 and len(CASE_SCHEMAS) >= 100


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPO / "fixtures")))
def test_fixture(path: Path) -> None:
    assert_same(path.read_bytes().decode("utf-8"))


def test_rule_case_schemas() -> None:
    kinds = {assert_same(param.values[0]) for param in CASE_SCHEMAS}
    assert kinds == {"schema"}  # every case schema parses (test_rule_cases checks the same)


def _run(strategy, weight: int) -> dict[str, int]:
    """Run `assert_same` on `weight` times the Hypothesis profile's example count (tests/conftest.py)."""
    seen = {"schema": 0, "errors": 0}

    @settings(max_examples=settings.default.max_examples * weight, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(text=strategy)
    def run(text: str) -> None:
        seen[assert_same(text)] += 1

    run()
    return seen


# Weights: with the `ci` profile (150 examples) 450 + 1,500 + 1,050 schemas; valid random schemas are slow
# to draw, so they get the smallest share.


def test_valid_random_schemas() -> None:
    seen = _run(schema_texts(), 3)
    assert seen["schema"] > seen["errors"] * 3


def test_mutated_fixtures() -> None:
    seen = _run(mutated_fixtures(), 10)
    assert seen["errors"] > seen["schema"] // 2 and seen["schema"] > settings.default.max_examples // 3


def test_arbitrary_text() -> None:
    _run(st.text(), 7)


# Member lines built from the grammar's rules, then sometimes broken by one token (inserted, dropped or
# repeated): near misses of valid members (a trailing comma where none is allowed, a missing value,
# brackets that do not pair) that random text and mutated fixtures seldom produce.
_NAMES = st.sampled_from(["a", "b.c", "Int", "f", "type"])
_SIMPLE = st.sampled_from(['"s"', "1", "-2.5", "x", "[]", "f()"])


def _expression(depth: int):
    if depth == 0:
        return _SIMPLE
    inner = _expression(depth - 1)
    return st.one_of(
        _SIMPLE,
        # A trailing comma is allowed in arguments and objects, not in arrays: both are drawn.
        st.builds(lambda items, comma: "[" + ", ".join(items) + ("," if comma else "") + "]",
                  st.lists(inner, min_size=1, max_size=3), st.booleans()),
        st.builds(lambda name, args: f"{name}({args})", _NAMES, _arguments(depth - 1)),
        st.builds(lambda args: "{ " + args + " }", _arguments(depth - 1)),
    )


def _arguments(depth: int):
    argument = st.one_of(_expression(depth), st.builds(lambda n, e: f"{n}: {e}", _NAMES, _expression(depth)),
                         st.builds(lambda n: f"{n}:", _NAMES))
    return st.builds(lambda items, comma: ", ".join(items) + ("," if comma and items else ""),
                     st.lists(argument, max_size=3), st.booleans())


_ATTRIBUTE = st.builds(lambda name, args: name + (f"({args})" if args is not None else ""),
                       st.sampled_from(["@id", "@db.X", "@ default"]), st.none() | _arguments(2))
_TYPE = st.builds(lambda name, suffix: suffix.replace("T", name), _NAMES,
                  st.sampled_from(["T", "T?", "T[]", "T[]?", "T!", "[T]", 'T("x")']))
_MEMBERS = {
    "model M {": st.one_of(
        st.builds(lambda n, colon, t, attrs: f"{n}{colon} {t} {' '.join(attrs)}", _NAMES, st.sampled_from(["", ":"]),
                  _TYPE | st.just(""), st.lists(_ATTRIBUTE, max_size=3)),
        st.builds(lambda args: f"@@index({args})", _arguments(2))),
    "enum E {": st.builds(lambda n, attrs: f"{n} {' '.join(attrs)}", _NAMES, st.lists(_ATTRIBUTE, max_size=2)),
    "datasource d {": st.builds(lambda n, e: f"{n} = {e}", _NAMES, _expression(2) | st.just("")),
}
_BREAKS = st.sampled_from([",", "(", ")", "[", "]", "{", "}", ":", "?", "=", "@id", '"s"', "x"])


@st.composite
def grammar_lines(draw) -> str:
    header = draw(st.sampled_from(sorted(_MEMBERS)))
    lines = draw(st.lists(_MEMBERS[header], min_size=1, max_size=3))
    if draw(st.booleans()):
        index = draw(st.integers(0, len(lines) - 1))
        words = re.findall(r'"s"|\[\]|[\w.-]+|\S', lines[index])
        at = draw(st.integers(0, len(words)))
        change = draw(st.sampled_from(["insert", "drop", "repeat"]))
        if change == "insert":
            words.insert(at, draw(_BREAKS))
        elif at < len(words):
            words.insert(at, words[at]) if change == "repeat" else words.pop(at)
        lines[index] = " ".join(words)
    return "\n".join([header, *lines, "}", ""])


NEAR_MISSES = ["a Int??", "a Int[]!", "a Int?[]", "a [Int]?", "a [Int[]]", "a Int @id([x,])", "a Int @id(x,,)",
               "a Int @id(,)", "a Int @id({,})", "a Int @id({a,})", "a Int @id(a:)", "a Int @id(a: ,)",
               "a Int @id(a: b: c)", "a Int @id(f(g()))", "a Int @id(f()())", "a Int @id([[]])", "@@id", "@@id()",
               "@@id(a)(b)", "a = ", "a = 1 2", "a =", "a Unsupported(\"x\")[]", "a Unsupported(1)",
               "a Unsupported(\"x\", \"y\")", "a Int @@id", "a @id Int", "a:", "a:: Int", "a Int @id @", "a b c",
               "a = [1,]", "a = {}", "a = { b: 1 } }", "a Int @default(\"x\") // c", "}", "{"]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_misses(line: str) -> None:
    for header in _MEMBERS:
        assert_same(f"{header}\n{line}\n}}\n")


def test_grammar_lines() -> None:
    seen = _run(grammar_lines(), 10)
    assert seen["schema"] > settings.default.max_examples and seen["errors"] > settings.default.max_examples


# --------------------------------------------------------------------------------------------------
# The grammar's constraints
# --------------------------------------------------------------------------------------------------


GRAMMAR = (REPO / "prisma_lint" / "parser" / "prisma.lark").read_text(encoding="utf-8")

# Every construct and legacy form of the grammar, so that the reader builds every node kind.
EVERY_RULE = """
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  empty    =
}
generator client {
  provider = "prisma-client-js"
  previewFeatures = ["views"]
}
model A {
  id    String  @id @default(uuid())
  n     Int?    @default(-1.5)
  l     Int[]   @default([])
  o     Int[]?
  r     Int!
  b     [Int]
  c:    Int
  u     Unsupported("x")?
  f     Json    @default(obj(where: { a: 1, b: [c, d] }, empty:))
  e     Float   @default(1) @map(name: "x", )
  untyped
  @@index([id(sort: Desc), n], type: Hash)
  @@ignore
}
view V {
  id Int @unique
}
type T {
  x Int
}
enum E {
  a @map("A")
  b
  @@map("e")
}
"""


class _Recorder(AstBuilder):
    """The AST builder, noting which of its methods were called."""

    def __init__(self, names: set[str]) -> None:
        self.called: set[str] = set()
        for name in names:
            method = getattr(AstBuilder, name)
            setattr(self, name, self._noting(name, method.__get__(self)))

    def _noting(self, name, method):
        def call(children):
            self.called.add(name)
            return method(children)
        return call


def test_reader_reads_every_rule() -> None:
    from prisma_lint.parser.grammar import builder_methods

    methods = builder_methods() - {"start", "_list"}  # the reader grows the lists itself
    builder = _Recorder(methods)
    lexed = tokenize(EVERY_RULE)
    builder.ctx = ParseContext(EVERY_RULE, None, lexed.comments)
    Reader(builder).parse(lexed.lines)
    missing = methods - builder.called
    assert not missing, (f"prisma.lark has rules the reader never builds ({', '.join(sorted(missing))}): read them "
                         "in prisma_lint/parser/reader.py, one function per rule")
    assert accepted(EVERY_RULE, True)


@pytest.mark.parametrize(("change", "message"), [
    # An inlined helper rule: Lark would splice its children into the parent's, which the reader does not.
    (("property: NAME _EQUAL expression? _NL", "property: NAME _EQUAL _value? _NL\n_value: expression"),
     "inlined"),
    # A rule the AST builder has no method for.
    (("?enum_member: enum_value | block_attribute _NL", "enum_member: enum_value | block_attribute _NL"),
     "no AST builder method"),
])
def test_grammar_constraints_are_enforced(change: tuple[str, str], message: str) -> None:
    from prisma_lint.parser.grammar import builder_methods

    old, new = change
    assert old in GRAMMAR
    with pytest.raises(ValueError, match=message):
        builder_methods(GRAMMAR.replace(old, new))
