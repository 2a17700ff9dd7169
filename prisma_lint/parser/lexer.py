"""A fast tokenizer for the Prisma Schema Language.

One compiled regular expression reads each line with `findall`; each match is one token (leading spaces
and tabs are part of the match, so they cost nothing extra). Measured on a 10 MB schema this is roughly
ten times faster than Lark's own lexer, which matters because tokens are most of the parsing work.

Besides tokens, the lexer does the context-sensitive parts of the language so the grammar can stay
LALR(1) and small:

* keywords (`model`, `view`, `type`, `enum`, `datasource`, `generator`) are only keywords where a
  top-level block starts; elsewhere they are names, so a field may be called `type`;
* newlines are tokens (a field ends at the end of its line), but a run of blank and comment-only lines is
  one token;
* comments never reach the parser: they are collected, with their positions, for documentation and for
  suppression directives.

It also reproduces the places where Prisma's own (PEG) parser is more lenient or stricter than a reader
would guess, checked against Prisma 6's parser (tests/test_conformance.py): a keyword may run into the
block name (`modelUser {`); the rest of the line after a block's `{` is not parsed; a space may follow
`@`; Unicode space separators are whitespace; identifiers start with a letter or digit; block comments
may stand only where a `//` comment could.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Iterator

__all__ = ["Tok", "LexedComment", "Lexed", "tokenize", "block_boundaries", "KEYWORDS"]

KEYWORDS = {
    "model": "MODEL",
    "view": "VIEW",
    "type": "TYPE",
    "enum": "ENUM",
    "datasource": "DATASOURCE",
    "generator": "GENERATOR",
}

_PUNCTUATION = {
    "{": "LBRACE",
    "}": "RBRACE",
    "(": "_LPAR",
    ")": "RPAR",
    "[": "LSQB",
    "]": "RSQB",
    ",": "_COMMA",
    ":": "COLON",
    "=": "_EQUAL",
    "?": "QMARK",
    "!": "BANG",
}

# Whitespace between tokens: tab and every Unicode space separator (pest's SPACE_SEPARATOR).
_WS = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_WS_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# An identifier starts with a letter or digit (any script) and goes on with letters, digits, `_`, `-`.
_IDENT = r"[^\W_][\w-]*"
_PATH = rf"{_IDENT}(?:\.(?:{_IDENT})?)*"

# One token and the whitespace before it. `findall` returns (whitespace, number, name, other) for each
# token, where exactly one of the last three is not empty, and a last match with all three empty at the
# end of the line: a list of plain tuples built in C, which is about twice as fast to walk as
# `finditer`'s match objects (tokenizing is a third of the parse). The alternatives start with different
# characters, except that a number is tried before a name (`123` is a number, `123abc` a name); `other`
# is told apart by its first character (see `_OTHER`), and `BAD` is any one character that starts no
# token.
_TOKEN_RE = re.compile(
    rf"""
    ([{_WS}]*)
    (?:
        (-?[0-9]+(?:\.[0-9]+)?(?![\w.]))             # NUMBER
      | ({_PATH})                                   # NAME
      | (
            //[^\r\n]*                              # COMMENT, or DOC with a third `/`
          | @@[{_WS}]*{_PATH}                       # BLOCK_ATTR
          | @[{_WS}]*{_PATH}                        # ATTR
          | "(?:[^"\\\x00-\x1f]|\\[^\x00-\x1f])*"   # STRING
          | \[\]                                    # EMPTY_LIST
          | [^\r]                                   # punctuation, or BAD (`\r` is only ever before `\n`)
        )
      | \r?\Z                                      # the end of the line: nothing but its trailing space
    )
    """,
    re.VERBOSE,
)
_OTHER = {**_PUNCTUATION, "[]": "EMPTY_LIST", "/": "BAD", "@": "BAD", '"': "BAD"}
_OTHER_BY_FIRST = {"/": "COMMENT", "@": "ATTR", '"': "STRING"}

# Strings and line comments are matched too, so that `/*` inside them is not taken for a comment.
_BLOCK_COMMENT_RE = re.compile(r'"(?:[^"\\\r\n]|\\.)*"|//[^\r\n]*|(?P<block>/\*[\s\S]*?\*/)')

class Tok(tuple):
    """A token: `(type, value, start, end, line, column)`.

    The fast path builds plain tuples (the cheapest object Python makes) and the AST builder reads them by
    index. Lark's own parser, used for error recovery, reads `.type`; this subclass adds the names.
    `start`/`end` are character offsets; `line` and `column` are 1-based, the column in characters."""

    __slots__ = ()

    def __new__(cls, type: str, value: str, start: int, end: int, line: int, column: int) -> "Tok":
        return tuple.__new__(cls, (type, value, start, end, line, column))

    type = property(itemgetter(0))
    value = property(itemgetter(1))
    start = property(itemgetter(2))
    end = property(itemgetter(3))
    line = property(itemgetter(4))
    column = property(itemgetter(5))

    # Lark builds its end-of-input token from the last token's position through these names.
    start_pos = start
    end_pos = end
    end_line = line

    @property
    def end_column(self) -> int:
        return self[5] + self[3] - self[2]

    @classmethod
    def of(cls, token: tuple) -> "Tok":
        return token if type(token) is cls else tuple.__new__(cls, token)

    def __repr__(self) -> str:
        return f"Tok({self[0]}, {self[1]!r}, {self[4]}:{self[5]})"


@dataclass(slots=True)
class LexedComment:
    text: str  # what follows the comment marker
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    doc: bool
    block: bool
    trailing: bool  # on the same line as a token before it


@dataclass(slots=True)
class Lexed:
    """Tokens grouped by line, the comments, and problems found while tokenizing.

    `lines` holds one entry per line that has tokens: the line's tokens, ending with its newline token."""

    lines: Iterator[list[tuple]]
    comments: list[LexedComment]
    problems: list[tuple[int, int, str]]  # (line, column, message)

    def all_tokens(self) -> list[Tok]:
        """The remaining tokens as `Tok`s, in order (for Lark's parser in error recovery)."""
        return [Tok.of(tok) for toks in self.lines for tok in toks]


def _block_comments(text: str):
    """The `/* ... */` matches that `_BLOCK_COMMENT_RE.finditer(text)` would give, reading only the lines
    where a `/*` is (0.18 s -> 0.01 s on a 10 MB schema): a string or a `//` comment ends with its line,
    so reading from the start of that line, or from the end of the block comment before it, sees what a
    reading of the whole text would see there."""
    after = 0  # the end of the last block comment
    found = text.find("/*")
    while found >= 0:
        for match in _BLOCK_COMMENT_RE.finditer(text, max(text.rfind("\n", 0, found) + 1, after)):
            if match.end() <= found:  # a string or a comment before the `/*`
                continue
            if match.start() > found:  # the `/*` opens nothing: no `*/` after it
                found = text.find("/*", found + 2)
            elif match.group("block") is None:  # the `/*` is inside a string or a `//` comment
                found = text.find("/*", match.end())
            else:
                yield match
                after = match.end()
                found = text.find("/*", after)
            break
        else:
            found = text.find("/*", found + 2)


def _blank_block_comments(text: str, comments: list[LexedComment], problems: list) -> str:
    """Record `/* ... */` comments and replace them by spaces (line breaks kept), so every offset,
    line and column stays where it was and the line tokenizer never sees them. A block comment with
    code both before and after it on its line is not allowed by Prisma: its `/` is left in place, which
    the grammar then rejects with the line's usual message."""
    pieces: list[str] = []
    last = 0
    line = 1  # of `counted`: lines are counted from one comment to the next, not from the start each time
    counted = 0
    for match in _block_comments(text):
        start, end = match.span()
        raw = match.group()
        line += text.count("\n", counted, start)
        counted = start
        line_start = text.rfind("\n", 0, start) + 1
        column = start - line_start + 1
        end_line = line + raw.count("\n")
        end_line_start = (start + raw.rfind("\n") + 1) if "\n" in raw else line_start
        end_column = end - end_line_start + 1
        line_end = text.find("\n", end)
        after = text[end : (line_end if line_end >= 0 else len(text))].strip(_WS_CHARS + "\r")
        before_text = text[line_start:start]
        trailing = bool(before_text.strip(_WS_CHARS))
        misplaced = trailing and bool(after)
        comments.append(LexedComment(raw[2:-2], start, end, line, column, end_line, end_column,
                                     False, True, trailing))
        pieces.append(text[last:start])
        blank = "".join(ch if ch in "\r\n" else " " for ch in raw)
        pieces.append(("/" + blank[1:]) if misplaced else blank)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


_KEYWORD_TYPES = frozenset(KEYWORDS.values())
_LONE_CR = re.compile(r"\r(?!\n)")


def tokenize(text: str) -> Lexed:
    """Tokenize a whole schema, line by line.

    `lines` is a generator: the parser consumes each line's tokens as they are made, so the tokens of a
    big file never all exist at once (on a 10 MB schema they would take more memory than the AST).
    Comments are appended to `comments` as their lines are reached; problems found before the first
    line (a byte-order mark, a misplaced block comment) are in `problems` at once.

    """
    comments: list[LexedComment] = []
    problems: list[tuple[int, int, str]] = []
    if text.startswith("\ufeff"):
        problems.append((1, 1, "This file starts with a byte-order mark (U+FEFF), which Prisma does not "
                               "accept. Save it as UTF-8 without a BOM."))
        text = " " + text[1:]  # same length: every offset stays put
    block_comments: list[LexedComment] = []
    if "/*" in text:
        text = _blank_block_comments(text, block_comments, problems)
    if "\r" in text:
        # A lone `\r` is a line break for Prisma; as `\n` it keeps the line count and every offset.
        text = _LONE_CR.sub("\n", text)
    return Lexed(_lines(text, comments, block_comments), comments, problems)


def _lines(text: str, comments: list[LexedComment], block_comments: list[LexedComment]):
    """The tokens of each line that has any, ending with its `_NL` token. `findall` reads each line in
    place (`pos`, `endpos`): offsets come out absolute, and no line is copied out of the text."""
    depth = 0
    offset = 0
    line_no = 0
    text_length = len(text)
    # Names repeat (types, field names across models, function names): the AST keeps one string for each
    # (measured: 12% less memory for the AST of a 10,000-model schema, and linting it is faster too).
    shared = {}.setdefault
    pending_blocks = list(reversed(block_comments))  # block comments, released as their line is reached
    find = text.find
    findall = _TOKEN_RE.findall
    while offset <= text_length:
        line_end = find("\n", offset)
        if line_end < 0:
            line_end = text_length
        line_no += 1
        end = line_start = offset
        offset = line_end + 1
        while pending_blocks and pending_blocks[-1].line <= line_no:
            comments.append(pending_blocks.pop())
        before = line_start - 1  # column = offset - before
        line: list[tuple] = []
        append = line.append
        parens = 0
        objects = 0  # `{ ... }` object values open on this line (never a block's braces)
        keyword_allowed = depth == 0
        for space, number, name, other in findall(text, line_start, line_end):
            start = end + len(space)
            if name:
                end = start + len(name)
                if keyword_allowed:
                    keyword_allowed = False
                    if name in KEYWORDS:
                        append((KEYWORDS[name], name, start, end, line_no, start - before))
                        continue
                    if find("{", start, line_end) >= 0:
                        # Prisma reads `modelUser {` as `model User {`: the keyword may run into the name.
                        for keyword, keyword_kind in KEYWORDS.items():
                            if name.startswith(keyword) and name[len(keyword)].isalnum():
                                append((keyword_kind, keyword, start, start + len(keyword), line_no, start - before))
                                start += len(keyword)
                                name = name[len(keyword):]
                                break
                append(("NAME", shared(name, name), start, end, line_no, start - before))
                continue
            if number:
                end = start + len(number)
                kind = "NUMBER"
                # A name may start with a digit (`model 123 {` is a naming error, not a syntax error).
                if number[0] != "-" and "." not in number and (
                        (depth == 1 and not line) or (depth == 0 and len(line) == 1 and line[0][0] in _KEYWORD_TYPES)):
                    kind = "NAME"
                keyword_allowed = False
                append((kind, number, start, end, line_no, start - before))
                continue
            if not other:  # the end of the line; `end` is where its content ends
                break
            end = start + len(other)
            kind = _OTHER.get(other) or _OTHER_BY_FIRST.get(other[0], "BAD")
            if kind == "COMMENT":
                if other[-1] in _WS_CHARS:  # it runs to the end of the line, but not its trailing space
                    other = other.rstrip(_WS_CHARS)
                    end = start + len(other)
                doc = other.startswith("///")
                comments.append(LexedComment(other[3 if doc else 2:], start, end, line_no, start - before, line_no,
                                             end - before, doc, False, bool(line)))
                continue
            if kind == "ATTR" and other[1] == "@":
                kind = "BLOCK_ATTR"
            elif kind == "_LPAR":
                parens += 1
            elif kind == "RPAR":
                if parens:
                    parens -= 1
            elif kind == "LBRACE":
                if depth == 1 or parens:
                    objects += 1
                elif depth == 0:
                    depth = 1
                    append((kind, other, start, end, line_no, start - before))
                    # Prisma's block opener takes the rest of its line unread; keep it as a comment.
                    rest = text[end:line_end].rstrip(_WS_CHARS + "\r")
                    stripped = rest.lstrip(_WS_CHARS)
                    if stripped:
                        at = end + len(rest) - len(stripped)
                        doc = stripped.startswith("///")
                        marker = 3 if doc else 2 if stripped.startswith("//") else 0
                        comments.append(LexedComment(stripped[marker:], at, end + len(rest), line_no, at - before,
                                                     line_no, end + len(rest) - before, doc, False, True))
                    end += len(rest)
                    break
            elif kind == "RBRACE":
                if objects:
                    objects -= 1
                elif parens == 0 and depth == 1:
                    depth = 0
                    keyword_allowed = True  # `}model B {` on one line is accepted by Prisma
                    append((kind, other, start, end, line_no, start - before))
                    continue
            keyword_allowed = False
            append((kind, other, start, end, line_no, start - before))
        if line:
            append(("_NL", "\n" if line_end < text_length else "", end, end, line_no, end - before))
            yield line
    comments.extend(reversed(pending_blocks))
    if block_comments:
        comments.sort(key=lambda c: c.start)


def block_boundaries(tokens: list[tuple]) -> tuple[list[int], list[int]]:
    """Indexes of the `{` that open and the `}` that close top-level blocks (for error recovery)."""
    openers: list[int] = []
    closers: list[int] = []
    depth = parens = objects = 0
    for index, tok in enumerate(tokens):
        kind = tok[0]
        if kind == "_NL":
            parens = objects = 0
        elif kind == "_LPAR":
            parens += 1
        elif kind == "RPAR":
            parens = max(parens - 1, 0)
        elif kind == "LBRACE":
            if depth == 1 or parens:
                objects += 1
            else:
                depth = 1
                openers.append(index)
        elif kind == "RBRACE":
            if objects:
                objects -= 1
            elif parens == 0 and depth == 1:
                depth = 0
                closers.append(index)
    return openers, closers
