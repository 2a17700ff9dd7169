"""Conformance with Prisma's own parser.

Every check runs the same text through our parser and through the oracle (`tests/oracle`: the pinned npm
package `@prisma/prisma-schema-wasm`, Prisma's parser and validator) and asserts that they agree:

* `prisma_lint.parse` raises `PrismaSyntaxError` exactly when Prisma's parser reports a syntax error (the
  rule that tells a syntax error from a validation error is documented in `tests/oracle/prisma_oracle.js`);
* when Prisma accepts the schema outright (no errors, so it yields a DMMF datamodel), our models and views
  (less `@@ignore`d ones), their fields (less `Unsupported(...)` and `@ignore`d ones: name, type, list,
  optional), composite types and enums (name, values) equal the DMMF's.

The inputs are every `*.prisma` file under `fixtures/` and random schemas from a Hypothesis strategy. A
fixture under `fixtures/schemas/invalid/` ends with `// prisma: <message>`: the first syntax error Prisma
reports for it. Counts of agreeing cases are recorded as the test's properties (`record_property`, e.g.
in JUnit XML) and listed in the "figures" section of the run's summary (tests/conftest.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prisma_lint

from tests.oracle import OracleResult

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
# fixtures/schemas/prisma7/ holds syntax newer than the pinned Prisma 6 oracle (object arguments such as
# Prisma 7's partial-index `where: { ... }`): the oracle cannot judge it, tests/test_parser.py does.
NEWER_THAN_ORACLE = FIXTURES / "schemas" / "prisma7"
FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.prisma") if NEWER_THAN_ORACLE not in p.parents)
EXPECTED_MESSAGE = re.compile(r"^// prisma: (.+?)\s*$", re.MULTILINE)

# --------------------------------------------------------------------------------------------------
# Comparing our parser with the oracle
# --------------------------------------------------------------------------------------------------


@dataclass
class Verdict:
    """How one case went: `problems` is empty when our parser and Prisma agree."""

    syntax_ok: bool  # Prisma's view
    compared_structure: bool = False
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.problems


def _line_of(text: str, byte_offset: int) -> int:
    return text.encode("utf-8")[:byte_offset].count(b"\n") + 1


def _describe_prisma_errors(text: str, result: OracleResult) -> str:
    return "; ".join(
        f"line {_line_of(text, d.start)}: {d.message}" for d in (result.syntax_errors or result.errors)
    ) or "no errors"


def _our_structure(schema) -> tuple[dict, dict, dict]:
    def fields(block) -> list[tuple]:
        return [
            (f.name, f.type, f.list, f.optional)
            for f in block.fields
            if f.type != "Unsupported" and f.attribute("ignore") is None
        ]

    models = {m.name: fields(m) for m in (*schema.models, *schema.views) if not m.is_ignored}
    types = {t.name: fields(t) for t in schema.types}
    enums = {e.name: [v.name for v in e.values] for e in schema.enums}
    return models, types, enums


def _prisma_structure(result: OracleResult) -> tuple[dict, dict, dict]:
    def fields(block) -> list[tuple]:
        return [(f.name, f.type, f.isList, not f.isRequired) for f in block.fields]

    models = {m.name: fields(m) for m in result.models or []}
    types = {t.name: fields(t) for t in result.types or []}
    enums = {e.name: list(e.values) for e in result.enums or []}
    return models, types, enums


def _diff(kind: str, ours: dict, theirs: dict) -> list[str]:
    problems = []
    for name in sorted(set(ours) | set(theirs)):
        if name not in ours:
            problems.append(f"{kind} {name!r}: Prisma has it, we do not ({theirs[name]})")
        elif name not in theirs:
            problems.append(f"{kind} {name!r}: we have it, Prisma does not ({ours[name]})")
        elif ours[name] != theirs[name]:
            problems.append(f"{kind} {name!r}: we read {ours[name]}, Prisma reads {theirs[name]}")
    return problems


def compare(oracle, text: str, path: Optional[str] = None) -> tuple[Verdict, OracleResult]:
    """Run `text` through both parsers and say whether they agree."""
    result = oracle.check(text)
    verdict = Verdict(syntax_ok=result.syntax_ok)
    schema = None
    try:
        schema = prisma_lint.parse(text, path)
    except prisma_lint.PrismaSyntaxError as error:
        if result.syntax_ok:
            verdict.problems.append(
                "we report a syntax error that Prisma does not "
                f"(ours: line {error.line} col {error.column}: {error.message}; "
                f"Prisma: {_describe_prisma_errors(text, result)})"
            )
        else:
            first = min(result.syntax_errors, key=lambda d: d.start)
            prisma_line = _line_of(text, first.start)
            if error.line != prisma_line:
                verdict.notes.append(
                    f"first syntax error on line {error.line} for us, line {prisma_line} for Prisma"
                )
    except Exception as error:  # noqa: BLE001 - a crash is a disagreement to report, not a test error
        verdict.problems.append(f"our parser crashed: {type(error).__name__}: {error}")
    else:
        if not result.syntax_ok:
            verdict.problems.append(
                f"Prisma reports a syntax error that we do not: {_describe_prisma_errors(text, result)}"
            )
    if schema is not None and result.syntax_ok and result.valid:
        verdict.compared_structure = True
        ours = _our_structure(schema)
        theirs = _prisma_structure(result)
        for kind, a, b in zip(("model", "type", "enum"), ours, theirs):
            verdict.problems.extend(_diff(kind, a, b))
    return verdict, result


def _count(figures: Counter, verdict: Verdict, prefix: str) -> None:
    figures[f"conformance_{prefix}_cases"] += 1
    figures[f"conformance_{prefix}_{'agree' if verdict.agrees else 'disagree'}"] += 1
    figures[f"conformance_{prefix}_prisma_{'syntax_ok' if verdict.syntax_ok else 'syntax_error'}"] += 1
    if verdict.compared_structure:
        figures[f"conformance_{prefix}_structure_compared"] += 1


# --------------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------------


def test_fixtures_exist() -> None:
    assert FIXTURE_FILES, f"no *.prisma files under {FIXTURES}"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_agrees_with_prisma(oracle, path: Path, record_property, figures) -> None:
    # Read the bytes as they are: a BOM and CRLF line endings are part of what is tested.
    text = path.read_bytes().decode("utf-8")
    verdict, result = compare(oracle, text, str(path))
    _count(figures, verdict, "fixture")
    record_property("prisma_syntax_ok", verdict.syntax_ok)
    record_property("structure_compared", verdict.compared_structure)
    record_property("agrees", verdict.agrees)
    for note in verdict.notes:
        print(f"note: {note}")

    # The fixture itself must sit where Prisma puts it.
    relative = path.relative_to(FIXTURES).as_posix()
    if relative.startswith("schemas/invalid/"):
        assert not result.syntax_ok, f"{relative} is under invalid/ but Prisma parses it"
        expected = EXPECTED_MESSAGE.findall(text)
        assert expected, f"{relative} must end with `// prisma: <Prisma's first syntax error>`"
        first = min(result.syntax_errors, key=lambda d: d.start)
        assert first.message == expected[-1], f"Prisma's first syntax error is now: {first.message}"
    elif relative.startswith("schemas/valid/"):
        assert result.syntax_ok, f"{relative} is under valid/ but Prisma reports: {result.syntax_errors}"

    assert verdict.agrees, "our parser disagrees with Prisma:\n  " + "\n  ".join(verdict.problems)


# --------------------------------------------------------------------------------------------------
# Random schemas
# --------------------------------------------------------------------------------------------------

MODEL_NAMES = ["User", "Post", "Café", "Użytkownik", "用户", "Order", "Thing", "A", "Datum", "Ŝipo"]
VIEW_NAMES = ["UserInfo", "Vue", "Stats", "B"]
ENUM_NAMES = ["Role", "Status", "État", "Kind", "Color"]
TYPE_NAMES = ["Address", "Geo", "Photo", "Adresse"]
FIELD_NAMES = [
    "name", "type", "model", "enum", "view", "title", "naïve", "größe", "名字",
    "count", "createdAt", "data", "value", "x", "snake_case", "datasource",
]  # fmt: skip
ENUM_VALUES = ["A", "B", "ACTIVE", "model", "type", "ÉTÉ", "x1", "lower"]

PG_SCALARS = ["String", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Boolean"]
MONGO_SCALARS = ["String", "Int", "BigInt", "Float", "DateTime", "Json", "Bytes", "Boolean"]
INDEXABLE = {"String", "Int", "BigInt", "Float", "Decimal", "DateTime", "Boolean"}


@dataclass
class GenField:
    name: str
    type: str
    arity: str  # "", "?" or "[]"
    attributes: list[str]
    doc: Optional[str] = None
    trailing: Optional[str] = None
    enum: bool = False
    composite: bool = False

    def render(self, indent: str, gap: str) -> list[str]:
        lines = [f"{indent}/// {self.doc}"] if self.doc else []
        line = f"{indent}{self.name}{gap}{self.type}{self.arity}"
        if self.attributes:
            line += gap + " ".join(self.attributes)
        if self.trailing:
            line += f" {self.trailing}"
        lines.append(line)
        return lines


@st.composite
def _field(draw, name: str, index: int, provider: str, enums: dict, types: dict) -> GenField:
    choices = list(PG_SCALARS if provider == "postgresql" else MONGO_SCALARS)
    choices += [f"enum:{e}" for e in enums] * 2
    choices += [f"type:{t}" for t in types] * 2
    if provider == "postgresql":
        choices.append("Unsupported")
    kind = draw(st.sampled_from(choices))
    attributes: list[str] = []
    if kind == "Unsupported":
        f = GenField(name, 'Unsupported("circle")', "?", attributes)
    elif kind.startswith("enum:"):
        enum = kind[5:]
        arity = draw(st.sampled_from(["", "?", "[]"]))
        f = GenField(name, enum, arity, attributes, enum=True)
        if arity != "[]" and draw(st.booleans()):
            attributes.append(f"@default({enums[enum][0]})")
    elif kind.startswith("type:"):
        f = GenField(name, kind[5:], draw(st.sampled_from(["", "?", "[]"])), attributes, composite=True)
    else:
        arity = draw(st.sampled_from(["", "?"] if kind == "Json" and provider == "mongodb" else ["", "?", "[]"]))
        f = GenField(name, kind, arity, attributes)
        if arity != "[]":
            defaults = {
                "String": ['@default("x")', '@default("a \\"quoted\\" é")', '@default(uuid())'],
                "Int": ["@default(0)", "@default(-3)"],
                "BigInt": ["@default(42)"],
                "Float": ["@default(1.5)", "@default(-0.25)"],
                "Boolean": ["@default(true)"],
                "DateTime": ["@default(now())", "@updatedAt"],
                "Decimal": ["@default(0)"],
                "Json": ['@default("{}")'],
            }.get(kind, [])
            if defaults and draw(st.booleans()):
                attributes.append(draw(st.sampled_from(defaults)))
            if provider == "postgresql":
                native = {"String": ["@db.VarChar(255)", "@db.Text"], "Decimal": ["@db.Decimal(12, 2)"],
                          "DateTime": ["@db.Timestamptz(6)"]}.get(kind, [])
                if native and draw(st.booleans()):
                    attributes.append(draw(st.sampled_from(native)))
            if kind in INDEXABLE and draw(st.integers(0, 4)) == 0:
                attributes.append("@unique")
    if not f.composite and draw(st.integers(0, 3)) == 0:
        attributes.append(f'@map("col_{index}")')
    if f.arity == "?" and not f.composite and kind != "Unsupported" and draw(st.integers(0, 5)) == 0:
        attributes.append("@ignore")
    if draw(st.integers(0, 4)) == 0:
        f.doc = draw(st.sampled_from(["Documented.", "Doc with `code` and émoji-free unicode: ü."]))
    if draw(st.integers(0, 4)) == 0:
        f.trailing = draw(st.sampled_from(["// trailing", "/// trailing doc", "//no space", "/* block */"]))
    return f


@st.composite
def _fields(draw, provider: str, enums: dict, types: dict, min_size: int = 0) -> list[GenField]:
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), unique=True, min_size=min_size, max_size=5))
    return [draw(_field(name, i, provider, enums, types)) for i, name in enumerate(names)]


@dataclass
class GenBlock:
    lines: list[str]  # header, body lines, closing brace
    kind: str
    ignored: bool = False


@st.composite
def schemas(draw) -> str:
    provider = draw(st.sampled_from(["postgresql", "postgresql", "mongodb"]))
    nl = draw(st.sampled_from(["\n", "\n", "\n", "\r\n"]))
    indent = draw(st.sampled_from(["  ", "    ", "\t"]))
    gap = draw(st.sampled_from([" ", "  ", "\t"]))
    blocks: list[GenBlock] = []

    def comment_lines() -> list[str]:
        options = [[], [], ["// a comment"], ["/* a block", "   comment */"], ["/// floating doc"], [""]]
        return draw(st.sampled_from(options))

    enums: dict[str, list[str]] = {}
    for name in draw(st.lists(st.sampled_from(ENUM_NAMES), unique=True, max_size=2)):
        values = draw(st.lists(st.sampled_from(ENUM_VALUES), unique=True, min_size=1, max_size=4))
        enums[name] = values
        body = []
        for value in values:
            line = indent + value
            if draw(st.integers(0, 4)) == 0:
                line += f' @map("{value.lower()}_v")'
            if draw(st.integers(0, 4)) == 0:
                line += " // note"
            body.append(line)
        if draw(st.integers(0, 3)) == 0:
            body.append(f'{indent}@@map("{name.lower()}_enum")')
        blocks.append(GenBlock([f"enum {name} {{", *body, "}"], "enum"))

    types: dict[str, list[GenField]] = {}
    if provider == "mongodb":
        for name in draw(st.lists(st.sampled_from(TYPE_NAMES), unique=True, max_size=2)):
            # Only types declared earlier may be used, so there is no cycle.
            type_fields = draw(_fields(provider, enums, dict(types), min_size=1))
            for f in type_fields:
                f.attributes = [a for a in f.attributes if a not in ("@unique", "@ignore", "@updatedAt")]
            types[name] = type_fields
            body = [line for f in type_fields for line in f.render(indent, gap)]
            blocks.append(GenBlock([f"type {name} {{", *body, "}"], "type"))

    model_names = draw(st.lists(st.sampled_from(MODEL_NAMES), unique=True, min_size=1, max_size=3))
    view_names = (
        draw(st.lists(st.sampled_from(VIEW_NAMES), unique=True, max_size=2)) if provider == "postgresql" else []
    )
    id_types: dict[str, Optional[str]] = {}
    blocks_by_name: dict[str, GenBlock] = {}
    for keyword, name in [("model", n) for n in model_names] + [("view", n) for n in view_names]:
        model_fields = draw(_fields(provider, enums, types))
        ignored = draw(st.integers(0, 7)) == 0
        if ignored:  # Prisma rejects `@ignore` on a field of an ignored model
            for f in model_fields:
                f.attributes = [a for a in f.attributes if a != "@ignore"]
        if keyword == "view":
            id_line = f"{indent}id{gap}Int{gap}@unique"
        elif provider == "mongodb":
            id_line = f'{indent}id{gap}String{gap}@id @default(auto()) @map("_id") @db.ObjectId'
        else:
            id_line = draw(st.sampled_from([
                f"{indent}id{gap}Int{gap}@id @default(autoincrement())",
                f"{indent}id{gap}String{gap}@id @default(uuid())",
                f"{indent}id{gap}Int{gap}@id",
            ]))  # fmt: skip
        id_types[name] = "String" if f"id{gap}String" in id_line else "Int"
        body = [id_line]
        parent = model_names[0]
        if (keyword == "model" and provider == "postgresql" and name != parent and not ignored and not blocks_by_name[parent].ignored
                and draw(st.integers(0, 2)) == 0):
            # A one-to-many relation to the first model, with its back-relation field there.
            parent_block = blocks_by_name[parent]
            fk = f"{parent.lower()}Ref"
            arity = draw(st.sampled_from(["", "?"]))
            body.append(f"{indent}{fk}{gap}{id_types[parent]}{arity}")
            body.append(
                f"{indent}{parent.lower()}Rel{gap}{parent}{arity}{gap}@relation(fields: [{fk}], references: [id]"
                + draw(st.sampled_from(["", ", onDelete: Cascade", ", onDelete: SetNull, onUpdate: NoAction"]))
                + ")"
            )
            parent_block.lines.insert(len(parent_block.lines) - 1, f"{indent}{name.lower()}Items{gap}{name}[]")
        for f in model_fields:
            body.extend(comment_lines())
            body.extend(f.render(indent, gap))
        indexable = [
            f.name for f in model_fields
            if f.type in INDEXABLE and f.arity != "[]" and "@ignore" not in f.attributes
        ]  # fmt: skip
        unique_fields = {f.name for f in model_fields if "@unique" in f.attributes}
        block_attributes = []
        if keyword == "model" and indexable and draw(st.booleans()):
            chosen = draw(st.lists(st.sampled_from(indexable), unique=True, min_size=1, max_size=2))
            unique = [] if len(chosen) == 1 and chosen[0] in unique_fields else [f"@@unique([{', '.join(chosen)}])"]
            block_attributes.append(draw(st.sampled_from(unique + [
                f"@@index([{', '.join(chosen)}])",
                f"@@index([{chosen[0]}(sort: Desc), id])",
                f'@@index([{", ".join(chosen)}], map: "idx_{len(blocks)}")',
            ] + ([f"@@index([{chosen[0]}], type: Hash)"] if provider == "postgresql" else []))))  # fmt: skip
        composite_paths = [
            f"{f.name}.{sub.name}" for f in model_fields if f.composite
            for sub in types[f.type] if sub.type in INDEXABLE and sub.arity != "[]"
        ]  # fmt: skip
        if composite_paths and draw(st.booleans()):
            block_attributes.append(f"@@index([{draw(st.sampled_from(composite_paths))}])")
        if draw(st.integers(0, 3)) == 0:
            block_attributes.append(f'@@map("tbl_{len(blocks)}")')
        if ignored:
            block_attributes.append("@@ignore")
        if block_attributes:
            body.append("")
            body.extend(indent + a for a in block_attributes)
        header = [f"/// The {name} {keyword}."] if draw(st.integers(0, 3)) == 0 else []
        blocks.append(GenBlock([*header, f"{keyword} {name} {{", *body, "}"], keyword, ignored))
        blocks_by_name[name] = blocks[-1]

    datasource = GenBlock(
        ["datasource db {", f'{indent}provider = "{provider}"', f'{indent}url{gap}= env("DATABASE_URL")', "}"],
        "datasource",
    )
    features = ['"views"'] if view_names else []
    if draw(st.booleans()):
        features.append('"relationJoins"')
    generator_lines = ["generator client {", f'{indent}provider = "prisma-client-js"']
    if features or draw(st.booleans()):
        generator_lines.append(f"{indent}previewFeatures = [{', '.join(features)}]")
    if draw(st.booleans()):
        generator_lines.append(f'{indent}binaryTargets = ["native", "debian-openssl-3.0.x"]')
    generator_lines.append("}")
    blocks = [datasource, GenBlock(generator_lines, "generator"), *draw(st.permutations(blocks))]

    # Sometimes break the syntax (or only the validation), so both directions of the check are exercised.
    mutation = draw(st.sampled_from(["none"] * 10 + [
        "junk_in_block", "junk_top_level", "optional_list", "unterminated_string", "unclosed_last_block",
        "legacy_colon", "missing_type", "enum_one_line", "leading_underscore",
        "emoji_name", "bom", "brace_same_line", "unknown_type", "digit_name", "trailing_comma_array",
        "block_comment_in_field", "keyword_glued",
    ]))  # fmt: skip
    field_blocks = [b for b in blocks if b.kind in ("model", "view", "type")]
    target = draw(st.sampled_from(field_blocks))
    close = len(target.lines) - 1  # index of the closing brace
    if mutation == "junk_in_block":
        junk = draw(st.sampled_from(["%%% junk", "this is not a field!", "x Int @id }", "@ id"]))
        target.lines.insert(draw(st.integers(1, close)), indent + junk)
    elif mutation == "junk_top_level":
        blocks.insert(draw(st.integers(0, len(blocks))), GenBlock(["random junk here"], "junk"))
    elif mutation == "optional_list":
        target.lines.insert(close, f"{indent}broken Int[]?")
    elif mutation == "unterminated_string":
        target.lines.insert(close, f'{indent}broken String @default("abc)')
    elif mutation == "unclosed_last_block":
        blocks[-1].lines.pop()
    elif mutation == "legacy_colon":
        target.lines.insert(close, f"{indent}broken: Int")
    elif mutation == "missing_type":
        target.lines.insert(close, f"{indent}broken")
    elif mutation == "enum_one_line":
        blocks.append(GenBlock(["enum Broken { A B }"], "junk"))
    elif mutation == "leading_underscore":
        blocks.append(GenBlock(["model _Hidden {", f"{indent}id Int @id", "}"], "model"))
    elif mutation == "emoji_name":
        target.lines.insert(close, f"{indent}smile😀 Int?")
    elif mutation == "brace_same_line":
        blocks.append(GenBlock(["model Inline {", indent + "id Int @id }"], "model"))
    elif mutation == "unknown_type":
        target.lines.insert(close, f"{indent}mystery Mystery?")
    elif mutation == "digit_name":
        target.lines.insert(close, f"{indent}9lives Int?")
    elif mutation == "trailing_comma_array":
        target.lines.insert(close, f"{indent}@@index([id,])")
    elif mutation == "block_comment_in_field":
        target.lines.insert(close, f"{indent}commented /* here */ Int?")
    elif mutation == "keyword_glued":
        blocks.append(GenBlock(["modelGlued {", f"{indent}id Int @id", "}"], "model"))

    chunks = []
    for block in blocks:
        chunks.extend(comment_lines())
        chunks.extend(block.lines)
        chunks.append("")
    text = nl.join(chunks)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")  # no final newline
    if mutation == "bom":
        text = "\ufeff" + text
    return text


def test_random_schemas_agree_with_prisma(oracle, record_property, figures) -> None:
    local: Counter[str] = Counter()

    @settings(database=None)
    @given(text=schemas())
    def run(text: str) -> None:
        verdict, _ = compare(oracle, text)
        local["cases"] += 1
        local["agree" if verdict.agrees else "disagree"] += 1
        local["prisma_syntax_ok" if verdict.syntax_ok else "prisma_syntax_error"] += 1
        if verdict.compared_structure:
            local["structure_compared"] += 1
        assert verdict.agrees, "our parser disagrees with Prisma:\n  " + "\n  ".join(verdict.problems)

    try:
        run()
    finally:
        # Hypothesis replays and shrinks a failure, so these counts include the shrinking runs.
        for key, value in sorted(local.items()):
            record_property(key, value)
            figures[f"conformance_random_{key}"] += value
    # The strategy must reach both sides of the comparison, or the test checks less than it claims.
    assert local["prisma_syntax_ok"] and local["prisma_syntax_error"] and local["structure_compared"], local
