"""The parser, construct by construct, with exact spans.

Every span is written out as `(start_line, start_column, end_line, end_column, start_offset, end_offset)`:
lines and columns are 1-based and counted in characters, the end is exclusive, and offsets are UTF-8 byte
offsets into the file. Conformance with Prisma's own parser (which inputs are syntax errors, and what the
datamodel reads) is tests/test_conformance.py's job; this file checks what our AST says about each input.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields as dataclass_fields
from dataclasses import is_dataclass
from pathlib import Path

import pytest

import prisma_lint
from prisma_lint import PrismaSyntaxError, parse, parse_path
from prisma_lint.ast.dump import dump_json, json_schema, schema_adapter
from prisma_lint.ast.nodes import (
    Argument,
    ArrayValue,
    Attribute,
    Comment,
    CompositeType,
    ConstantValue,
    Datasource,
    Enum,
    Field,
    FunctionCall,
    Generator,
    Model,
    NumberValue,
    ObjectValue,
    Schema,
    Span,
    StringValue,
    View,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
VALID = sorted((FIXTURES / "schemas" / "valid").glob("*.prisma"))
INVALID = sorted((FIXTURES / "schemas" / "invalid").glob("*.prisma"))
PRISMA7 = FIXTURES / "schemas" / "prisma7" / "partial_index_where.prisma"
PLATFORM = sorted((FIXTURES / "platform" / "services").glob("*/prisma/schema.prisma"))
EXPECTED_MESSAGE = re.compile(r"^// prisma: (.+?)\s*$", re.MULTILINE)


def sp(node_or_span) -> tuple[int, int, int, int, int, int]:
    """A span as (start_line, start_column, end_line, end_column, start_offset, end_offset)."""
    s = node_or_span if isinstance(node_or_span, Span) else node_or_span.span
    return (s.start_line, s.start_column, s.end_line, s.end_column, s.start_offset, s.end_offset)


def only_block(text: str):
    schema = parse(text)
    assert len(schema.blocks) == 1, schema.blocks
    return schema.blocks[0]


# A field line `  x Int <attributes>` on line 2 of `model A {`: line 2 starts at offset 10, so for ASCII
# text a column c is at offset c + 9, and the first attribute starts at column 9.
def field_with(attributes: str) -> Field:
    model = only_block(f"model A {{\n  x Int {attributes}\n}}\n")
    assert len(model.fields) == 1
    return model.fields[0]


def L2(c0: int, c1: int) -> tuple[int, int, int, int, int, int]:
    return (2, c0, 2, c1, c0 + 9, c1 + 9)


# A block attribute on line 3 of `model A {\n  id Int\n  <attribute>\n}`: line 3 starts at offset 19, so a
# column c is at offset c + 18 and the attribute starts at column 3.
def block_attribute(attribute: str) -> Attribute:
    model = only_block(f"model A {{\n  id Int\n  {attribute}\n}}\n")
    assert len(model.attributes) == 1
    return model.attributes[0]


def L3(c0: int, c1: int) -> tuple[int, int, int, int, int, int]:
    return (3, c0, 3, c1, c0 + 18, c1 + 18)


# ------------------------------------------------------------------------------------------------------
# Blocks
# ------------------------------------------------------------------------------------------------------


def test_datasource() -> None:
    text = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n'
    schema = parse(text)
    assert schema.files == (None,)
    (ds,) = schema.blocks
    assert isinstance(ds, Datasource) and ds.kind == "datasource"
    assert ds.name == "db"
    assert sp(ds) == (1, 1, 4, 2, 0, 76)
    assert sp(ds.name_span) == (1, 12, 1, 14, 11, 13)
    assert ds.span.file is None
    provider, url = ds.properties
    assert provider.name == "provider" and provider.kind == "property"
    assert sp(provider) == (2, 3, 2, 26, 18, 41)
    assert sp(provider.name_span) == (2, 3, 2, 11, 18, 26)
    assert provider.value == StringValue("postgresql", provider.value.span)
    assert sp(provider.value) == (2, 14, 2, 26, 29, 41)
    assert url.name == "url"
    assert sp(url) == (3, 3, 3, 33, 44, 74)
    assert isinstance(url.value, FunctionCall) and url.value.name == "env"
    assert sp(url.value) == (3, 14, 3, 33, 55, 74)
    (arg,) = url.value.args
    assert arg.name is None and arg.value.value == "DATABASE_URL"
    assert sp(arg) == sp(arg.value) == (3, 18, 3, 32, 59, 73)
    assert ds.property("url") is url and ds.property("nope") is None
    assert schema.datasources == (ds,) and schema.datasource_provider() == "postgresql"
    assert provider.documentation is None and provider.comment is None


def test_generator_with_array_property() -> None:
    text = 'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["views", "relationJoins"]\n}\n'
    (gen,) = parse(text).blocks
    assert isinstance(gen, Generator) and gen.kind == "generator"
    assert sp(gen) == (1, 1, 4, 2, 0, 106)
    assert sp(gen.name_span) == (1, 11, 1, 17, 10, 16)
    provider, features = gen.properties
    assert sp(provider) == (2, 3, 2, 39, 21, 57)
    assert sp(provider.value) == (2, 21, 2, 39, 39, 57)
    assert provider.value.value == "prisma-client-js"
    assert sp(features.name_span) == (3, 3, 3, 18, 60, 75)
    array = features.value
    assert isinstance(array, ArrayValue) and array.kind == "array"
    assert sp(array) == (3, 21, 3, 47, 78, 104)
    assert [item.value for item in array.items] == ["views", "relationJoins"]
    assert sp(array.items[0]) == (3, 22, 3, 29, 79, 86)
    assert sp(array.items[1]) == (3, 31, 3, 46, 88, 103)


def test_property_without_value_parses_with_none() -> None:
    (ds,) = parse("datasource db {\n  url =\n}\n").blocks
    (url,) = ds.properties
    assert url.value is None
    assert sp(url) == sp(url.name_span) == (2, 3, 2, 6, 18, 21)


MODEL = (
    "model User {\n"
    "  id      Int      @id @default(autoincrement())\n"
    "  email   String?\n"
    "  tags    String[]\n"
    '  area    Unsupported("circle")?\n'
    "  posts   Post[]\n"
    "  role    Role     @default(USER)\n"
    "}\n"
)


def test_model_and_field_types() -> None:
    model = only_block(MODEL)
    assert isinstance(model, Model) and model.kind == "model"
    assert model.name == "User"
    assert sp(model) == (1, 1, 8, 2, 0, 184)
    assert sp(model.name_span) == (1, 7, 1, 11, 6, 10)
    assert model.attributes == () and model.documentation is None
    id_, email, tags, area, posts, role = model.fields

    assert (id_.name, id_.type, id_.optional, id_.list, id_.unsupported) == ("id", "Int", False, False, None)
    assert sp(id_) == (2, 3, 2, 49, 15, 61)
    assert sp(id_.name_span) == (2, 3, 2, 5, 15, 17)
    assert sp(id_.type_span) == (2, 11, 2, 14, 23, 26)
    assert [a.name for a in id_.attributes] == ["id", "default"]
    at_id, default = id_.attributes
    assert sp(at_id) == sp(at_id.name_span) == (2, 20, 2, 23, 32, 35)
    assert at_id.args == () and at_id.block is False
    assert sp(default) == (2, 24, 2, 49, 36, 61)
    assert sp(default.name_span) == (2, 24, 2, 32, 36, 44)
    (call_arg,) = default.args
    assert isinstance(call_arg.value, FunctionCall) and call_arg.value.name == "autoincrement"
    assert call_arg.value.args == ()
    assert sp(call_arg.value) == (2, 33, 2, 48, 45, 60)
    assert id_.is_scalar_type and id_.has_attribute("id") and id_.attribute("default") is default
    assert id_.legacy is None and id_.comment is None and id_.documentation is None

    assert (email.type, email.optional, email.list) == ("String", True, False)
    assert sp(email) == (3, 3, 3, 18, 64, 79)
    assert sp(email.type_span) == (3, 11, 3, 18, 72, 79)

    assert (tags.type, tags.optional, tags.list) == ("String", False, True)
    assert sp(tags.type_span) == (4, 11, 4, 19, 90, 98)

    assert (area.type, area.unsupported, area.optional, area.list) == ("Unsupported", "circle", True, False)
    assert sp(area.type_span) == (5, 11, 5, 33, 109, 131)
    assert sp(area) == (5, 3, 5, 33, 101, 131)

    assert (posts.type, posts.list, posts.is_scalar_type) == ("Post", True, False)
    assert sp(posts.type_span) == (6, 11, 6, 17, 142, 148)

    assert role.type == "Role" and not role.is_scalar_type
    assert sp(role) == (7, 3, 7, 34, 151, 182)
    (value,) = role.attribute("default").args
    assert value.value == ConstantValue("USER", value.value.span)
    assert sp(value.value) == (7, 29, 7, 33, 177, 181)

    assert model.field("email") is email and model.field("nope") is None


def test_view_and_composite_type() -> None:
    schema = parse("view V {\n  id Int @unique\n}\n\ntype Address {\n  street String\n}\n")
    view, composite = schema.blocks
    assert isinstance(view, View) and view.kind == "view" and view.name == "V"
    assert sp(view) == (1, 1, 3, 2, 0, 27)
    assert sp(view.name_span) == (1, 6, 1, 7, 5, 6)
    assert view.fields[0].attribute("unique") is not None
    assert isinstance(composite, CompositeType) and composite.kind == "type" and composite.name == "Address"
    # line 5 starts at offset 29
    assert sp(composite) == (5, 1, 7, 2, 29, 61)
    assert sp(composite.name_span) == (5, 6, 5, 13, 34, 41)
    (street,) = composite.fields
    assert sp(street) == (6, 3, 6, 16, 46, 59)
    assert schema.views == (view,) and schema.types == (composite,)
    assert schema.field_blocks() == (view, composite)


def test_enum_with_value_and_block_attributes() -> None:
    text = 'enum Role {\n  USER  @map("user")\n  ADMIN\n  @@map("roles")\n  @@schema("auth")\n}\n'
    enum = only_block(text)
    assert isinstance(enum, Enum) and enum.kind == "enum"
    assert sp(enum) == (1, 1, 6, 2, 0, 78)
    assert sp(enum.name_span) == (1, 6, 1, 10, 5, 9)
    user, admin = enum.values
    assert user.kind == "enum_value" and user.name == "USER"
    assert sp(user) == (2, 3, 2, 21, 14, 32)
    assert sp(user.name_span) == (2, 3, 2, 7, 14, 18)
    (mapped,) = user.attributes
    assert mapped.name == "map" and mapped.arg("name").value == "user"
    assert sp(mapped) == (2, 9, 2, 21, 20, 32)
    assert user.attribute("map") is mapped and admin.attribute("map") is None
    assert sp(admin) == (3, 3, 3, 8, 35, 40)
    map_, schema_ = enum.attributes
    assert (map_.name, map_.block, map_.args[0].value.value) == ("map", True, "roles")
    assert sp(map_) == (4, 3, 4, 17, 43, 57)
    assert sp(map_.name_span) == (4, 3, 4, 8, 43, 48)
    assert (schema_.name, schema_.args[0].value.value) == ("schema", "auth")
    assert sp(schema_) == (5, 3, 5, 19, 60, 76)
    assert enum.attribute("schema") is schema_


def test_empty_blocks_and_empty_schema() -> None:
    assert parse("").blocks == ()
    assert parse("\n\n// only a comment\n").blocks == ()
    model = only_block("model A {\n}\n")
    assert model.fields == () and sp(model) == (1, 1, 2, 2, 0, 11)


# ------------------------------------------------------------------------------------------------------
# Field attributes
# ------------------------------------------------------------------------------------------------------


def test_native_type_attribute_with_one_number() -> None:
    (attribute,) = field_with("@db.VarChar(255)").attributes
    assert attribute.name == "db.VarChar" and attribute.block is False
    assert sp(attribute) == L2(9, 25)
    assert sp(attribute.name_span) == L2(9, 20)
    (arg,) = attribute.args
    assert arg.name is None and arg.value == NumberValue("255", arg.value.span)
    assert sp(arg) == sp(arg.value) == L2(21, 24)
    assert arg.value.number == 255


def test_native_type_attribute_with_two_numbers() -> None:
    (attribute,) = field_with("@db.Decimal(12, 2)").attributes
    assert attribute.name == "db.Decimal"
    assert sp(attribute) == L2(9, 27)
    precision, scale = attribute.args
    assert (precision.value.value, scale.value.value) == ("12", "2")
    assert sp(precision) == L2(21, 23) and sp(scale) == L2(25, 26)
    assert attribute.arg(position=1) is scale.value


@pytest.mark.parametrize(
    "call, name, args, call_span",
    [
        ("uuid()", "uuid", (), (18, 24)),
        ("uuid(7)", "uuid", ("7",), (18, 25)),
        ("cuid(2)", "cuid", ("2",), (18, 25)),
        ("nanoid(16)", "nanoid", ("16",), (18, 28)),
        ("now()", "now", (), (18, 23)),
        ("autoincrement()", "autoincrement", (), (18, 33)),
        ("auto()", "auto", (), (18, 24)),
        ("ulid()", "ulid", (), (18, 24)),
    ],
)
def test_default_function_calls(call: str, name: str, args: tuple, call_span: tuple) -> None:
    (default,) = field_with(f"@default({call})").attributes
    assert default.name == "default"
    assert sp(default) == L2(9, call_span[1] + 1)
    value = default.arg("value")
    assert isinstance(value, FunctionCall) and value.kind == "function"
    assert value.name == name
    assert tuple(a.value.value for a in value.args) == args
    assert sp(value) == L2(*call_span)
    if args:
        assert sp(value.args[0]) == L2(call_span[0] + len(name) + 1, call_span[1] - 1)


def test_dbgenerated_default() -> None:
    (default,) = field_with('@default(dbgenerated("gen_random_uuid()"))').attributes
    call = default.arg("value")
    assert call.name == "dbgenerated"
    assert sp(call) == L2(18, 50)
    (arg,) = call.args
    assert arg.value == StringValue("gen_random_uuid()", arg.value.span)
    assert sp(arg.value) == L2(30, 49)
    assert sp(default) == L2(9, 51)


def test_sequence_default_with_named_arguments() -> None:
    (default,) = field_with("@default(sequence(start: 5, increment: -2))").attributes
    call = default.arg("value")
    assert call.name == "sequence"
    start, increment = call.args
    assert (start.name, start.value.value) == ("start", "5")
    assert (increment.name, increment.value.value, increment.value.number) == ("increment", "-2", -2)
    # `sequence(` is at column 18..26; `start: 5` at 27..35; `increment: -2` at 37..50.
    assert sp(start) == L2(27, 35) and sp(start.value) == L2(34, 35)
    assert sp(increment) == L2(37, 50) and sp(increment.value) == L2(48, 50)
    assert sp(call) == L2(18, 51)


def test_several_attributes_on_one_field() -> None:
    f = field_with("@id @default(uuid()) @map(\"_id\") @db.Uuid")
    assert [a.name for a in f.attributes] == ["id", "default", "map", "db.Uuid"]
    assert [sp(a) for a in f.attributes] == [L2(9, 12), L2(13, 29), L2(30, 41), L2(42, 50)]
    assert sp(f) == L2(3, 50)


def test_relation_attribute() -> None:
    f = field_with('@relation(fields: [a], references: [id], onDelete: Cascade, map: "x")')
    (attribute,) = f.attributes
    assert sp(attribute) == L2(9, 78)
    assert sp(attribute.name_span) == L2(9, 18)
    fields_arg, references, on_delete, map_ = attribute.args
    assert fields_arg.name == "fields" and sp(fields_arg) == L2(19, 30)
    assert isinstance(fields_arg.value, ArrayValue) and sp(fields_arg.value) == L2(27, 30)
    assert sp(fields_arg.value.items[0]) == L2(28, 29)
    assert references.name == "references" and sp(references) == L2(32, 48)
    assert sp(references.value) == L2(44, 48)
    assert on_delete.name == "onDelete" and sp(on_delete) == L2(50, 67)
    assert on_delete.value == ConstantValue("Cascade", on_delete.value.span)
    assert sp(on_delete.value) == L2(60, 67)
    assert map_.name == "map" and sp(map_) == L2(69, 77)
    relation = f.relation
    assert relation is not None
    assert relation.fields == ("a",)
    assert relation.references == ("id",)
    assert relation.name is None
    assert relation.on_delete == "Cascade"
    assert relation.on_update is None
    assert relation.map == "x"
    assert relation.attribute is attribute


def test_relation_name_positional_or_named() -> None:
    assert field_with('@relation("Authored")').relation.name == "Authored"
    relation = field_with('@relation(name: "Authored", fields: [a, b], references: [c, d], onUpdate: SetNull)').relation
    assert relation.name == "Authored"
    assert relation.fields == ("a", "b") and relation.references == ("c", "d")
    assert relation.on_update == "SetNull" and relation.on_delete is None
    assert field_with("@id").relation is None


# ------------------------------------------------------------------------------------------------------
# Block attributes
# ------------------------------------------------------------------------------------------------------


def test_block_id() -> None:
    attribute = block_attribute("@@id([a, b])")
    assert attribute.name == "id" and attribute.block is True and attribute.kind == "attribute"
    assert sp(attribute) == L3(3, 15)
    assert sp(attribute.name_span) == L3(3, 7)
    array = attribute.arg("fields")
    assert [c.value for c in array.items] == ["a", "b"]
    assert sp(array) == L3(8, 14)


def test_block_unique_with_name() -> None:
    attribute = block_attribute('@@unique([a, b], name: "x")')
    assert attribute.name == "unique"
    assert sp(attribute) == L3(3, 30)
    assert sp(attribute.name_span) == L3(3, 11)
    fields_arg, name = attribute.args
    assert fields_arg.name is None and sp(fields_arg.value) == L3(12, 18)
    assert name.name == "name" and name.value.value == "x"
    assert sp(name) == L3(20, 29) and sp(name.value) == L3(26, 29)


def test_block_index_with_sort_and_type() -> None:
    attribute = block_attribute("@@index([title(sort: Desc), id], type: Hash)")
    assert attribute.name == "index"
    assert sp(attribute) == L3(3, 47)
    array, type_ = attribute.args
    assert sp(array.value) == L3(11, 34)
    title, id_ = array.value.items
    assert isinstance(title, FunctionCall) and title.name == "title"
    assert sp(title) == L3(12, 29)
    (sort,) = title.args
    assert (sort.name, sort.value.value) == ("sort", "Desc")
    assert sp(sort) == L3(18, 28) and sp(sort.value) == L3(24, 28)
    assert id_ == ConstantValue("id", id_.span) and sp(id_) == L3(31, 33)
    assert (type_.name, type_.value.value) == ("type", "Hash")
    assert sp(type_) == L3(36, 46) and sp(type_.value) == L3(42, 46)


def test_block_index_with_raw_ops() -> None:
    attribute = block_attribute('@@index([a(ops: raw("x"))])')
    assert sp(attribute) == L3(3, 30)
    (column,) = attribute.arg("fields").items
    assert column.name == "a" and sp(column) == L3(12, 28)
    (ops,) = column.args
    assert ops.name == "ops"
    raw = ops.value
    assert isinstance(raw, FunctionCall) and raw.name == "raw"
    assert sp(raw) == L3(19, 27)
    assert raw.args[0].value.value == "x" and sp(raw.args[0].value) == L3(23, 26)


@pytest.mark.parametrize(
    "source, name, first_value, end_column",
    [
        ('@@map("users")', "map", "users", 17),
        ("@@ignore", "ignore", None, 11),
        ('@@schema("auth")', "schema", "auth", 19),
        ("@@foo(1)", "foo", "1", 11),
    ],
)
def test_simple_block_attributes(source: str, name: str, first_value, end_column: int) -> None:
    attribute = block_attribute(source)
    assert attribute.name == name and attribute.block
    assert sp(attribute) == L3(3, end_column)
    value = attribute.arg()
    assert (value.value if value is not None else None) == first_value


def test_fulltext_index() -> None:
    attribute = block_attribute("@@fulltext([title, body])")
    assert attribute.name == "fulltext"
    assert sp(attribute) == L3(3, 28)
    assert [c.value for c in attribute.arg("fields").items] == ["title", "body"]


def test_dotted_path_in_block_attribute() -> None:
    attribute = block_attribute("@@unique([addresses.number])")
    (path,) = attribute.arg().items
    assert path == ConstantValue("addresses.number", path.span)
    assert sp(path) == L3(13, 29)
    assert sp(attribute) == L3(3, 31)


def test_object_argument() -> None:
    attribute = block_attribute("@@index([email], where: { deletedAt: null })")
    assert sp(attribute) == L3(3, 47)
    where = attribute.arg("where")
    assert isinstance(where, ObjectValue) and where.kind == "object"
    assert sp(where) == L3(27, 46)
    (entry,) = where.entries
    assert isinstance(entry, Argument) and entry.name == "deletedAt"
    assert entry.value == ConstantValue("null", entry.value.span)
    assert sp(entry) == L3(29, 44) and sp(entry.value) == L3(40, 44)


def test_empty_array_and_empty_object() -> None:
    (default,) = field_with("@default([])").attributes
    assert default.arg() == ArrayValue((), default.arg().span)
    assert sp(default.arg()) == L2(18, 20)
    where = block_attribute("@@index([a], where: {})").arg("where")
    assert where.entries == () and sp(where) == L3(23, 25)


def test_prisma7_partial_index_fixture() -> None:
    schema = parse_path(PRISMA7)
    (account,) = schema.models
    unique, where_index, raw_index = account.attributes
    entries = unique.arg("where").entries
    assert [(e.name, e.value.value) for e in entries] == [("deletedAt", "null")]
    entries = where_index.arg("where").entries
    assert [(e.name, e.value.value) for e in entries] == [("active", "true"), ("deletedAt", "null")]
    assert where_index.arg("map").value == "Account_email_active_idx"
    raw = raw_index.arg("where")
    assert raw.name == "raw" and raw.args[0].value.value == '"deletedAt" IS NULL'


# ------------------------------------------------------------------------------------------------------
# Literals
# ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, number",
    [("-1", -1), ("0", 0), ("12.50", 12.5), ("-0.5", -0.5), ("3.14159", 3.14159), ("007", 7)],
)
def test_numbers_are_kept_as_written(written: str, number) -> None:
    value = field_with(f"@default({written})").attributes[0].arg()
    assert isinstance(value, NumberValue) and value.kind == "number"
    assert value.value == written
    assert value.number == number and type(value.number) is type(number)
    assert sp(value) == L2(18, 18 + len(written))


def test_string_escapes_are_decoded() -> None:
    source = r'"a\"b\\n\u00e9"'  # a, \", b, \\, n, \u00e9
    value = field_with(f"@default({source})").attributes[0].arg()
    assert isinstance(value, StringValue) and value.kind == "string"
    assert value.value == 'a"b\\né'
    assert sp(value) == L2(18, 18 + len(source))


@pytest.mark.parametrize(
    "source, decoded",
    [
        (r'"\n\t\r\/\b\f"', "\n\t\r/\b\f"),
        (r'"\ud83d\ude00"', "\U0001F600"),
        ('"plain é 名"', "plain é 名"),
        ('""', ""),
        (r'"\\"', "\\"),
    ],
)
def test_string_escape_table(source: str, decoded: str) -> None:
    assert field_with(f"@default({source})").attributes[0].arg().value == decoded


@pytest.mark.parametrize("word", ["true", "false", "null"])
def test_booleans_and_null_are_constants(word: str) -> None:
    value = field_with(f"@default({word})").attributes[0].arg()
    assert value == ConstantValue(word, value.span)
    assert sp(value) == L2(18, 18 + len(word))


# ------------------------------------------------------------------------------------------------------
# Comments
# ------------------------------------------------------------------------------------------------------

DOCUMENTED = (
    "/// Model doc\n"  # 0..14
    "/// second line\n"  # 14..30
    "model A {\n"  # 30..40
    "  /// field doc\n"  # 40..56
    "  id Int @id /// trailing doc\n"  # 56..86
    "  name String // plain comment\n"  # 86..117
    "  other Int\n"  # 117..129
    "}\n"  # 129..131
    "\n"  # 131..132
    "/// enum doc\n"  # 132..145
    "enum E {\n"
    "  /// value doc\n"
    "  X // value comment\n"
    "  Y /// value trailing doc\n"
    "}\n"
)


def test_documentation_comments() -> None:
    schema = parse(DOCUMENTED)
    model, enum = schema.blocks
    assert model.documentation == "Model doc\nsecond line"
    id_, name, other = model.fields
    assert id_.documentation == "field doc\ntrailing doc" and id_.comment is None
    assert name.documentation is None and name.comment == "plain comment"
    assert other.documentation is None and other.comment is None
    # The trailing comment is not part of the field's span.
    assert sp(name) == (6, 3, 6, 14, 88, 99)
    assert enum.documentation == "enum doc"
    x, y = enum.values
    assert x.documentation == "value doc" and x.comment == "value comment"
    assert y.documentation == "value trailing doc" and y.comment is None


def test_comments_are_kept_on_the_schema() -> None:
    schema = parse(DOCUMENTED)
    assert all(isinstance(c, Comment) and c.kind == "comment" for c in schema.comments)
    texts = [(c.text, c.doc, c.block) for c in schema.comments]
    assert texts[:5] == [
        (" Model doc", True, False),
        (" second line", True, False),
        (" field doc", True, False),
        (" trailing doc", True, False),
        (" plain comment", False, False),
    ]
    assert sp(schema.comments[0]) == (1, 1, 1, 14, 0, 13)
    assert sp(schema.comments[3]) == (5, 14, 5, 30, 69, 85)
    assert sp(schema.comments[4]) == (6, 15, 6, 31, 100, 116)


def test_documentation_of_properties() -> None:
    (ds,) = parse('/// ds\ndatasource db {\n  /// the provider\n  provider = "x" // note\n}\n').blocks
    assert ds.documentation == "ds"
    (provider,) = ds.properties
    assert provider.documentation == "the provider" and provider.comment == "note"


def test_block_comments() -> None:
    text = "/* head\n   more */\nmodel A {\n  id Int /* after */\n  /* own line */\n}\n"
    schema = parse(text)
    (model,) = schema.blocks
    head, after, own = schema.comments
    assert (head.text, head.block, head.doc) == (" head\n   more ", True, False)
    assert sp(head) == (1, 1, 2, 11, 0, 18)
    # line 4 starts at offset 29
    assert (after.text, after.block) == (" after ", True)
    assert sp(after) == (4, 10, 4, 21, 38, 49)
    assert (own.text, own.block) == (" own line ", True)
    assert sp(own) == (5, 3, 5, 17, 52, 66)
    (id_,) = model.fields
    assert id_.comment == "after"
    assert sp(id_) == (4, 3, 4, 9, 31, 37)
    assert sp(model) == (3, 1, 6, 2, 19, 68)


def test_block_comments_fixture() -> None:
    schema = parse_path(FIXTURES / "schemas" / "valid" / "block_comments.prisma")
    assert [c.block for c in schema.comments] == [True, True, True, True, True]
    assert [m.name for m in schema.models] == ["Post"]


# ------------------------------------------------------------------------------------------------------
# Identifiers, whitespace and line endings
# ------------------------------------------------------------------------------------------------------


def test_non_ascii_identifiers_columns_in_characters_offsets_in_bytes() -> None:
    text = "model Café {\n  naïve String\n  名字 Int\n}\n"
    model = only_block(text)
    assert model.name == "Café"
    assert sp(model.name_span) == (1, 7, 1, 11, 6, 11)
    naive, mingzi = model.fields
    assert naive.name == "naïve"
    assert sp(naive.name_span) == (2, 3, 2, 8, 16, 22)
    assert sp(naive.type_span) == (2, 9, 2, 15, 23, 29)
    assert sp(naive) == (2, 3, 2, 15, 16, 29)
    assert mingzi.name == "名字"
    assert sp(mingzi.name_span) == (3, 3, 3, 5, 32, 38)
    assert sp(mingzi.type_span) == (3, 6, 3, 9, 39, 42)
    assert sp(model) == (1, 1, 4, 2, 0, 44)
    data = text.encode("utf-8")
    assert data[naive.span.start_offset : naive.span.end_offset].decode() == "naïve String"
    assert data[mingzi.name_span.start_offset : mingzi.name_span.end_offset].decode() == "名字"


def test_non_ascii_in_strings_and_comments_shifts_byte_offsets() -> None:
    text = 'model A {\n  a String @default("é") // ünï\n  b Int\n}\n'
    a, b = only_block(text).fields
    # `"é"` is 3 characters and 4 bytes.
    assert sp(a.attributes[0].arg()) == (2, 21, 2, 24, 30, 34)
    assert a.comment == "ünï"
    # line 3 starts at character 42, byte 45 (é, ü and ï take two bytes each).
    assert sp(b) == (3, 3, 3, 8, 47, 52)


@pytest.mark.parametrize("keyword", ["type", "model", "enum", "view", "datasource", "generator"])
def test_keywords_as_field_names(keyword: str) -> None:
    model = only_block(f"model A {{\n  {keyword} String\n}}\n")
    (f,) = model.fields
    assert f.name == keyword and f.type == "String"
    assert sp(f.name_span) == (2, 3, 2, 3 + len(keyword), 12, 12 + len(keyword))


def test_keywords_as_enum_values() -> None:
    enum = only_block("enum Kind {\n  model\n  type\n  view\n}\n")
    assert [v.name for v in enum.values] == ["model", "type", "view"]


def test_crlf_line_endings() -> None:
    text = "model A {\r\n  id Int @id // c\r\n}\r\n"
    model = only_block(text)
    (id_,) = model.fields
    assert sp(id_) == (2, 3, 2, 13, 13, 23)
    assert id_.comment == "c"
    # line 2 is `  id Int @id // c\r\n`, 19 characters: line 3 starts at offset 30.
    assert sp(model) == (1, 1, 3, 2, 0, 31)
    assert parse(text).comments[0].text == " c"


def test_lone_carriage_returns_are_line_breaks() -> None:
    model = only_block("model A {\r  id Int\r}\r")
    assert sp(model.fields[0]) == (2, 3, 2, 9, 12, 18)
    assert sp(model) == (1, 1, 3, 2, 0, 20)


def test_tabs_count_as_one_column() -> None:
    model = only_block("model A {\n\tid\tInt\t@id\n}\n")
    (id_,) = model.fields
    assert sp(id_.name_span) == (2, 2, 2, 4, 11, 13)
    assert sp(id_.type_span) == (2, 5, 2, 8, 14, 17)
    assert sp(id_.attributes[0]) == (2, 9, 2, 12, 18, 21)
    assert sp(id_) == (2, 2, 2, 12, 11, 21)


def test_no_final_newline() -> None:
    model = only_block("model A {\n  id Int\n}")
    assert sp(model) == (1, 1, 3, 2, 0, 20)
    enum = only_block("enum E {\n  A\n}")
    assert sp(enum) == (1, 1, 3, 2, 0, 14)


def test_byte_order_mark_is_rejected() -> None:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse("\ufeffmodel A {\n  id Int\n}\n", "bom.prisma")
    error = raised.value
    assert (error.path, error.line, error.column) == ("bom.prisma", 1, 1)
    assert "byte-order mark" in error.message
    assert len(error.errors) == 1


# ------------------------------------------------------------------------------------------------------
# Prisma's quirks
# ------------------------------------------------------------------------------------------------------


def test_keyword_run_into_the_block_name() -> None:
    model = only_block("modelUser {\n  id Int\n}\n")
    assert isinstance(model, Model) and model.name == "User"
    assert sp(model.name_span) == (1, 6, 1, 10, 5, 9)
    assert sp(model) == (1, 1, 3, 2, 0, 22)
    enum = only_block("enumColor {\n  RED\n}\n")
    assert isinstance(enum, Enum) and enum.name == "Color"


def test_text_after_the_opening_brace_is_a_comment() -> None:
    schema = parse("model A { junk here @@ (\n  id Int\n}\n")
    (model,) = schema.blocks
    assert [f.name for f in model.fields] == ["id"]
    (comment,) = schema.comments
    assert comment.text == "junk here @@ ("
    assert sp(comment) == (1, 11, 1, 25, 10, 24)
    assert model.documentation is None


def test_space_after_at_sign() -> None:
    model = only_block("model A {\n  id Int @ id\n  @@ map(\"a\")\n}\n")
    (attribute,) = model.fields[0].attributes
    assert attribute.name == "id"
    assert sp(attribute) == sp(attribute.name_span) == (2, 10, 2, 14, 19, 23)
    assert model.attributes[0].name == "map"
    assert model.database_name == "a"


def test_space_before_question_mark() -> None:
    (f,) = only_block("model A {\n  age Int   ?\n}\n").fields
    assert f.optional and sp(f.type_span) == (2, 7, 2, 14, 16, 23)


# ------------------------------------------------------------------------------------------------------
# Schema folders
# ------------------------------------------------------------------------------------------------------


def test_schema_folder(tmp_path: Path) -> None:
    tmp_path = tmp_path / "schema"  # Prisma's multi-file layout: a folder named `schema`
    tmp_path.mkdir()
    (tmp_path / "a.prisma").write_text('datasource db {\n  provider = "postgresql"\n}\n', encoding="utf-8")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "user.prisma").write_text(
        "model User {\n  id Int @id\n  role Role\n}\n", encoding="utf-8"
    )
    (tmp_path / "models" / "role.prisma").write_text("enum Role {\n  A\n}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a schema", encoding="utf-8")
    schema = parse_path(tmp_path)
    a = str(tmp_path / "a.prisma")
    role_file = str(tmp_path / "models" / "role.prisma")
    user_file = str(tmp_path / "models" / "user.prisma")
    assert schema.files == (a, role_file, user_file)
    ds, role, user = schema.blocks
    assert ds.span.file == a and ds.properties[0].span.file == a
    assert role.span.file == role_file and role.values[0].span.file == role_file
    assert user.span.file == user_file and user.fields[0].attributes[0].span.file == user_file
    assert user.name_span.file == user_file
    # Spans are per file: each file's first block starts at line 1, offset 0.
    assert sp(user) == (1, 1, 4, 2, 0, 39) and sp(role) == (1, 1, 3, 2, 0, 17)
    assert schema.resolve_type(user.field("role")) is role


def test_parse_path_and_lint_paths_agree_on_folders(tmp_path: Path) -> None:
    """One rule for both: a `schema` folder is one schema; any other folder holds the schemas found in it."""
    from prisma_lint import lint_paths
    from prisma_lint.config import config_from_dict

    services = tmp_path / "services"
    for name in ("billing", "claims"):
        (services / name / "prisma").mkdir(parents=True)
        (services / name / "prisma" / "schema.prisma").write_text(f"model {name.title()} {{\n  id Int @id\n}}\n")
    none = config_from_dict({"extends": "none", "select": []})
    assert len(lint_paths([services], none).units) == 2
    with pytest.raises(ValueError, match="holds 2 schemas"):
        parse_path(services)
    billing = services / "billing"
    assert len(lint_paths([billing], none).units) == 1
    assert [b.name for b in parse_path(billing).blocks] == ["Billing"]
    split = tmp_path / "split" / "prisma" / "schema"
    split.mkdir(parents=True)
    (split / "a.prisma").write_text("model A {\n  id Int @id\n  b B\n}\n")
    (split / "b.prisma").write_text("enum B {\n  X\n}\n")
    assert len(lint_paths([tmp_path / "split"], none).units) == 1
    assert [b.name for b in parse_path(tmp_path / "split").blocks] == ["A", "B"]


def test_schema_folder_reports_errors_of_every_file(tmp_path: Path) -> None:
    tmp_path = tmp_path / "schema"
    tmp_path.mkdir()
    (tmp_path / "a.prisma").write_text("model A {\n  id Int\n  bad line here\n}\n", encoding="utf-8")
    (tmp_path / "b.prisma").write_text("model B {\n  id Int\n}\n", encoding="utf-8")
    (tmp_path / "c.prisma").write_text("junk\n", encoding="utf-8")
    with pytest.raises(PrismaSyntaxError) as raised:
        parse_path(tmp_path)
    found = [(Path(e.path).name, e.line, e.column) for e in raised.value.errors]
    assert found == [("a.prisma", 3, 12), ("c.prisma", 1, 1)]
    assert raised.value.path == str(tmp_path / "a.prisma")


def test_single_file_span_file_is_the_path() -> None:
    path = FIXTURES / "schemas" / "valid" / "views.prisma"
    schema = parse_path(path)
    assert schema.files == (str(path),)
    assert all(b.span.file == str(path) for b in schema.blocks)
    assert parse("model A {\n  id Int\n}\n", "x.prisma").blocks[0].span.file == "x.prisma"


def test_missing_path() -> None:
    with pytest.raises(FileNotFoundError):
        parse_path(FIXTURES / "does-not-exist.prisma")


# ------------------------------------------------------------------------------------------------------
# Resolution helpers
# ------------------------------------------------------------------------------------------------------

RELATIONAL = """
model User {
  id    Int    @id @default(autoincrement())
  email String @unique(map: "user_email")
  role  Role
  posts Post[]
  home  Address?
  note  Unsupported("x")?
  other Nowhere

  @@map("users")
}

model Post {
  id       Int
  slug     String
  authorId Int
  author   User @relation("Authored", fields: [authorId], references: [id], onDelete: Cascade, onUpdate: Restrict, map: "post_author")

  @@id([id, slug], map: "post_pk")
  @@unique([slug, authorId], name: "slugPerAuthor")
  @@index([authorId(sort: Desc)], map: "post_author_idx")
  @@fulltext([slug])
}

model Keyless {
  a Int
}

view Stats {
  id Int @unique
}

type Address {
  street String
}

enum Role {
  A
}
"""


def test_resolve_type() -> None:
    schema = parse(RELATIONAL)
    user = schema.model("User")
    assert schema.resolve_type(user.field("id")) == "Int"
    assert schema.resolve_type(user.field("role")) is schema.enum("Role")
    assert schema.resolve_type(user.field("posts")) is schema.model("Post")
    assert schema.resolve_type(user.field("home")) is schema.types[0]
    assert schema.resolve_type(user.field("note")) == "Unsupported"
    assert schema.resolve_type(user.field("other")) is None
    assert schema.declaration("Stats") is schema.views[0]
    assert schema.model("Role") is None and schema.enum("User") is None


def test_relation_helper() -> None:
    post = parse(RELATIONAL).model("Post")
    relation = post.field("author").relation
    assert (relation.name, relation.fields, relation.references) == ("Authored", ("authorId",), ("id",))
    assert (relation.on_delete, relation.on_update, relation.map) == ("Cascade", "Restrict", "post_author")
    assert post.relation_fields == [post.field("author")]


def test_primary_keys() -> None:
    schema = parse(RELATIONAL)
    user_pk = schema.model("User").primary_key
    assert (user_pk.type, user_pk.fields, user_pk.field) == ("id", ("id",), schema.model("User").field("id"))
    post_pk = schema.model("Post").primary_key
    assert (post_pk.type, post_pk.fields, post_pk.map, post_pk.field) == ("id", ("id", "slug"), "post_pk", None)
    assert schema.model("Keyless").primary_key is None


def test_indexes_and_unique_criteria() -> None:
    schema = parse(RELATIONAL)
    user, post = schema.model("User"), schema.model("Post")
    assert [(i.type, i.fields, i.map) for i in user.indexes] == [
        ("id", ("id",), None),
        ("unique", ("email",), "user_email"),
    ]
    assert [(i.type, i.fields, i.name, i.map) for i in post.indexes] == [
        ("id", ("id", "slug"), None, "post_pk"),
        ("unique", ("slug", "authorId"), "slugPerAuthor", None),
        ("index", ("authorId",), None, "post_author_idx"),
        ("fulltext", ("slug",), None, None),
    ]
    assert user.unique_criteria == [("id",), ("email",)]
    assert post.unique_criteria == [("id", "slug"), ("slug", "authorId")]
    assert schema.views[0].unique_criteria == [("id",)]


def test_index_name_argument_is_its_database_name() -> None:
    """`@@index([...], name: "x")` is the spelling before `map:`; Prisma still accepts it on `@@index`,
    where it names the database index (DMMF's dbName). On `@@unique`/`@@id`, `name:` is the client name."""
    model = parse('model A {\n  id Int @id\n  b  Int\n  c  Int\n  @@index([b], name: "a_b")\n'
                  '  @@index([c], map: "a_c", name: "ignored")\n  @@unique([b, c], name: "bc")\n}\n').models[0]
    assert [(i.type, i.name, i.map) for i in model.indexes] == [
        ("id", None, None), ("index", None, "a_b"), ("index", None, "a_c"), ("unique", "bc", None)]
    assert [v.value if (v := i.database_name_value()) else None for i in model.indexes] == [None, "a_b", "a_c", None]


def test_database_name_and_ignore() -> None:
    schema = parse(RELATIONAL)
    assert schema.model("User").database_name == "users"
    assert schema.model("Post").database_name == "Post"
    assert not schema.model("User").is_ignored
    assert parse("model A {\n  id Int\n  @@map(name: \"aa\")\n  @@ignore\n}\n").blocks[0].database_name == "aa"
    assert parse("model A {\n  id Int\n  @@ignore\n}\n").blocks[0].is_ignored
    user = schema.model("User")
    assert user.block_attributes("map") == [user.attribute("map")]


# ------------------------------------------------------------------------------------------------------
# Syntax errors
# ------------------------------------------------------------------------------------------------------


def test_several_errors_in_one_file_are_all_reported() -> None:
    text = "model A {\n  a Int\n  b b b\n  c Int\n  d d d\n}\n\njunk\n\nenum E {\n  X, Y\n}\n"
    with pytest.raises(PrismaSyntaxError) as raised:
        parse(text, "s.prisma")
    error = raised.value
    assert [(e.line, e.column) for e in error.errors] == [(3, 7), (5, 7), (8, 1), (11, 4)]
    assert all(e.path == "s.prisma" for e in error.errors)
    assert error.errors[0].message.startswith("This line is not a valid field or attribute definition.")
    assert error.errors[2].message == "This line is invalid. It does not start with any known Prisma schema keyword."
    assert error.errors[3].message.startswith("This line is not an enum value definition.")
    assert (error.path, error.line, error.column, error.message) == ("s.prisma", 3, 7, error.errors[0].message)


def test_error_string_shows_the_line_and_a_caret() -> None:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse('datasource db {\n  provider: "x"\n}\n', "db.prisma")
    text = str(raised.value)
    lines = text.split("\n")
    assert lines[0].startswith("db.prisma:2:11: This line is not a valid definition within a datasource.")
    assert lines[1] == '    provider: "x"'
    assert lines[2] == "            ^"
    assert lines[2].index("^") == lines[1].index(":")


def test_error_caret_lines_up_under_tabs() -> None:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse("model A {\n\tid\tInt\t#\n}\n")
    (error,) = raised.value.errors
    assert (error.line, error.column) == (2, 9)
    source, caret = str(error).split("\n")[1:]
    assert caret == "  \t  \t   \t^"
    assert source == "  \tid\tInt\t#"


def test_error_without_a_path_says_string() -> None:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse("junk\n")
    assert raised.value.path is None
    assert str(raised.value).startswith("<string>:1:1: This line is invalid.")


def test_unclosed_block() -> None:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse("model A {\n  id Int\n")
    assert (raised.value.line, raised.value.column) == (1, 1)
    assert "never closed" in raised.value.message


def test_syntax_error_is_a_value_error() -> None:
    assert issubclass(PrismaSyntaxError, ValueError)
    with pytest.raises(ValueError):
        parse("model {\n}\n")


def test_parse_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        parse(b"model A {\n}\n")  # type: ignore[arg-type]


def test_invalid_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.prisma"
    path.write_bytes(b"model A {\n  caf\xe9 Int\n}\n")
    with pytest.raises(PrismaSyntaxError) as raised:
        parse_path(path)
    assert (raised.value.line, raised.value.column) == (2, 6)
    assert "UTF-8" in raised.value.message


# Our message differs from Prisma's for these fixtures; each is reported to the parser's owner.
KNOWN_MESSAGE_DIFFERENCES: dict[str, str] = {}  # fixture name -> why our first message differs from Prisma's


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            p,
            marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=KNOWN_MESSAGE_DIFFERENCES[p.name]),
        )
        if p.name in KNOWN_MESSAGE_DIFFERENCES
        else p
        for p in INVALID
    ],
    ids=lambda p: p.name,
)
def test_invalid_fixture_raises_prismas_message(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    expected = EXPECTED_MESSAGE.findall(text)[-1]
    with pytest.raises(PrismaSyntaxError) as raised:
        parse(text, str(path))
    error = raised.value
    assert error.path == str(path) and error.line >= 1 and error.column >= 1
    if path.name == "byte_order_mark.prisma":
        # By design we name the actual cause (Prisma reports the first line as junk).
        assert (error.line, error.column) == (1, 1) and "byte-order mark" in error.message
        return
    assert error.message == expected or error.message.startswith(expected), (error.message, expected)


def test_invalid_fixtures_exist() -> None:
    assert len(INVALID) >= 10


# ------------------------------------------------------------------------------------------------------
# Every valid fixture: parses, and every span points at its own text
# ------------------------------------------------------------------------------------------------------


def _walk(node):
    """Every node under `node` (dataclass instances), depth first."""
    if isinstance(node, tuple):
        for item in node:
            yield from _walk(item)
    elif is_dataclass(node) and not isinstance(node, (Span, type)):
        yield node
        for f in dataclass_fields(node):
            yield from _walk(getattr(node, f.name))


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and character column of a byte offset, with `\\r\\n`, `\\r` and `\\n` as line breaks."""
    before = data[:offset].decode("utf-8")
    lines = re.split(r"\r\n|\r|\n", before)
    return len(lines), len(lines[-1]) + 1


@pytest.mark.parametrize("path", [*VALID, PRISMA7, *PLATFORM], ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_span_is_consistent_with_the_text(path: Path) -> None:
    data = path.read_bytes()
    schema = parse_path(path)
    assert schema.blocks
    spans = 0
    for node in _walk(schema):
        for name in ("span", "name_span", "type_span"):
            s = getattr(node, name, None)
            if s is None:
                continue
            spans += 1
            assert s.file == str(path)
            assert 0 <= s.start_offset <= s.end_offset <= len(data)
            assert _position(data, s.start_offset) == (s.start_line, s.start_column), (node.kind, name, s)
            assert _position(data, s.end_offset) == (s.end_line, s.end_column), (node.kind, name, s)
            source = data[s.start_offset : s.end_offset].decode("utf-8")
            node_name = getattr(node, "name", None)
            if name == "name_span" and node.kind != "attribute":
                assert source == node_name
            if name == "span" and node.kind == "comment":
                assert source.endswith(node.text + ("*/" if node.block else ""))
    assert spans > 0


def test_node_text_at_spans_in_one_file() -> None:
    text = 'model A {\n  x String @default("v") @db.VarChar(10)\n  @@index([x(sort: Asc)], map: "i")\n}\n'
    schema = parse(text)
    (model,) = schema.blocks
    (x,) = model.fields
    default, varchar = x.attributes
    (index,) = model.attributes
    for node, source in [
        (x, 'x String @default("v") @db.VarChar(10)'),
        (default, '@default("v")'),
        (varchar, "@db.VarChar(10)"),
        (index, '@@index([x(sort: Asc)], map: "i")'),
        (index.args[0].value, "[x(sort: Asc)]"),
        (index.args[1], 'map: "i"'),
        (model, text.rstrip("\n")),
    ]:
        assert text[node.span.start_offset : node.span.end_offset] == source


# ------------------------------------------------------------------------------------------------------
# JSON
# ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*VALID, PRISMA7], ids=lambda p: p.name)
def test_json_dump_round_trips(path: Path) -> None:
    schema = parse_path(path)
    dumped = dump_json(schema)
    loaded = schema_adapter().validate_json(dumped)
    assert isinstance(loaded, Schema)
    assert loaded == schema
    assert [type(b) for b in loaded.blocks] == [type(b) for b in schema.blocks]
    data = json.loads(dumped)
    assert data["kind"] == "schema"
    assert [b["kind"] for b in data["blocks"]] == [b.kind for b in schema.blocks]


def test_json_dump_of_non_ascii_and_objects() -> None:
    schema = parse('model Café {\n  x String @default("é\\n")\n  @@index([x], where: { y: { z: -1.5 } })\n}\n')
    loaded = schema_adapter().validate_json(dump_json(schema, indent=None))
    assert loaded == schema
    where = loaded.blocks[0].attributes[0].arg("where")
    assert isinstance(where, ObjectValue) and isinstance(where.entries[0].value, ObjectValue)
    assert loaded.blocks[0].fields[0].attributes[0].arg().value == "é\n"


def test_json_schema() -> None:
    document = json.loads(json_schema())
    assert document["type"] == "object"
    assert set(document["properties"]) == {"blocks", "comments", "files", "kind"}
    definitions = document["$defs"]
    for name in ("Model", "View", "CompositeType", "Enum", "Datasource", "Generator", "Field", "Attribute",
                 "Argument", "StringValue", "NumberValue", "ConstantValue", "FunctionCall", "ArrayValue",
                 "ObjectValue", "Comment", "EnumValue", "Property"):
        assert name in definitions, name
    assert set(definitions["Field"]["properties"]) >= {"name", "type", "optional", "list", "attributes", "span"}


def test_package_exports() -> None:
    assert prisma_lint.parse is parse and prisma_lint.parse_path is parse_path
    assert prisma_lint.PrismaSyntaxError is PrismaSyntaxError


# ------------------------------------------------------------------------------------------------------
# Known parser bugs (reported to the parser's owner; strict: they start failing once fixed)
# ------------------------------------------------------------------------------------------------------


def test_error_excerpt_after_a_unicode_line_separator_in_a_comment() -> None:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse("// a\u2028b\njunk\n")
    (error,) = raised.value.errors
    assert (error.line, error.column) == (2, 1)
    assert error.source_line == "junk"


def test_lone_surrogate_in_the_text_is_a_syntax_error() -> None:
    with pytest.raises(PrismaSyntaxError):
        parse('model A {\n  a String // \ud800\n}\n')


def test_surrogate_pair_escape_decodes_the_same_next_to_an_unknown_escape() -> None:
    value = field_with(r'@default("\q\ud83d\ude00")').attributes[0].arg().value
    assert value == "q\U0001F600"


def test_column_names_follow_map() -> None:
    schema = parse(
        'model Visit {\n  id      String @id @map("visit_id")\n  startAt DateTime @map("start_at")\n'
        '  roomId  String\n\n  @@index([startAt, roomId])\n  @@map("visits")\n}\n'
    )
    (visit,) = schema.models
    index = [i for i in visit.indexes if i.type == "index"][0]
    assert index.fields == ("startAt", "roomId")
    assert visit.column_names(index.fields) == ("start_at", "roomId")
    assert visit.field("id").database_name == "visit_id" and visit.database_name == "visits"


# ------------------------------------------------------------------------------------------------------
# The nodes as values: immutable, comparable, hashable, picklable, built by keyword or position
# ------------------------------------------------------------------------------------------------------


def test_nodes_are_immutable_values() -> None:
    import copy
    import dataclasses
    import pickle

    schema = parse_path(PLATFORM[0])
    nodes = list(_walk(schema))
    assert {node.kind for node in nodes} >= {"schema", "model", "enum", "field", "attribute", "argument"}
    for node in nodes:
        if node.kind == "schema":
            continue
        first = dataclass_fields(node)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(node, first, None)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(node, first)
        rebuilt = type(node)(**{f.name: getattr(node, f.name) for f in dataclass_fields(node)})
        assert rebuilt == node and hash(rebuilt) == hash(node) and rebuilt is not node
        assert dataclasses.replace(node, span=None) != node
    assert pickle.loads(pickle.dumps(schema)) == schema
    assert copy.deepcopy(schema) == schema
    field = schema.models[0].fields[0]
    assert Field(field.name, field.type, field.optional, field.list, field.attributes, field.documentation,
                 field.comment, field.span, field.type_span) == field  # the defaults: no legacy form, kind "field"
    with pytest.raises(TypeError, match="missing"):
        Field(field.name)
    assert repr(field).startswith(f"Field(name={field.name!r}, type=")
    # Equality, hash and repr are shared functions, not generated per class: they still keep classes apart
    # and print every field as the dataclass decorator would.
    from prisma_lint.ast.nodes import ConstantValue, StringValue

    assert StringValue("x", None) != ConstantValue("x", None) and StringValue("x", None) != ("x", None, "string")
    assert len({StringValue("x", None), StringValue("x", None), ConstantValue("x", None)}) == 2
    assert repr(StringValue("x", None)) == "StringValue(value='x', span=None, kind='string')"
