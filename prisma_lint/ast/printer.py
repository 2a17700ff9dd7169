"""Print an AST back as Prisma source, in one canonical layout.

`print_schema(schema)` writes every block of the schema, in order, separated by one blank line:

* members are indented by two spaces; a field is `name Type attributes...` with one space between the
  parts (no column alignment), a property is `name = value`, an enum value is `NAME attributes...`;
  block attributes (`@@...`) follow the fields or values, after a blank line;
* documentation (`///`) is written as `/// line` comments on the lines right before the node it documents,
  one per line of `documentation` (a documentation comment that trailed a member in the source moves
  above it, which is where the parser attaches it anyway);
* a trailing `// comment` of a field, enum value or property (`comment`) is written at the end of its line;
* string literals are written with JSON's escaping rules (the rules the parser decodes them with), so
  `parse(print_schema(schema))` reads back the same values; numbers are written as they were written;
  arrays as `[a, b]`, named arguments as `name: value`, function calls as `name(args)`, objects as
  `{ key: value }`, and an `Unsupported` type as `Unsupported("db type")`, with `?` or `[]` after it.

Not reprinted: plain `//` comments and `/* */` comments that are not the trailing comment of a member
(they live on `Schema.comments`, with positions in the original text that no longer apply), and the
original spacing and alignment. Legacy field forms (`Int[]?`, `Int!`, `[Int]`, `name: Int`) and fields
without a type never come out of a successful parse, so they are printed in their modern form at best
(`legacy` is ignored) and are not meant to round-trip.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from prisma_lint.ast.nodes import (
    Argument,
    ArrayValue,
    Attribute,
    CompositeType,
    ConstantValue,
    Datasource,
    Enum,
    EnumValue,
    Field,
    FunctionCall,
    Generator,
    Model,
    NumberValue,
    ObjectValue,
    Property,
    Schema,
    StringValue,
    View,
)

__all__ = ["print_schema", "print_block", "print_expression", "print_attribute", "print_string"]

INDENT = "  "
_SURROGATE = re.compile("[\ud800-\udfff]")


def print_schema(schema: Schema) -> str:
    """The schema as Prisma source: blocks separated by a blank line, ending with a newline."""
    if not schema.blocks:
        return ""
    return "\n".join(print_block(block) for block in schema.blocks)


def print_string(value: str) -> str:
    """A string literal for `value`: JSON escaping (`"`, `\\`, control characters), other characters
    as they are, except lone surrogates (which only an escape in the source can produce, and which
    cannot be encoded as UTF-8): they are escaped as `\\uXXXX` again."""
    text = json.dumps(value, ensure_ascii=False)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def print_expression(expression) -> str:
    if isinstance(expression, StringValue):
        return print_string(expression.value)
    if isinstance(expression, (NumberValue, ConstantValue)):
        return expression.value
    if isinstance(expression, FunctionCall):
        return f"{expression.name}({_arguments(expression.args)})"
    if isinstance(expression, ArrayValue):
        return "[" + ", ".join(print_expression(item) for item in expression.items) + "]"
    if isinstance(expression, ObjectValue):
        if not expression.entries:
            return "{}"
        return "{ " + _arguments(expression.entries) + " }"
    raise TypeError(f"not an expression node: {expression!r}")


def _argument(argument: Argument) -> str:
    if argument.name is None:
        return print_expression(argument.value)
    if argument.value is None:  # Prisma's empty argument form `name:`
        return f"{argument.name}:"
    return f"{argument.name}: {print_expression(argument.value)}"


def _arguments(args) -> str:
    return ", ".join(_argument(argument) for argument in args)


def print_attribute(attribute: Attribute) -> str:
    marker = "@@" if attribute.block else "@"
    if not attribute.args:
        return f"{marker}{attribute.name}"
    return f"{marker}{attribute.name}({_arguments(attribute.args)})"


def _documentation(documentation: Optional[str], indent: str) -> list[str]:
    if documentation is None:
        return []
    return [f"{indent}///{' ' + line if line else ''}" for line in documentation.split("\n")]


def _with_comment(line: str, comment: Optional[str]) -> str:
    if comment is None:
        return line
    if "\n" in comment or "\r" in comment:  # from a `/* */` comment that ran over several lines
        return f"{line} /* {comment} */"
    return f"{line} //{' ' + comment if comment else ''}"


def _field_type(field: Field) -> str:
    if field.type is None:
        return ""
    text = field.type
    if field.unsupported is not None:
        text = f"{text}({print_string(field.unsupported)})"
    if field.list:
        text += "[]"
    if field.optional:
        text += "?"
    return text


def _field(field: Field) -> list[str]:
    parts = [field.name]
    type_text = _field_type(field)
    if type_text:
        parts.append(type_text)
    parts.extend(print_attribute(attribute) for attribute in field.attributes)
    return [*_documentation(field.documentation, INDENT), _with_comment(INDENT + " ".join(parts), field.comment)]


def _enum_value(value: EnumValue) -> list[str]:
    parts = [value.name, *(print_attribute(attribute) for attribute in value.attributes)]
    return [*_documentation(value.documentation, INDENT), _with_comment(INDENT + " ".join(parts), value.comment)]


def _property(prop: Property) -> list[str]:
    line = f"{INDENT}{prop.name} ="
    if prop.value is not None:
        line += " " + print_expression(prop.value)
    return [*_documentation(prop.documentation, INDENT), _with_comment(line, prop.comment)]


def print_block(block) -> str:
    """One block, with its documentation, ending with a newline."""
    lines = _documentation(block.documentation, "")
    lines.append(f"{block.kind} {block.name} {{")  # each kind is its keyword
    if isinstance(block, (Model, View, CompositeType)):
        for field in block.fields:
            lines.extend(_field(field))
        members_before = bool(block.fields)
        attributes = block.attributes
    elif isinstance(block, Enum):
        for value in block.values:
            lines.extend(_enum_value(value))
        members_before = bool(block.values)
        attributes = block.attributes
    elif isinstance(block, (Datasource, Generator)):
        for prop in block.properties:
            lines.extend(_property(prop))
        members_before = False
        attributes = ()
    else:
        raise TypeError(f"not a block node: {block!r}")
    if attributes:
        if members_before:
            lines.append("")
        lines.extend(INDENT + print_attribute(attribute) for attribute in attributes)
    lines.append("}")
    return "\n".join(lines) + "\n"
