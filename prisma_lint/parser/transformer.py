"""Grammar rules to AST nodes: one method per rule (or alias) of prisma.lark.

Both parsers call these methods *while* they parse (reader.py, and Lark's LALR parser with `transformer=`),
so no parse tree is ever built: on big schemas that halves the time and the memory. Children arrive as
Lark passes them, punctuation already filtered out (terminals with a leading underscore).

Positions: the lexer gives character offsets; spans want UTF-8 byte offsets. For ASCII text (nearly
every schema) they are the same, so the conversion is only done when the text is not ASCII.
"""

from __future__ import annotations

import bisect
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
    Span,
    StringValue,
    View,
)
from prisma_lint.parser.lexer import _WS_CHARS, LexedComment

__all__ = ["ParseContext", "AstBuilder", "decode_string"]

_NEWLINE = re.compile("\n")
_span = tuple.__new__  # builds a Span without going through its Python-level __new__
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def decode_string(raw: str) -> str:
    """The value of a string literal token (with its quotes), escapes decoded as JSON does. Prisma's
    grammar accepts any escaped character; an escape JSON does not know keeps the character."""
    body = raw[1:-1]
    if "\\" not in body:
        return body
    try:
        return json.loads(raw)
    except ValueError:
        out: list[str] = []
        i = 0
        while i < len(body):
            ch = body[i]
            if ch == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                if nxt == "u" and _is_hex(body[i + 2 : i + 6]):
                    out.append(chr(int(body[i + 2 : i + 6], 16)))
                    i += 6
                    continue
                out.append(_ESCAPES.get(nxt, nxt))
                i += 2
                continue
            out.append(ch)
            i += 1
        # `\ud83d\ude00` escapes arrive as two halves: join pairs as json.loads does.
        return "".join(out).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _is_hex(text: str) -> bool:
    return len(text) == 4 and all(c in "0123456789abcdefABCDEF" for c in text)


# Prisma's parser recognises these old or invalid field forms and rejects each with its own message.
_LEGACY_MESSAGES = {
    None: "This field declaration is invalid. It is either missing a name or a type.",
    "optional_list": "Optional lists are not supported. Use either `Type[]` or `Type?`.",
    "colon": "Field declarations don't require a `:`.",
    "required": "Fields are required by default, `!` is no longer required.",
    "bracket_list": "To specify a list, please use `Type[]` instead of `[Type]`.",
}
_NOT_A_FIELD = "This line is not a valid field or attribute definition."


class ParseContext:
    """Per-file state the callbacks need: the file name, offset conversion, and comments by line."""

    def __init__(self, text: str, path: Optional[str], comments: list[LexedComment]) -> None:
        self.path = path
        self.text = text
        # Syntax problems found while building nodes (forms Prisma's parser recognises and rejects):
        # (line, column, message).
        self.problems: list[tuple[int, int, str]] = []
        self.ascii = text.isascii()
        if not self.ascii:
            # Character offset -> byte offset, by line: byte start of each line plus the bytes of the
            # characters before the offset on that line.
            self._text = text
            self._line_starts = [0]
            self._line_byte_starts = [0]
            last = 0
            total = 0
            for match in _NEWLINE.finditer(text):
                total += len(text[last : match.end()].encode("utf-8"))
                last = match.end()
                self._line_starts.append(last)
                self._line_byte_starts.append(total)
        # Documentation comments alone on their line, by line; trailing comments, by line. The lexer
        # appends to `comments` as it goes; `_index_comments` catches up before each lookup.
        self.attribute_names: dict[str, str] = {}  # `@db.VarChar` -> `db.VarChar`
        self.docs: dict[int, str] = {}
        self.trailing: dict[int, LexedComment] = {}
        self._comments = comments
        self._indexed = 0

    def _index_comments(self) -> None:
        comments = self._comments
        for comment in comments[self._indexed :]:
            if comment.trailing:
                self.trailing.setdefault(comment.line, comment)
            elif comment.doc:
                self.docs[comment.line] = comment.text.strip()
        self._indexed = len(comments)

    def byte(self, offset: int) -> int:
        if self.ascii:
            return offset
        line = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line]
        return self._line_byte_starts[line] + len(self._text[start:offset].encode("utf-8"))

    def documentation_before(self, line: int) -> Optional[str]:
        """The `///` lines directly above `line`, joined; None when there are none."""
        if self._indexed != len(self._comments):
            self._index_comments()
        docs = self.docs
        if line - 1 not in docs:
            return None
        first = line - 1
        while first - 1 in docs:
            first -= 1
        return "\n".join(docs[n] for n in range(first, line))

    def notes(self, line: int, end_line: int) -> tuple[Optional[str], Optional[str]]:
        """(documentation, comment) of a member from `line` to `end_line`: the `///` lines above it and
        a `///` at the end of its last line, joined; a `//` comment at the end of its last line."""
        if self._indexed != len(self._comments):
            self._index_comments()
        documentation = self.documentation_before(line) if line - 1 in self.docs else None
        comment = self.trailing.get(end_line)
        if comment is None:
            return documentation, None
        if not comment.doc:
            return documentation, comment.text.strip()
        if documentation is None:
            return comment.text.strip(), None
        return f"{documentation}\n{comment.text.strip()}", None


class _TypeInfo:
    """What a `field_type` rule read: (name, optional, list, legacy, unsupported, span)."""

    __slots__ = ("values",)

    def __init__(self, values: tuple) -> None:
        self.values = values


class AstBuilder:
    """The callbacks. `ctx` is set by the parser before each parse (parses are serialised by a lock)."""

    ctx: ParseContext

    # -- spans ------------------------------------------------------------------------------------

    # Tokens are tuples (type, value, start, end, line, column): see lexer.Tok.

    def _tok_span(self, tok: tuple) -> Span:
        ctx = self.ctx
        start = tok[2]
        end = tok[3]
        if not ctx.ascii:
            return _span(Span, (ctx.path, tok[4], tok[5], tok[4], tok[5] + end - start, ctx.byte(start), ctx.byte(end)))
        return _span(Span, (ctx.path, tok[4], tok[5], tok[4], tok[5] + end - start, start, end))

    def _tok_to_tok(self, first: tuple, last: tuple) -> Span:
        ctx = self.ctx
        start = first[2]
        end = last[3]
        if not ctx.ascii:
            start = ctx.byte(start)
            end = ctx.byte(end)
        return _span(Span, (ctx.path, first[4], first[5], last[4], last[5] + last[3] - last[2], start, end))

    def _tok_to_span(self, first: tuple, last: Span) -> Span:
        ctx = self.ctx
        start = first[2] if ctx.ascii else ctx.byte(first[2])
        return _span(Span, (ctx.path, first[4], first[5], last[3], last[4], start, last[6]))

    # -- blocks -----------------------------------------------------------------------------------

    def start(self, children: list) -> list:
        return children[0] if children else []

    def _list(self, children: list) -> list:
        """`items: item | items item`: grow one list instead of nesting."""
        if len(children) == 1:
            return children
        head = children[0]
        head.append(children[-1])
        return head

    blocks = members = enum_members = properties = attributes = argument_list = expression_list = _list

    def _field_block(self, cls, children: list):
        keyword, name = children[0], children[1]
        fields = []
        attributes = []
        for member in (children[3] if len(children) == 5 else ()):
            (fields if member.kind == "field" else attributes).append(member)
            if member.kind == "field" and member.type is None and member.legacy is None:
                self.ctx.problems.append((member.span.start_line, member.span.start_column,
                                          f'Error validating {keyword[1]} "{name[1]}": {_LEGACY_MESSAGES[None]}'))
        return cls(
            name[1],
            tuple(fields),
            tuple(attributes),
            self.ctx.documentation_before(keyword[4]),
            self._tok_to_tok(keyword, children[-1]),
            self._tok_span(name),
        )

    def model(self, children: list) -> Model:
        return self._field_block(Model, children)

    def view(self, children: list) -> View:
        return self._field_block(View, children)

    def composite_type(self, children: list) -> CompositeType:
        return self._field_block(CompositeType, children)

    def enum(self, children: list) -> Enum:
        keyword, name = children[0], children[1]
        values = []
        attributes = []
        for member in (children[3] if len(children) == 5 else ()):
            (values if member.kind == "enum_value" else attributes).append(member)
        return Enum(
            name[1],
            tuple(values),
            tuple(attributes),
            self.ctx.documentation_before(keyword[4]),
            self._tok_to_tok(keyword, children[-1]),
            self._tok_span(name),
        )

    def _config_block(self, cls, children: list):
        keyword, name = children[0], children[1]
        return cls(
            name[1],
            tuple(children[3]) if len(children) == 5 else (),
            self.ctx.documentation_before(keyword[4]),
            self._tok_to_tok(keyword, children[-1]),
            self._tok_span(name),
        )

    def datasource(self, children: list) -> Datasource:
        return self._config_block(Datasource, children)

    def generator(self, children: list) -> Generator:
        return self._config_block(Generator, children)

    # -- members ----------------------------------------------------------------------------------

    def field(self, children: list) -> Field:
        name = children[0]
        legacy = None
        count = len(children)
        index = 1
        if count > 1 and isinstance(children[1], tuple):
            legacy = "colon"  # the legacy `name: Type` colon (a token)
            index = 2
        if index < count and type(children[index]) is _TypeInfo:
            type_name, optional, is_list, type_legacy, unsupported, type_span = children[index].values
            if type_legacy is not None:
                legacy = type_legacy
            index += 1
        else:
            type_name = unsupported = type_span = None
            optional = is_list = False
        ctx = self.ctx
        if index < count:
            attributes = tuple(children[index])
            last = attributes[-1].span
        else:
            attributes = ()
            last = type_span or self._tok_span(name)
        if legacy is not None:
            ctx.problems.append((name[4], name[5], _LEGACY_MESSAGES[legacy]))
        documentation, comment = ctx.notes(name[4], last[3])
        start = name[2] if ctx.ascii else ctx.byte(name[2])
        return Field(name[1], type_name, optional, is_list, attributes, documentation, comment,
                     _span(Span, (ctx.path, name[4], name[5], last[3], last[4], start, last[6])), type_span,
                     unsupported, legacy)

    # Field types become _TypeInfo: (name, optional, list, legacy, unsupported, span).

    def base_type(self, children: list) -> tuple:
        tok = children[0]
        if "." in tok[1]:  # a path is not a type name
            self.ctx.problems.append((tok[4], tok[5], f"{_NOT_A_FIELD} `{tok[1]}` is not a type name."))
        return tok[1], None, self._tok_span(tok)

    def unsupported_type(self, children: list) -> tuple:
        name, string, rpar = children
        return name[1], decode_string(string[1]), self._tok_to_tok(name, rpar)

    def _with_suffix(self, base: tuple, last: tuple) -> Span:
        span = base[2]
        ctx = self.ctx
        end = last[3] if ctx.ascii else ctx.byte(last[3])
        return _span(Span, (ctx.path, span[1], span[2], last[4], last[5] + last[3] - last[2], span[5], end))

    def plain_type(self, children: list) -> _TypeInfo:
        name, unsupported, span = children[0]
        return _TypeInfo((name, False, False, None, unsupported, span))

    def list_type(self, children: list) -> _TypeInfo:
        base = children[0]
        return _TypeInfo((base[0], False, True, None, base[1], self._with_suffix(base, children[1])))

    def optional_type(self, children: list) -> _TypeInfo:
        base = children[0]
        return _TypeInfo((base[0], True, False, None, base[1], self._with_suffix(base, children[1])))

    def optional_list_type(self, children: list) -> _TypeInfo:
        base = children[0]
        return _TypeInfo((base[0], True, True, "optional_list", base[1], self._with_suffix(base, children[2])))

    def required_type(self, children: list) -> _TypeInfo:
        base = children[0]
        return _TypeInfo((base[0], False, False, "required", base[1], self._with_suffix(base, children[1])))

    def bracket_list_type(self, children: list) -> _TypeInfo:
        lsqb, base, rsqb = children
        return _TypeInfo((base[0], False, True, "bracket_list", base[1], self._tok_to_tok(lsqb, rsqb)))

    def enum_value(self, children: list) -> EnumValue:
        name = children[0]
        attributes = tuple(children[1]) if len(children) > 1 else ()
        last = attributes[-1].span if attributes else self._tok_span(name)
        documentation, comment = self.ctx.notes(name[4], last[3])
        return EnumValue(name[1], attributes, documentation, comment, self._tok_to_span(name, last))

    def property(self, children: list) -> Property:
        name = children[0]
        value = children[1] if len(children) > 1 else None
        last = value.span if value is not None else self._tok_span(name)
        documentation, comment = self.ctx.notes(name[4], last[3])
        return Property(name[1], value, documentation, comment, self._tok_to_span(name, last))

    # -- attributes and arguments -----------------------------------------------------------------

    def _attribute(self, children: list, block: bool) -> Attribute:
        tok = children[0]
        name_span = self._tok_span(tok)
        name = self.ctx.attribute_names.get(tok[1])  # one string per attribute name, as the lexer does for names
        if name is None:
            name = self.ctx.attribute_names[tok[1]] = (tok[1][2:] if block else tok[1][1:]).lstrip(_WS_CHARS)
        if len(children) == 1:
            return Attribute(name, (), name_span, name_span, block)
        args, rpar = children[1]
        return Attribute(name, args, self._tok_to_tok(tok, rpar), name_span, block)

    def field_attribute(self, children: list) -> Attribute:
        return self._attribute(children, False)

    def block_attribute(self, children: list) -> Attribute:
        return self._attribute(children, True)

    def arguments(self, children: list) -> tuple:
        return (tuple(children[0]) if len(children) == 2 else ()), children[-1]

    def named_argument(self, children: list) -> Argument:
        name, _colon, value = children
        return Argument(name[1], value, self._tok_to_span(name, value.span))

    def empty_argument(self, children: list) -> Argument:
        name, colon = children
        return Argument(name[1], None, self._tok_to_tok(name, colon))

    def positional_argument(self, children: list) -> Argument:
        value = children[0]
        return Argument(None, value, value.span)

    # -- expressions ------------------------------------------------------------------------------

    def string(self, children: list) -> StringValue:
        tok = children[0]
        return StringValue(decode_string(tok[1]), self._tok_span(tok))

    def number(self, children: list) -> NumberValue:
        tok = children[0]
        return NumberValue(tok[1], self._tok_span(tok))

    def constant(self, children: list) -> ConstantValue:
        tok = children[0]
        if tok[1][0].isdigit():  # Prisma reads a leading digit as the start of a number
            self.ctx.problems.append((tok[4], tok[5], f"{_NOT_A_FIELD} `{tok[1]}` is not a valid value."))
        return ConstantValue(tok[1], self._tok_span(tok))

    def function_call(self, children: list) -> FunctionCall:
        name, (args, rpar) = children
        return FunctionCall(name[1], args, self._tok_to_tok(name, rpar))

    def array(self, children: list) -> ArrayValue:
        items = tuple(children[1]) if len(children) == 3 else ()
        return ArrayValue(items, self._tok_to_tok(children[0], children[-1]))

    def empty_array(self, children: list) -> ArrayValue:
        return ArrayValue((), self._tok_span(children[0]))

    def object(self, children: list) -> ObjectValue:
        entries = tuple(children[1]) if len(children) == 3 else ()
        return ObjectValue(entries, self._tok_to_tok(children[0], children[-1]))
