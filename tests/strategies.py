"""Hypothesis strategies shared by the property tests: syntactically valid Prisma schemas that use every
construct the parser knows (odd whitespace, comments and documentation everywhere, non-ASCII names,
random attribute arguments), and line-level mutations of the example platform's schemas. Not a test
module: the property tests import it."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

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
    # Escapes JSON allows but does not need (`\/`, `\u` in capitals), and common ones (a tab, a quote).
    body = json.dumps(value, ensure_ascii=False)[1:-1]
    return '"' + draw(st.sampled_from(["\\/", "\\u00E9", "\\b", "\\f", "\\t", '\\"', ""])) + body + '"'


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


PLATFORM = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "platform" / "services").rglob("schema.prisma"))


@st.composite
def mutated_platform(draw) -> str:
    lines = draw(st.sampled_from(PLATFORM)).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "move"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(index))
    return "\n".join(lines) + "\n"
