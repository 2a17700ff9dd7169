"""Property tests for the parser and the printer (Hypothesis).

(a) Random schema texts that use every construct the parser knows (each block kind, field types and
    modifiers, attribute arguments of every shape, comments, non-ASCII identifiers, keywords as field
    names, CRLF, tabs, Prisma's quirks) parse, and `parse(print_schema(parse(text)))` equals
    `parse(text)` once positions are ignored; `print_schema` is idempotent.
(b) Arbitrary text, and random mutations of the valid fixtures, give a `Schema` or a `PrismaSyntaxError`
    and nothing else; every reported error has a position and a message.

The number of examples each property ran is recorded with `record_property` and listed in the
"figures" section of the run's summary (tests/conftest.py); the example counts follow the Hypothesis
profile (`HYPOTHESIS_PROFILE=ci|dev`).
"""

from __future__ import annotations

import json
import re
from dataclasses import fields as dataclass_fields
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_lint import PrismaSyntaxError, parse
from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.ast.printer import print_schema
from tests.strategies import schema_texts

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
VALID_FIXTURES = sorted(
    [*(FIXTURES / "schemas" / "valid").glob("*.prisma"), *(FIXTURES / "schemas" / "prisma7").glob("*.prisma")]
)
FIXTURE_TEXTS = [p.read_bytes().decode("utf-8") for p in VALID_FIXTURES]

IGNORED_FIELDS = frozenset({"span", "name_span", "type_span"})


# ------------------------------------------------------------------------------------------------------
# Comparing ASTs without positions
# ------------------------------------------------------------------------------------------------------


def strip_positions(node: Any) -> Any:
    """A plain, comparable picture of a node without `span`, `name_span`, `type_span` and the Schema's
    `comments`."""
    if isinstance(node, tuple):
        return tuple(strip_positions(item) for item in node)
    if isinstance(node, Span):
        raise AssertionError("spans are stripped by their owner")
    if is_dataclass(node) and not isinstance(node, type):
        items = []
        for f in dataclass_fields(node):
            if f.name in IGNORED_FIELDS or (isinstance(node, Schema) and f.name == "comments"):
                continue
            items.append((f.name, strip_positions(getattr(node, f.name))))
        return (type(node).__name__, tuple(items))
    return node


def assert_same_ast(left: Any, right: Any, path: str = "schema") -> None:
    """Assert two nodes are equal ignoring positions, naming the first place where they differ."""
    if isinstance(left, tuple) and isinstance(right, tuple):
        assert len(left) == len(right), f"{path}: {len(left)} items != {len(right)} items"
        for index, (a, b) in enumerate(zip(left, right)):
            assert_same_ast(a, b, f"{path}[{index}]")
        return
    if is_dataclass(left) and is_dataclass(right):
        assert type(left) is type(right), f"{path}: {type(left).__name__} != {type(right).__name__}"
        for f in dataclass_fields(left):
            if f.name in IGNORED_FIELDS or (isinstance(left, Schema) and f.name == "comments"):
                continue
            assert_same_ast(getattr(left, f.name), getattr(right, f.name), f"{path}.{f.name}")
        return
    assert left == right, f"{path}: {left!r} != {right!r}"


def test_strip_positions_ignores_spans_and_comments() -> None:
    a = parse("// one\nmodel A {\n  id Int @id\n}\n")
    b = parse("\n\n\nmodel   A {\n  // two\n  id    Int    @id\n}")
    assert a != b
    assert strip_positions(a) == strip_positions(b)
    assert_same_ast(a, b)
    c = parse("model A {\n  id Int @unique\n}\n")
    assert strip_positions(a) != strip_positions(c)
    with pytest.raises(AssertionError, match=r"blocks\[0\]\.fields\[0\]\.attributes\[0\]\.name"):
        assert_same_ast(a, c)


# ------------------------------------------------------------------------------------------------------
# Printer: fixed examples
# ------------------------------------------------------------------------------------------------------


def test_print_schema_canonical_layout() -> None:
    text = (
        "/// The source.\n"
        "datasource   db {\n"
        '  provider="postgresql" // pg\n'
        '\turl      = env("DATABASE_URL")\n'
        "  extensions = [pgcrypto, postgis(version: \"3.4\")]\n"
        "}\n"
        "// dropped\n"
        "model   User {\n"
        "  /// Key.\n"
        "  id    String   @id   @default(uuid(7)) @db.Uuid\n"
        '  name  String?  @default("a\\"b\\\\n\\u00e9")  // who\n'
        "  score Decimal  @default(-12.50) @db.Decimal(12, 2)\n"
        '  area  Unsupported("circle")[]\n'
        "  type  Kind     @default(A) /* inline */\n"
        "  on    Boolean  @default(true)\n"
        "  @@index([name(sort: Desc), id], type: Hash, where: { on: true, type: { not: A } })\n"
        '  @@index([area(ops: raw("gist"))])\n'
        "  @@map( \"users\" )\n"
        "}\n"
        "enum Kind {\n"
        '  A @map("a") /// Doc of A.\n'
        "  B\n"
        "  @@schema(\"auth\")\n"
        "}\n"
    )
    expected = (
        "/// The source.\n"
        "datasource db {\n"
        '  provider = "postgresql" // pg\n'
        '  url = env("DATABASE_URL")\n'
        '  extensions = [pgcrypto, postgis(version: "3.4")]\n'
        "}\n"
        "\n"
        "model User {\n"
        "  /// Key.\n"
        "  id String @id @default(uuid(7)) @db.Uuid\n"
        '  name String? @default("a\\"b\\\\né") // who\n'
        "  score Decimal @default(-12.50) @db.Decimal(12, 2)\n"
        '  area Unsupported("circle")[]\n'
        "  type Kind @default(A) // inline\n"
        "  on Boolean @default(true)\n"
        "\n"
        "  @@index([name(sort: Desc), id], type: Hash, where: { on: true, type: { not: A } })\n"
        '  @@index([area(ops: raw("gist"))])\n'
        '  @@map("users")\n'
        "}\n"
        "\n"
        "enum Kind {\n"
        "  /// Doc of A.\n"
        '  A @map("a")\n'
        "  B\n"
        "\n"
        '  @@schema("auth")\n'
        "}\n"
    )
    schema = parse(text)
    printed = print_schema(schema)
    assert printed == expected
    assert_same_ast(parse(printed), schema)
    assert print_schema(parse(printed)) == printed


def test_print_edge_cases() -> None:
    assert print_schema(parse("")) == ""
    # Empty blocks, a property without a value, an empty argument, empty documentation and comments.
    text = "///\nmodel A {\n}\n\ndatasource d {\n  url = //\n}\n\nmodel B {\n  x Int @default(a:)\n}\n"
    printed = print_schema(parse(text))
    assert printed == (
        "///\nmodel A {\n}\n\ndatasource d {\n  url = //\n}\n\nmodel B {\n  x Int @default(a:)\n}\n"
    )
    assert_same_ast(parse(printed), parse(text))
    # A trailing block comment over several lines stays a block comment.
    text = "model A {\n  x Int /* one\n  two */\n}\n"
    schema = parse(text)
    assert schema.blocks[0].fields[0].comment == "one\n  two"
    assert_same_ast(parse(print_schema(schema)), schema)
    # Strings: control characters are escaped, other characters are kept.
    schema = parse('model A {\n  x String @default("\\u0001\\t\\u2028é\\ud83d\\ude00\\/")\n}\n')
    printed = print_schema(schema)
    assert '@default("\\u0001\\t\u2028é\U0001F600/")' in printed
    assert_same_ast(parse(printed), schema)


def test_print_lone_surrogate_escape() -> None:
    schema = parse('model A {\n  x String @default("\\ud800x")\n}\n')
    assert schema.blocks[0].fields[0].attributes[0].arg().value == "\ud800x"
    printed = print_schema(schema)
    assert '"\\ud800x"' in printed
    assert_same_ast(parse(printed), schema)


@pytest.mark.parametrize("text", FIXTURE_TEXTS, ids=[p.name for p in VALID_FIXTURES])
def test_fixtures_round_trip(text: str) -> None:
    schema = parse(text)
    printed = print_schema(schema)
    assert_same_ast(parse(printed), schema)
    assert print_schema(parse(printed)) == printed


def test_platform_fixtures_round_trip() -> None:
    paths = sorted((FIXTURES / "platform" / "services").glob("*/prisma/schema.prisma"))
    assert paths
    for path in paths:
        schema = parse(path.read_text(encoding="utf-8"))
        printed = print_schema(schema)
        assert_same_ast(parse(printed), schema, str(path))
        assert print_schema(parse(printed)) == printed


# ------------------------------------------------------------------------------------------------------
# (a) Random valid schemas
# ------------------------------------------------------------------------------------------------------


def _report(record_property, figures, name: str, count: int) -> None:
    record_property(name, count)
    figures[name] += count


def test_random_schemas_round_trip(record_property, figures) -> None:
    seen = {"examples": 0, "blocks": 0, "kinds": set()}

    @settings(max_examples=settings.default.max_examples * 2)
    @given(text=schema_texts())
    def run(text: str) -> None:
        seen["examples"] += 1
        schema = parse(text)
        seen["blocks"] += len(schema.blocks)
        seen["kinds"].update(b.kind for b in schema.blocks)
        printed = print_schema(schema)
        reparsed = parse(printed)
        assert_same_ast(reparsed, schema)
        assert strip_positions(reparsed) == strip_positions(schema)
        assert print_schema(reparsed) == printed

    run()
    _report(record_property, figures, "roundtrip_examples", seen["examples"])
    _report(record_property, figures, "roundtrip_blocks", seen["blocks"])
    assert seen["kinds"] == {"model", "view", "type", "enum", "datasource", "generator"}


def test_schema_texts_cover_the_constructs() -> None:
    """The strategy produces what it claims to (a cheap sanity check over a fixed sample: the same
    examples every run, whatever the profile, so the check never depends on luck)."""
    found: set[str] = set()

    @settings(max_examples=60, derandomize=True, database=None)
    @given(text=schema_texts())
    def run(text: str) -> None:
        schema = parse(text)
        for block in schema.blocks:
            found.add(block.kind)
            if block.documentation is not None:
                found.add("block doc")
            for f in getattr(block, "fields", ()):
                found.add("optional" if f.optional else "list" if f.list else "required")
                if f.unsupported is not None:
                    found.add("unsupported")
                if f.documentation is not None:
                    found.add("field doc")
                if f.comment is not None:
                    found.add("field comment")
                if not f.name.isascii():
                    found.add("non-ascii")
                if f.name in ("type", "model", "enum", "view"):
                    found.add("keyword field")
                for attribute in f.attributes:
                    found.update(_expression_kinds(attribute.args))
            for attribute in getattr(block, "attributes", ()):
                found.update(_expression_kinds(attribute.args))
        if any(c.block for c in schema.comments):
            found.add("block comment")

    run()
    assert {
        "model", "view", "type", "enum", "datasource", "generator", "optional", "list", "required",
        "unsupported", "field doc", "field comment", "block doc", "non-ascii", "keyword field",
        "string", "number", "constant", "function", "array", "object", "named", "dotted", "negative",
        "decimal", "escape", "block comment",
    } <= found, found  # fmt: skip


def _expression_kinds(args) -> set[str]:
    kinds: set[str] = set()
    for argument in args:
        if argument.name is not None:
            kinds.add("named")
        value = argument.value
        if value is None:
            continue
        kinds.add(value.kind)
        if value.kind == "number":
            kinds.add("negative" if value.value.startswith("-") else "positive")
            if "." in value.value:
                kinds.add("decimal")
        if value.kind == "constant" and "." in value.value:
            kinds.add("dotted")
        if value.kind == "string" and any(ch in value.value for ch in '"\\\n\t'):
            kinds.add("escape")
        if value.kind == "function":
            kinds |= _expression_kinds(value.args)
        if value.kind == "array":
            kinds |= _expression_kinds([type(argument)(None, item, item.span) for item in value.items])
        if value.kind == "object":
            kinds |= _expression_kinds(value.entries)
    return kinds


# ------------------------------------------------------------------------------------------------------
# (b) Arbitrary and mutated text
# ------------------------------------------------------------------------------------------------------

TOKENS = ["{", "}", "@", "@@", "(", ")", "[", "]", '"', "/*", "*/", "//", "///", "\r", "\n", "\r\n", "\ufeff",
          ",", ":", "=", "?", "!", "\\", "model", "enum ", "type", " ", "\t", "\u00a0", "é", "名", "-1.5", "[]",
          "@db.VarChar(", "\x00", "\u2028"]  # fmt: skip


@st.composite
def mutated_fixtures(draw) -> str:
    text = draw(st.sampled_from(FIXTURE_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "delete_line", "duplicate_line",
                                   "swap_lines", "insert_line"]))
        if op.endswith("line") or op == "swap_lines":
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if op == "delete_line":
                del lines[i]
            elif op == "duplicate_line":
                lines.insert(i, lines[i])
            elif op == "swap_lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(i, draw(st.sampled_from(TOKENS)) + draw(st.sampled_from(["", " x Int", "A {"])))
            text = "\n".join(lines)
            continue
        if not text:
            text = draw(st.sampled_from(TOKENS))
            continue
        i = draw(st.integers(0, len(text) - 1))
        if op == "delete":
            size = draw(st.integers(1, 3))
            text = text[:i] + text[i + size :]
        elif op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3))) + text[i:]
        elif op == "duplicate":
            size = draw(st.integers(1, 8))
            text = text[:i] + text[i : i + size] + text[i:]
        else:
            j = draw(st.integers(0, len(text) - 1))
            i, j = min(i, j), max(i, j)
            if i != j:
                text = text[:i] + text[j] + text[i + 1 : j] + text[i] + text[j + 1 :]
    return text


def _line_count(text: str) -> int:
    return len(re.split(r"\r\n|\r|\n", text))


def check_total(text: str, seen: dict) -> None:
    """`parse` gives a Schema or a PrismaSyntaxError with sensible positions, and nothing else."""
    seen["examples"] += 1
    try:
        schema = parse(text, "fuzz.prisma")
    except PrismaSyntaxError as error:
        seen["errors"] += 1
        assert error.errors
        for problem in error.errors:
            assert problem.path == "fuzz.prisma"
            assert problem.line >= 1 and problem.column >= 1, problem
            assert 1 <= problem.line <= _line_count(text), (problem, _line_count(text))
            assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert str(error)
        return
    seen["schemas"] += 1
    assert isinstance(schema, Schema)
    size = len(text.encode("utf-8", "surrogatepass"))
    for block in schema.blocks:
        assert 0 <= block.span.start_offset <= block.span.end_offset <= size
        assert block.span.start_line >= 1 and block.span.start_column >= 1
    # What parses also prints and parses back to the same AST.
    printed = print_schema(schema)
    assert_same_ast(parse(printed, "fuzz.prisma"), schema)


def test_arbitrary_text_never_crashes(record_property, figures) -> None:
    seen = {"examples": 0, "errors": 0, "schemas": 0}

    @settings(max_examples=settings.default.max_examples * 10 // 3)
    @given(text=st.text())
    def run(text: str) -> None:
        check_total(text, seen)

    run()
    _report(record_property, figures, "arbitrary_text_examples", seen["examples"])
    _report(record_property, figures, "arbitrary_text_errors", seen["errors"])


def test_mutated_fixtures_never_crash(record_property, figures) -> None:
    seen = {"examples": 0, "errors": 0, "schemas": 0}

    @settings(max_examples=settings.default.max_examples * 10 // 3)
    @given(text=mutated_fixtures())
    def run(text: str) -> None:
        check_total(text, seen)

    run()
    for key in ("examples", "errors", "schemas"):
        _report(record_property, figures, f"mutation_{key}", seen[key])
    assert seen["errors"] and seen["schemas"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ufeff",
        "{",
        "}",
        "}}}",
        "model",
        "model A {",
        "model A {\n",
        "model A {\n}}\n",
        '"',
        "/*",
        "*/",
        "/* unterminated\nmodel A {\n}\n",
        "model A {\n  x Int @default(\n}\n",
        "model A {\n  x Int @default(\"a\n}\n",
        "\r\r\r",
        "@@",
        "model A {\n  @@\n}\n",
        "model A {\n  x Int @\n}\n",
        "enum E {\n  }\n",
        "model A {\n  x Int @default({)\n}\n",
        "datasource d {\n  x = \n}\n",
        "\x00",
        "model A {\n  x Int\n}\n\x00",
    ],
)
def test_small_inputs_never_crash(text: str) -> None:
    check_total(text, {"examples": 0, "errors": 0, "schemas": 0})


# ------------------------------------------------------------------------------------------------------
# Known parser bugs (reported to the parser's owner)
# ------------------------------------------------------------------------------------------------------


def test_object_property_value_keeps_the_block_open() -> None:
    schema = parse("datasource d {\n  x = { a: 1 }\n  y = { b: 2 }\n  type = 1\n}\n")
    (ds,) = schema.blocks
    assert [p.name for p in ds.properties] == ["x", "y", "type"]


def test_empty_documentation_is_consistent() -> None:
    block_doc = parse("///\nmodel A {\n  id Int\n}\n").blocks[0].documentation
    field_doc_before = parse("model A {\n  ///\n  id Int\n}\n").blocks[0].fields[0].documentation
    field_doc_after = parse("model A {\n  id Int ///\n}\n").blocks[0].fields[0].documentation
    assert block_doc == field_doc_before == field_doc_after
