"""Grammar rules to AST nodes: one method per rule (or alias) of prisma.lark.

Lark runs these callbacks *while* it parses (LALR with `transformer=`), so no parse tree is ever built:
on big schemas that halves the time and the memory. Children arrive with punctuation already filtered
out (terminals with a leading underscore).

Positions: the lexer gives character offsets; spans want UTF-8 byte offsets. For ASCII text (nearly
every schema) they are the same, so the conversion is only done when the text is not ASCII.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Optional

from lark import Transformer

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
from prisma_lint.parser.lexer import _WS_CHARS, LexedComment, Tok

__all__ = ["ParseContext", "AstBuilder", "decode_string"]

_NEWLINE = re.compile("\n")
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
        return "".join(out)


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
        # Documentation comments alone on their line, by line; trailing comments, by line.
        self.docs: dict[int, str] = {}
        self.trailing: dict[int, LexedComment] = {}
        for comment in comments:
            if comment.trailing:
                self.trailing.setdefault(comment.line, comment)
            elif comment.doc:
                self.docs[comment.line] = comment.text.strip()

    def byte(self, offset: int) -> int:
        if self.ascii:
            return offset
        line = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line]
        return self._line_byte_starts[line] + len(self._text[start:offset].encode("utf-8"))

    def documentation_before(self, line: int) -> Optional[str]:
        """The `///` lines directly above `line`, joined; None when there are none."""
        docs = self.docs
        if line - 1 not in docs:
            return None
        first = line - 1
        while first - 1 in docs:
            first -= 1
        return "\n".join(docs[n] for n in range(first, line))

    def trailing_comment(self, line: int) -> tuple[Optional[str], Optional[str]]:
        """(documentation, comment) from a comment at the end of `line`."""
        comment = self.trailing.get(line)
        if comment is None:
            return None, None
        if comment.doc:
            return comment.text.strip(), None
        return None, comment.text.strip()


def _join_docs(before: Optional[str], after: Optional[str]) -> Optional[str]:
    if before and after:
        return f"{before}\n{after}"
    return before or after


class AstBuilder(Transformer):
    """The callbacks. `ctx` is set by the parser before each parse (parses are serialised by a lock)."""

    ctx: ParseContext

    # -- spans ------------------------------------------------------------------------------------

    def _tok_span(self, tok: Tok) -> Span:
        ctx = self.ctx
        if ctx.ascii:
            return Span(ctx.path, tok.line, tok.column, tok.line, tok.column + tok.end - tok.start, tok.start, tok.end)
        return Span(ctx.path, tok.line, tok.column, tok.line, tok.column + tok.end - tok.start,
                    ctx.byte(tok.start), ctx.byte(tok.end))

    def _tok_to_tok(self, first: Tok, last: Tok) -> Span:
        ctx = self.ctx
        if ctx.ascii:
            return Span(ctx.path, first.line, first.column, last.line, last.column + last.end - last.start,
                        first.start, last.end)
        return Span(ctx.path, first.line, first.column, last.line, last.column + last.end - last.start,
                    ctx.byte(first.start), ctx.byte(last.end))

    def _tok_to_span(self, first: Tok, last: Span) -> Span:
        ctx = self.ctx
        start = first.start if ctx.ascii else ctx.byte(first.start)
        return Span(ctx.path, first.line, first.column, last.end_line, last.end_column, start, last.end_offset)

    # -- blocks -----------------------------------------------------------------------------------

    def start(self, children: list) -> list:
        return children

    def _field_block(self, cls, children: list):
        keyword, name = children[0], children[1]
        fields = []
        attributes = []
        for member in children[3:-1]:
            (fields if member.kind == "field" else attributes).append(member)
        return cls(
            name.value,
            tuple(fields),
            tuple(attributes),
            self.ctx.documentation_before(keyword.line),
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
        for member in children[3:-1]:
            (values if member.kind == "enum_value" else attributes).append(member)
        return Enum(
            name.value,
            tuple(values),
            tuple(attributes),
            self.ctx.documentation_before(keyword.line),
            self._tok_to_tok(keyword, children[-1]),
            self._tok_span(name),
        )

    def _config_block(self, cls, children: list):
        keyword, name = children[0], children[1]
        return cls(
            name.value,
            tuple(children[3:-1]),
            self.ctx.documentation_before(keyword.line),
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
        index = 1
        if len(children) > 1 and type(children[1]) is Tok:  # the legacy `name: Type` colon
            legacy = "colon"
            index = 2
        type_name = None
        optional = is_list = False
        unsupported = None
        type_span = None
        if index < len(children) and type(children[index]) is tuple:
            type_name, optional, is_list, type_legacy, unsupported, type_span = children[index]
            legacy = type_legacy or legacy
            index += 1
        attributes = tuple(children[index:])
        if legacy is not None or type_name is None:
            self.ctx.problems.append((name.line, name.column, _LEGACY_MESSAGES[legacy]))
        name_span = self._tok_span(name)
        last = attributes[-1].span if attributes else (type_span or name_span)
        ctx = self.ctx
        doc_after, comment = ctx.trailing_comment(last.end_line)
        return Field(
            name.value,
            type_name,
            optional,
            is_list,
            attributes,
            _join_docs(ctx.documentation_before(name.line), doc_after),
            comment,
            self._tok_to_span(name, last),
            name_span,
            type_span,
            unsupported,
            legacy,
        )

    # Field types become plain tuples: (name, optional, list, legacy, unsupported, span).

    def base_type(self, children: list) -> tuple:
        tok = children[0]
        if "." in tok.value:  # a path is not a type name
            self.ctx.problems.append((tok.line, tok.column, f"{_NOT_A_FIELD} `{tok.value}` is not a type name."))
        return tok.value, None, self._tok_span(tok)

    def unsupported_type(self, children: list) -> tuple:
        name, string, rpar = children
        return name.value, decode_string(string.value), self._tok_to_tok(name, rpar)

    def _with_suffix(self, base: tuple, last: Tok) -> Span:
        span = base[2]
        ctx = self.ctx
        end = last.end if ctx.ascii else ctx.byte(last.end)
        return Span(ctx.path, span.start_line, span.start_column, last.line,
                    last.column + last.end - last.start, span.start_offset, end)

    def plain_type(self, children: list) -> tuple:
        name, unsupported, span = children[0]
        return name, False, False, None, unsupported, span

    def list_type(self, children: list) -> tuple:
        base = children[0]
        return base[0], False, True, None, base[1], self._with_suffix(base, children[1])

    def optional_type(self, children: list) -> tuple:
        base = children[0]
        return base[0], True, False, None, base[1], self._with_suffix(base, children[1])

    def optional_list_type(self, children: list) -> tuple:
        base = children[0]
        return base[0], True, True, "optional_list", base[1], self._with_suffix(base, children[2])

    def required_type(self, children: list) -> tuple:
        base = children[0]
        return base[0], False, False, "required", base[1], self._with_suffix(base, children[1])

    def bracket_list_type(self, children: list) -> tuple:
        lsqb, base, rsqb = children
        return base[0], False, True, "bracket_list", base[1], self._tok_to_tok(lsqb, rsqb)

    def enum_value(self, children: list) -> EnumValue:
        name = children[0]
        attributes = tuple(children[1:])
        name_span = self._tok_span(name)
        last = attributes[-1].span if attributes else name_span
        ctx = self.ctx
        doc_after, comment = ctx.trailing_comment(last.end_line)
        return EnumValue(
            name.value,
            attributes,
            _join_docs(ctx.documentation_before(name.line), doc_after),
            comment,
            self._tok_to_span(name, last),
            name_span,
        )

    def property(self, children: list) -> Property:
        name = children[0]
        value = children[1] if len(children) > 1 else None
        name_span = self._tok_span(name)
        last = value.span if value is not None else name_span
        ctx = self.ctx
        doc_after, comment = ctx.trailing_comment(last.end_line)
        return Property(
            name.value,
            value,
            _join_docs(ctx.documentation_before(name.line), doc_after),
            comment,
            self._tok_to_span(name, last),
            name_span,
        )

    # -- attributes and arguments -----------------------------------------------------------------

    def _attribute(self, children: list, block: bool) -> Attribute:
        tok = children[0]
        name_span = self._tok_span(tok)
        name = (tok.value[2:] if block else tok.value[1:]).lstrip(_WS_CHARS)
        if len(children) == 1:
            return Attribute(name, (), name_span, name_span, block)
        args, rpar = children[1]
        return Attribute(name, args, self._tok_to_tok(tok, rpar), name_span, block)

    def field_attribute(self, children: list) -> Attribute:
        return self._attribute(children, False)

    def block_attribute(self, children: list) -> Attribute:
        return self._attribute(children, True)

    def arguments(self, children: list) -> tuple:
        return tuple(children[:-1]), children[-1]

    def named_argument(self, children: list) -> Argument:
        name, _colon, value = children
        return Argument(name.value, value, self._tok_to_span(name, value.span))

    def empty_argument(self, children: list) -> Argument:
        name, colon = children
        return Argument(name.value, None, self._tok_to_tok(name, colon))

    def positional_argument(self, children: list) -> Argument:
        value = children[0]
        return Argument(None, value, value.span)

    # -- expressions ------------------------------------------------------------------------------

    def string(self, children: list) -> StringValue:
        tok = children[0]
        return StringValue(decode_string(tok.value), self._tok_span(tok))

    def number(self, children: list) -> NumberValue:
        tok = children[0]
        return NumberValue(tok.value, self._tok_span(tok))

    def constant(self, children: list) -> ConstantValue:
        tok = children[0]
        if tok.value[0].isdigit():  # Prisma reads a leading digit as the start of a number
            self.ctx.problems.append((tok.line, tok.column, f"{_NOT_A_FIELD} `{tok.value}` is not a valid value."))
        return ConstantValue(tok.value, self._tok_span(tok))

    def function_call(self, children: list) -> FunctionCall:
        name, (args, rpar) = children
        return FunctionCall(name.value, args, self._tok_to_tok(name, rpar))

    def array(self, children: list) -> ArrayValue:
        return ArrayValue(tuple(children[1:-1]), self._tok_to_tok(children[0], children[-1]))

    def empty_array(self, children: list) -> ArrayValue:
        return ArrayValue((), self._tok_span(children[0]))

    def object(self, children: list) -> ObjectValue:
        return ObjectValue(tuple(children[1:-1]), self._tok_to_tok(children[0], children[-1]))
