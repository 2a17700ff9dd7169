"""Edits for rules to attach to their diagnostics, made from the AST's spans and the file's own text.

Each builder returns `Edit`s at UTF-8 byte offsets (see `prisma_lint.diagnostics`) and copies the file's
own layout where it has to add a line: the indentation of the block's members, a blank line before the
first block attribute (as `prisma format` writes it). Line breaks are written as `\\n`; the fix engine
turns them into the file's line ending. A rule gets its file's text from `ctx.unit.texts[span.file]`
(see `source_text`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from prisma_lint.ast.nodes import Attribute, Span
from prisma_lint.diagnostics import Edit

__all__ = ["source_text", "add_block_attribute", "add_member", "append_attribute", "add_argument",
           "remove_comment", "replace_span", "field_line", "rename_field",
           "rename_enum_value", "is_identifier"]


@lru_cache(maxsize=8)
def _encoded(text: str) -> bytes:
    # Every builder works in bytes; a file is encoded once per lint, not once per diagnostic.
    return text.encode("utf-8")


def source_text(ctx, span: Span) -> Optional[str]:
    """The text of the file `span` is in, from the rule's context (None when the context has none)."""
    unit = getattr(ctx, "unit", None)
    if unit is None:
        return None
    return unit.texts.get(span.file)


def _line_start(data: bytes, offset: int) -> int:
    return data.rfind(b"\n", 0, offset) + 1


def _indent_at(data: bytes, offset: int) -> str:
    start = _line_start(data, offset)
    end = start
    while end < len(data) and data[end] in b" \t":
        end += 1
    return data[start:end].decode("utf-8")


def _closing_brace(data: bytes, block_span: Span) -> int:
    """The offset of the block's `}` (its span ends just after it)."""
    end = data.rfind(b"}", block_span.start_offset, block_span.end_offset)
    if end < 0:
        raise ValueError("block span does not end with `}`")
    return end


def _member_indent(data: bytes, block) -> str:
    members = list(getattr(block, "fields", ())) or list(getattr(block, "values", ()))
    if members:
        return _indent_at(data, members[0].span.start_offset) or "  "
    return "  "


def _insert_line_at_end(data: bytes, block, line: str, blank_before: bool) -> Edit:
    """Insert `line` (without indentation) as the block's last line, just before its `}`."""
    brace = _closing_brace(data, block.span)
    indent = _member_indent(data, block)
    start = _line_start(data, brace)
    if data[start:brace].strip(b" \t"):  # `}` shares its line with content: open a new line before it
        return Edit.insert(brace, ("\n\n" if blank_before else "\n") + indent + line + "\n")
    # Insert at the start of the `}` line; a blank line first when asked and the line above is not blank.
    above = data[_line_start(data, max(start - 1, 0)):max(start - 1, 0)]
    prefix = "\n" if blank_before and above.strip() else ""
    return Edit.insert(start, prefix + indent + line + "\n")


def add_block_attribute(text: str, block, attribute: str) -> Edit:
    """Add a block attribute (`@@index([visitId])`) as the block's last line. The first block attribute
    of a block gets a blank line before it."""
    data = _encoded(text)
    return _insert_line_at_end(data, block, attribute, blank_before=not block.attributes)


def add_member(text: str, block, line: str, after=None) -> Edit:
    """Add a field (or enum value) line after `after` (default: the block's last field), before any block
    attribute."""
    data = _encoded(text)
    members = list(getattr(block, "fields", ())) or list(getattr(block, "values", ()))
    if not members:
        return _insert_line_at_end(data, block, line, blank_before=False)
    last = after if after is not None else max(members, key=lambda m: m.span.end_offset)
    line_end = data.find(b"\n", last.span.end_offset)
    if line_end < 0 or line_end >= _closing_brace(data, block.span):
        return _insert_line_at_end(data, block, line, blank_before=False)
    return Edit.insert(line_end + 1, _member_indent(data, block) + line + "\n")


def append_attribute(node, attribute: str) -> Edit:
    """Add a field (or enum value) attribute after the node's last attribute (or its type): `@map("x")`."""
    return Edit.insert(node.span.end_offset, " " + attribute)


def add_argument(text: str, attribute: Attribute, argument: str) -> Edit:
    """Add a named argument (`onDelete: Cascade`) at the end of an attribute's argument list."""
    data = _encoded(text)
    end = attribute.span.end_offset
    if data[end - 1:end] != b")":
        return Edit.insert(end, f"({argument})")
    if not attribute.args:
        return Edit.insert(end - 1, argument)
    return Edit.insert(attribute.args[-1].span.end_offset, f", {argument}")


def remove_comment(text: str, span: Span) -> Edit:
    """Remove a `//` comment: its whole line when it stands alone, else the comment and the spaces
    before it."""
    data = _encoded(text)
    start = _line_start(data, span.start_offset)
    line_end = data.find(b"\n", span.end_offset)
    end = len(data) if line_end < 0 else line_end + 1
    if not data[start:span.start_offset].strip() and not data[span.end_offset:end].strip():
        if line_end < 0 and start > 0:  # the file's last line, without a final newline: eat the break before
            start -= 2 if data[start - 2:start] == b"\r\n" else 1
        return Edit.delete(start, end)
    begin = span.start_offset
    while begin > start and data[begin - 1] in b" \t":
        begin -= 1
    return Edit.delete(begin, span.end_offset)


def replace_span(span: Span, replacement: str) -> Edit:
    return Edit(span.start_offset, span.end_offset, replacement)


def field_line(block, name: str, type_text: str, attributes: str = "", like=None) -> str:
    """A field line (`createdAt DateTime @default(now())`) aligned like the field `like` (default: the
    block's last field) and its neighbours, as `prisma format` aligns them: the type and the attributes
    start in the same columns when they fit."""
    fields = [f for f in getattr(block, "fields", ()) if f.type_span is not None]
    if not fields:
        return " ".join(part for part in (name, type_text, attributes) if part)
    last = like if like is not None and like.type_span is not None else max(fields, key=lambda f: f.span.end_offset)
    fields = fields[:fields.index(last) + 1] if last in fields else fields
    type_column = last.type_span.start_column - last.span.start_column
    typed = (name.ljust(type_column) if len(name) < type_column else name + " ") + type_text
    if not attributes:
        return typed
    with_attributes = [f for f in fields if f.attributes]
    attributes_column = (with_attributes[-1].attributes[0].span.start_column - with_attributes[-1].span.start_column
                         if with_attributes else 0)
    return (typed.ljust(attributes_column) if len(typed) < attributes_column else typed + " ") + attributes


def is_identifier(name: str) -> bool:
    """Whether `name` can be written as a Prisma name (a rename's target): a letter, then letters, digits
    and `_` (Prisma accepts non-ASCII letters too)."""
    return bool(name) and name[0].isalpha() and all(c.isalnum() or c == "_" for c in name)


def _prefix_span(span: Span, name: str) -> Span:
    """The span of `name` where `span` starts with it."""
    return Span(span.file, span.start_line, span.start_column, span.start_line, span.start_column + len(name),
                span.start_offset, span.start_offset + len(name.encode("utf-8")))


def _rename_aligned(field, new_name: str) -> Edit:
    """Replace a field's name, keeping its type in the column it was in when the new name fits."""
    if field.type_span is None or field.type_span.start_line != field.span.start_line:
        return replace_span(field.name_span, new_name)
    width = field.type_span.start_column - field.span.start_column
    padded = new_name.ljust(width) if len(new_name) < width else new_name + " "
    return Edit(field.span.start_offset, field.type_span.start_offset, padded)


_RELATIONS: list = [None, {}]  # the last schema asked about, and its relation attributes by field type


def _relations_by_type(schema) -> dict[str, list]:
    """Every `@relation` attribute of the schema's models, by the type of its field. Kept for the last
    schema (held, so its id cannot be reused): a rule renames many fields of one schema, and looking
    through every model for each of them made a run with many findings quadratic."""
    if _RELATIONS[0] is not schema:
        index: dict[str, list] = {}
        for model in schema.models:
            for other in model.fields:
                relation_attribute = other.attribute("relation")
                if relation_attribute is not None:
                    index.setdefault(other.type, []).append(relation_attribute)
        _RELATIONS[:] = [schema, index]
    return _RELATIONS[1]


def rename_field(schema, block, field, new_name: str) -> Optional[list[Edit]]:
    """Edits renaming a field everywhere the schema names it: the field itself, this block's index and
    constraint field lists and relation `fields:`, and other models' relation `references:` to it. None
    when a reference is in another file (an edit belongs to one file)."""
    edits = [_rename_aligned(field, new_name)]

    def names_in(value) -> list[Span]:
        spans = []
        for item in getattr(value, "items", ()):
            if getattr(item, "kind", None) == "constant" and item.value == field.name:
                spans.append(item.span)
            elif getattr(item, "kind", None) == "function" and item.name == field.name:  # `title(sort: Desc)`
                spans.append(_prefix_span(item.span, field.name))
        return spans

    spans: list[Span] = []
    for attribute in block.attributes:
        if attribute.name in ("id", "unique", "index", "fulltext"):
            for argument in attribute.args:
                if argument.name in (None, "fields"):
                    spans.extend(names_in(argument.value))
    for other in block.fields:
        relation_attribute = other.attribute("relation")
        if relation_attribute is not None:
            for argument in relation_attribute.args:
                if argument.name == "fields":
                    spans.extend(names_in(argument.value))
    for relation_attribute in _relations_by_type(schema).get(block.name, ()):
        for argument in relation_attribute.args:
            if argument.name == "references":
                spans.extend(names_in(argument.value))
    if any(span.file != field.span.file for span in spans):
        return None
    edits.extend(replace_span(span, new_name) for span in spans)
    return edits


def rename_enum_value(schema, enum, value, new_name: str) -> Optional[list[Edit]]:
    """Edits renaming an enum value and the `@default(VALUE)` of every field of that enum type. None when
    one is in another file."""
    edits = [replace_span(value.name_span, new_name)]
    spans = []
    for block in schema.field_blocks():
        for f in block.fields:
            if f.type != enum.name:
                continue
            default = f.attribute("default")
            expression = default.arg("value", 0) if default is not None else None
            items = getattr(expression, "items", None) if expression is not None else None
            for item in (items if items is not None else [expression] if expression is not None else []):
                if getattr(item, "kind", None) == "constant" and item.value == value.name:
                    spans.append(item.span)
    if any(span.file != value.span.file for span in spans):
        return None
    edits.extend(replace_span(span, new_name) for span in spans)
    return edits
