"""Property tests for the parser and the printer (Hypothesis).

(a) Random schema texts that use every construct the parser knows (each block kind, field types and
    modifiers, attribute arguments of every shape, comments, non-ASCII identifiers, keywords as field
    names, CRLF, tabs, Prisma's quirks) parse, and `parse(print_schema(parse(text)))` equals
    `parse(text)` once positions are ignored; `print_schema` is idempotent.
(b) Arbitrary text, and random mutations of the valid fixtures, give a `Schema` or a `PrismaSyntaxError`
    and nothing else; every reported error has a position and a message.

The number of examples each property ran is printed (see it with `pytest -rA` or `-s`) and recorded with
`record_property`.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields as dataclass_fields
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_lint import PrismaSyntaxError, parse
from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.ast.printer import print_schema

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

MODEL_NAMES = ["User", "Post", "Café", "Użytkownik", "用户", "A", "Ŝipo", "order_item", "Thing-2", "X9"]
ENUM_NAMES = ["Role", "Status", "État", "Kind"]
TYPE_NAMES = ["Address", "Geo", "Adresse"]
VIEW_NAMES = ["UserInfo", "Vue", "Stats"]
CONFIG_NAMES = ["db", "client", "source", "données"]
FIELD_NAMES = [
    "id", "name", "type", "model", "enum", "view", "datasource", "generator", "naïve", "größe", "名字",
    "createdAt", "snake_case", "x", "with-dash", "n1", "true",
]  # fmt: skip
ENUM_VALUES = ["A", "B", "ACTIVE", "model", "type", "ÉTÉ", "x1", "lower", "view"]
SCALARS = ["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"]
IDENTIFIERS = ["a", "id", "Cascade", "Desc", "Hash", "pgcrypto", "título", "名", "x_y", "gin", "n2"]
FUNCTION_NAMES = ["uuid", "cuid", "nanoid", "now", "autoincrement", "auto", "dbgenerated", "sequence", "env",
                  "raw", "title", "postgis", "ulid", "f"]
ATTRIBUTE_NAMES = ["id", "unique", "default", "map", "relation", "updatedAt", "ignore", "db.VarChar",
                   "db.Decimal", "db.Uuid", "shardKey", "foo.bar.baz", "x"]
BLOCK_ATTRIBUTE_NAMES = ["id", "unique", "index", "map", "ignore", "schema", "fulltext", "foo", "db.x"]
# Text of comments: anything but line breaks, and nothing that would open a block comment or a string
# in the places where Prisma reads the rest of a line (after a block's `{`).
COMMENT_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    max_size=20,
)

# Documentation text is never blank: see test_empty_documentation_is_consistent (a parser bug).
DOC_TEXT = COMMENT_TEXT.filter(lambda text: text.strip() != "")

idents = st.sampled_from(IDENTIFIERS)
paths = st.lists(idents, min_size=1, max_size=3).map(".".join)


@st.composite
def numbers(draw) -> str:
    text = str(draw(st.integers(-10**6, 10**12)))
    if draw(st.booleans()):
        text += "." + draw(st.from_regex(r"[0-9]{1,4}", fullmatch=True))
    return text


@st.composite
def string_literals(draw) -> str:
    value = draw(st.text(max_size=12))
    style = draw(st.sampled_from(["json", "ascii", "extra"]))
    if style == "json":
        return json.dumps(value, ensure_ascii=False)
    if style == "ascii":
        return json.dumps(value, ensure_ascii=True)  # \uXXXX escapes, surrogate pairs for astral characters
    # Escapes JSON allows but does not need: `\/`, `\u` in capitals.
    body = json.dumps(value, ensure_ascii=False)[1:-1]
    return '"' + draw(st.sampled_from(["\\/", "\\u00E9", "\\b", "\\f", ""])) + body + '"'


def expressions(allow_objects: bool = True):
    leaves = st.one_of(
        string_literals(),
        numbers(),
        paths,
        st.sampled_from(["true", "false", "null"]),
        st.sampled_from(FUNCTION_NAMES).map(lambda n: n + "()"),
    )

    def extend(children):
        argument = st.one_of(
            children,
            st.tuples(idents, children).map(lambda kv: f"{kv[0]}: {kv[1]}"),
        )
        options = [
            st.tuples(st.sampled_from(FUNCTION_NAMES), st.lists(argument, max_size=3)).map(
                lambda fa: f"{fa[0]}({', '.join(fa[1])})"
            ),
            st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        ]
        if allow_objects:
            options.append(
                st.lists(st.tuples(idents, children), max_size=3).map(
                    lambda entries: "{ " + ", ".join(f"{k}: {v}" for k, v in entries) + " }" if entries else "{}"
                )
            )
        return st.one_of(*options)

    return st.recursive(leaves, extend, max_leaves=6)


@st.composite
def argument_lists(draw) -> str:
    args = []
    for _ in range(draw(st.integers(0, 3))):
        value = draw(expressions())
        if draw(st.booleans()):
            args.append(f"{draw(idents)}: {value}")
        else:
            args.append(value)
    trailing_comma = "," if args and draw(st.integers(0, 9)) == 0 else ""
    return ", ".join(args) + trailing_comma


@st.composite
def attributes(draw, block: bool) -> str:
    marker = "@@" if block else "@"
    if draw(st.integers(0, 9)) == 0:
        marker += " "  # `@ id`: Prisma allows a space after the `@`
    name = draw(st.sampled_from(BLOCK_ATTRIBUTE_NAMES if block else ATTRIBUTE_NAMES))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return marker + name
    if shape == 1:  # the common shapes, written out
        return marker + draw(
            st.sampled_from(
                [
                    "default(uuid(7))",
                    'default(dbgenerated("gen_random_uuid()"))',
                    "default(sequence(start: 1, increment: -2))",
                    'relation(fields: [a], references: [id], onDelete: Cascade, map: "x")',
                    "db.Decimal(12, 2)",
                    'index([title(sort: Desc), id], type: Hash)',
                    'index([a(ops: raw("x"))])',
                    "unique([addresses.number])",
                    "index([a], where: { deletedAt: null, n: -1.5 })",
                ]
            )
        )
    return f"{marker}{name}({draw(argument_lists())})"


@st.composite
def docs(draw, indent: str) -> list[str]:
    return [f"{indent}///{draw(DOC_TEXT)}" for _ in range(draw(st.integers(0, 2)))]


@st.composite
def trailing(draw) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return " //" + draw(COMMENT_TEXT)
    if kind == 1:
        return " ///" + draw(DOC_TEXT)
    if kind == 2:
        return " /*" + draw(COMMENT_TEXT).replace("*/", "") + "*/"
    return ""


@st.composite
def comment_lines(draw, indent: str) -> list[str]:
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return [indent + "//" + draw(COMMENT_TEXT)]
    if kind == 1:
        return [indent + "/*" + draw(COMMENT_TEXT).replace("*/", "") + "*/"]
    if kind == 2:
        return [""]
    return []


@st.composite
def field_lines(draw, indent: str, gap: str, type_names: list[str]) -> list[str]:
    lines = draw(comment_lines(indent)) + draw(docs(indent))
    name = draw(st.sampled_from(FIELD_NAMES))
    kind = draw(st.integers(0, 5))
    if kind == 0:
        type_text = "Unsupported(" + draw(string_literals()) + ")"
    elif kind == 1 and type_names:
        type_text = draw(st.sampled_from(type_names))
    else:
        type_text = draw(st.sampled_from(SCALARS))
    type_text += draw(st.sampled_from(["", "", "?", "[]", " ?"]))
    parts = [name, type_text, *draw(st.lists(attributes(block=False), max_size=3))]
    lines.append(indent + gap.join(parts) + draw(trailing()))
    return lines


@st.composite
def field_block(draw, keyword: str, name: str, type_names: list[str], indent: str, gap: str) -> list[str]:
    lines = [*draw(docs("")), draw(header(keyword, name))]
    for _ in range(draw(st.integers(0, 4))):
        lines += draw(field_lines(indent, gap, type_names))
    for _ in range(draw(st.integers(0, 3))):
        lines += draw(comment_lines(indent))
        lines.append(indent + draw(attributes(block=True)) + draw(st.sampled_from(["", " // c"])))
    lines.append("}")
    return lines


@st.composite
def header(draw, keyword: str, name: str) -> str:
    style = draw(st.integers(0, 9))
    if style == 0 and name[0].isalnum():
        return f"{keyword}{name} {{"  # `modelUser {` is model `User`
    if style == 1:
        return f"{keyword} {name} {{ {draw(st.sampled_from(['junk', 'more words here', '// c', '/// d', '@@x(']))}"
    return f"{keyword} {name} {{"


@st.composite
def enum_block(draw, name: str, indent: str, gap: str) -> list[str]:
    lines = [*draw(docs("")), draw(header("enum", name))]
    for _ in range(draw(st.integers(1, 4))):
        lines += draw(comment_lines(indent)) + draw(docs(indent))
        value = draw(st.sampled_from(ENUM_VALUES))
        if draw(st.booleans()):
            value += gap + "@map(" + draw(string_literals()) + ")"
        lines.append(indent + value + draw(trailing()))
    for _ in range(draw(st.integers(0, 2))):
        lines.append(indent + draw(st.sampled_from(['@@map("e")', '@@schema("auth")', "@@foo(1, [a])"])))
    lines.append("}")
    return lines


@st.composite
def config_block(draw, keyword: str, name: str, indent: str) -> list[str]:
    lines = [*draw(docs("")), draw(header(keyword, name))]
    for _ in range(draw(st.integers(0, 4))):
        lines += draw(comment_lines(indent)) + draw(docs(indent))
        key = draw(st.sampled_from(["provider", "url", "previewFeatures", "output", "extensions", "x"]))
        # No object values here: see test_object_property_value_keeps_the_block_open.
        value = draw(st.one_of(st.just(""), expressions(allow_objects=False)))
        equals = draw(st.sampled_from([" = ", "=", "  =  "]))
        lines.append((indent + key + equals + value).rstrip(" ") + draw(trailing()))
    lines.append("}")
    return lines


@st.composite
def schema_texts(draw) -> str:
    """A syntactically valid schema that uses every construct the parser knows."""
    indent = draw(st.sampled_from(["  ", "    ", "\t", " \u00a0"]))
    gap = draw(st.sampled_from([" ", "  ", "\t", " \t "]))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    kinds = draw(
        st.lists(st.sampled_from(["model", "view", "type", "enum", "datasource", "generator"]), min_size=1, max_size=5)
    )
    names = {
        "model": MODEL_NAMES, "view": VIEW_NAMES, "type": TYPE_NAMES, "enum": ENUM_NAMES,
        "datasource": CONFIG_NAMES, "generator": CONFIG_NAMES,
    }  # fmt: skip
    chosen = [(kind, draw(st.sampled_from(names[kind]))) for kind in kinds]
    type_names = [name for kind, name in chosen if kind in ("model", "view", "type", "enum")]
    lines: list[str] = []
    for kind, name in chosen:
        lines += draw(comment_lines(""))
        if kind in ("model", "view", "type"):
            lines += draw(field_block(kind, name, type_names, indent, gap))
        elif kind == "enum":
            lines += draw(enum_block(name, indent, gap))
        else:
            lines += draw(config_block(kind, name, indent))
        lines += [""] * draw(st.integers(0, 2))
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline
    return text


STATS: dict[str, int] = {}


def _report(record_property, name: str, count: int) -> None:
    STATS[name] = count
    record_property(name, count)
    print(f"{name}: {count} examples")


def test_random_schemas_round_trip(record_property) -> None:
    seen = {"examples": 0, "blocks": 0, "kinds": set()}

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
    _report(record_property, "roundtrip_examples", seen["examples"])
    record_property("roundtrip_blocks", seen["blocks"])
    assert seen["kinds"] == {"model", "view", "type", "enum", "datasource", "generator"}


def test_schema_texts_cover_the_constructs() -> None:
    """The strategy produces what it claims to (a cheap sanity check over a fixed sample)."""
    found: set[str] = set()

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
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


def test_arbitrary_text_never_crashes(record_property) -> None:
    seen = {"examples": 0, "errors": 0, "schemas": 0}

    @settings(max_examples=500, deadline=None)
    @given(text=st.text())
    def run(text: str) -> None:
        check_total(text, seen)

    run()
    _report(record_property, "arbitrary_text_examples", seen["examples"])
    record_property("arbitrary_text_errors", seen["errors"])


def test_mutated_fixtures_never_crash(record_property) -> None:
    seen = {"examples": 0, "errors": 0, "schemas": 0}

    @settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=mutated_fixtures())
    def run(text: str) -> None:
        check_total(text, seen)

    run()
    _report(record_property, "mutation_examples", seen["examples"])
    record_property("mutation_errors", seen["errors"])
    record_property("mutation_schemas", seen["schemas"])
    print(f"mutations: {seen['errors']} syntax errors, {seen['schemas']} schemas")
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
