"""The fast path: prisma.lark read rule by rule, by recursive descent over each line's tokens.

Every construct of the language but a block fits on one line (a member ends with its line's `_NL`), so
the reader takes the tokenizer's lines one at a time: a block header, then member lines until the line
that starts with `}`. Each function below is one rule of prisma.lark, and calls the AST builder's method
for that rule (or alias) with the children Lark would pass it: the builder is shared with Lark's own
parser, so both build the same nodes by construction, and tests/test_parser_differential.py checks that
they accept and reject the same inputs. On the first token that does not fit, `ParseStop` is raised and
the caller re-parses with Lark, which recovers and words the errors: the reader never reports anything.

Against the LALR loop over Lark's tables it replaced: no state or value stacks, no reduce per `?rule`
pass-through or list item, and the lookahead decisions are plain comparisons (1.26x faster on the
realistic 1,000-model schema; figures in the package docstring).
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["Reader", "ParseStop"]


class ParseStop(Exception):
    """The token stream does not fit the grammar. It carries nothing: the caller re-parses with Lark,
    whose error says where and what was expected."""


# Tokens that can start an `expression`.
_EXPRESSION_START = frozenset({"STRING", "NUMBER", "NAME", "LSQB", "EMPTY_LIST", "LBRACE"})
_BLOCK_METHOD = {"MODEL": "model", "VIEW": "view", "TYPE": "composite_type", "ENUM": "enum",
                 "DATASOURCE": "datasource", "GENERATOR": "generator"}
_SUFFIX_METHOD = {"QMARK": "optional_type", "BANG": "required_type"}


class Reader:
    def __init__(self, builder: Any) -> None:
        self.b = builder
        self.blocks = {kind: getattr(builder, method) for kind, method in _BLOCK_METHOD.items()}
        # The members of each kind of block, by their first token: `?member: field | block_attribute _NL`,
        # `?enum_member: enum_value | block_attribute _NL`, and `property`.
        fields = {"NAME": self._field, "BLOCK_ATTR": self._block_attribute}
        configuration = {"NAME": self._property}
        values = {"NAME": self._enum_value, "BLOCK_ATTR": self._block_attribute}
        self.members = {"MODEL": fields, "VIEW": fields, "TYPE": fields, "ENUM": values, "DATASOURCE": configuration,
                        "GENERATOR": configuration}

    def parse(self, lines: Iterable[list[tuple]]) -> list:
        """`start`: the blocks of the file, as the builder's `start` returns them."""
        blocks: list = []
        lines = iter(lines)
        line = next(lines, None)
        while line is not None:
            line = self._block(line, lines, blocks)
        return blocks

    def _block(self, header: list[tuple], lines, blocks: list):
        """`model | view | composite_type | enum | datasource | generator`: `KEYWORD NAME { _NL members? }`.
        The tokenizer ends a header line at its `{`. Returns the line after the block, or None at the end."""
        if len(header) != 4 or header[1][0] != "NAME" or header[2][0] != "LBRACE" or header[3][0] != "_NL":
            raise ParseStop
        keyword = header[0]
        kind = keyword[0]
        readers = self.members.get(kind)
        if readers is None:
            raise ParseStop
        members: list = []
        for line in lines:
            first = line[0]
            if first[0] == "RBRACE":
                children = [keyword, header[1], header[2], members, first] if members else \
                    [keyword, header[1], header[2], first]
                blocks.append(self.blocks[kind](children))
                # `blocks: block _NL?`: the next block may start on the same line, after the `}`.
                if len(line) == 2:
                    return next(lines, None)
                return line[1:]
            read = readers.get(first[0])
            if read is None:
                raise ParseStop
            members.append(read(line))
        raise ParseStop  # the block is never closed

    # -- members ----------------------------------------------------------------------------------

    def _enum_value(self, line: list[tuple]):
        """`enum_value: NAME attributes? _NL`"""
        if line[1][0] == "ATTR":
            attributes, index = self._attributes(line, 1)
            if line[index][0] != "_NL":
                raise ParseStop
            return self.b.enum_value([line[0], attributes])
        if line[1][0] != "_NL":
            raise ParseStop
        return self.b.enum_value([line[0]])

    def _block_attribute(self, line: list[tuple]):
        """`block_attribute _NL`; `block_attribute: BLOCK_ATTR arguments?`"""
        if line[1][0] == "_LPAR":
            arguments, index = self._arguments(line, 1)
            if line[index][0] != "_NL":
                raise ParseStop
            return self.b.block_attribute([line[0], arguments])
        if line[1][0] != "_NL":
            raise ParseStop
        return self.b.block_attribute([line[0]])

    def _property(self, line: list[tuple]):
        """`property: NAME _EQUAL expression? _NL`"""
        if line[1][0] != "_EQUAL":
            raise ParseStop
        if line[2][0] == "_NL":
            return self.b.property([line[0]])
        value, index = self._expression(line, 2)
        if line[index][0] != "_NL":
            raise ParseStop
        return self.b.property([line[0], value])

    def _field(self, line: list[tuple]):
        """`field: NAME COLON? field_type? attributes? _NL`"""
        children = [line[0]]
        index = 1
        kind = line[1][0]
        if kind == "COLON":
            children.append(line[1])
            index = 2
            kind = line[2][0]
        if kind == "NAME" or kind == "LSQB":
            field_type, index = self._field_type(line, index)
            children.append(field_type)
            kind = line[index][0]
        if kind == "ATTR":
            attributes, index = self._attributes(line, index)
            children.append(attributes)
            kind = line[index][0]
        if kind != "_NL":
            raise ParseStop
        return self.b.field(children)

    def _field_type(self, line: list[tuple], index: int):
        """`field_type`: `base_type` with `[]`, `?`, `[]?` or `!` after it, or `[base_type]`."""
        b = self.b
        if line[index][0] == "LSQB":
            base, after = self._base_type(line, index + 1)
            if line[after][0] != "RSQB":
                raise ParseStop
            return b.bracket_list_type([line[index], base, line[after]]), after + 1
        base, index = self._base_type(line, index)
        suffix = line[index]
        kind = suffix[0]
        if kind == "EMPTY_LIST":
            if line[index + 1][0] == "QMARK":
                return b.optional_list_type([base, suffix, line[index + 1]]), index + 2
            return b.list_type([base, suffix]), index + 1
        if kind == "QMARK" or kind == "BANG":
            return getattr(b, _SUFFIX_METHOD[kind])([base, suffix]), index + 1
        return b.plain_type([base]), index

    def _base_type(self, line: list[tuple], index: int):
        """`base_type: NAME | NAME _LPAR STRING RPAR -> unsupported_type`"""
        name = line[index]
        if name[0] != "NAME":
            raise ParseStop
        if line[index + 1][0] == "_LPAR":
            if line[index + 2][0] != "STRING" or line[index + 3][0] != "RPAR":
                raise ParseStop
            return self.b.unsupported_type([name, line[index + 2], line[index + 3]]), index + 4
        return self.b.base_type([name]), index + 1

    # -- attributes and arguments -----------------------------------------------------------------

    def _attributes(self, line: list[tuple], index: int):
        """`attributes: field_attribute+`; `field_attribute: ATTR arguments?`"""
        attribute = self.b.field_attribute
        attributes = []
        while line[index][0] == "ATTR":
            tok = line[index]
            if line[index + 1][0] == "_LPAR":
                arguments, index = self._arguments(line, index + 1)
                attributes.append(attribute([tok, arguments]))
            else:
                attributes.append(attribute([tok]))
                index += 1
        return attributes, index

    def _arguments(self, line: list[tuple], index: int):
        """`arguments: _LPAR (argument_list _COMMA?)? RPAR`, `index` at the `(`."""
        index += 1
        if line[index][0] == "RPAR":
            return self.b.arguments([line[index]]), index + 1
        arguments, index = self._argument_list(line, index, "RPAR")
        if line[index][0] != "RPAR":
            raise ParseStop
        return self.b.arguments([arguments, line[index]]), index + 1

    def _argument_list(self, line: list[tuple], index: int, closer: str):
        """`argument_list: argument (_COMMA argument)*`, and the optional `_COMMA` before `closer`."""
        arguments = []
        while True:
            argument, index = self._argument(line, index)
            arguments.append(argument)
            if line[index][0] != "_COMMA":
                return arguments, index
            index += 1
            if line[index][0] == closer:
                return arguments, index

    def _argument(self, line: list[tuple], index: int):
        """`argument: NAME COLON expression | NAME COLON | expression`"""
        tok = line[index]
        if tok[0] == "NAME" and line[index + 1][0] == "COLON":
            colon = line[index + 1]
            if line[index + 2][0] in _EXPRESSION_START:
                value, index = self._expression(line, index + 2)
                return self.b.named_argument([tok, colon, value]), index
            return self.b.empty_argument([tok, colon]), index + 2
        value, index = self._expression(line, index)
        return self.b.positional_argument([value]), index

    # -- expressions ------------------------------------------------------------------------------

    def _expression(self, line: list[tuple], index: int):
        """`?expression: string | number | constant | function_call | array | object`"""
        tok = line[index]
        kind = tok[0]
        b = self.b
        if kind == "NAME":
            if line[index + 1][0] == "_LPAR":
                arguments, after = self._arguments(line, index + 1)
                return b.function_call([tok, arguments]), after
            return b.constant([tok]), index + 1
        if kind == "STRING":
            return b.string([tok]), index + 1
        if kind == "NUMBER":
            return b.number([tok]), index + 1
        if kind == "LSQB":  # `array: LSQB expression_list? RSQB`
            index += 1
            if line[index][0] == "RSQB":
                return b.array([tok, line[index]]), index + 1
            items = []
            while True:
                item, index = self._expression(line, index)
                items.append(item)
                if line[index][0] != "_COMMA":
                    break
                index += 1
            if line[index][0] != "RSQB":
                raise ParseStop
            return b.array([tok, items, line[index]]), index + 1
        if kind == "EMPTY_LIST":
            return b.empty_array([tok]), index + 1
        if kind == "LBRACE":  # `object: LBRACE (argument_list _COMMA?)? RBRACE`
            index += 1
            if line[index][0] == "RBRACE":
                return b.object([tok, line[index]]), index + 1
            entries, index = self._argument_list(line, index, "RBRACE")
            if line[index][0] != "RBRACE":
                raise ParseStop
            return b.object([tok, entries, line[index]]), index + 1
        raise ParseStop
