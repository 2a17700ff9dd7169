"""Parse Prisma schema text into a `Schema`.

The fast path (reader.py) reads the whole token stream in one pass. Only when that fails does the parser fall
back to recovery: it re-parses one top-level block at a time, and inside a block it drops a bad line and
tries again, so one run reports every syntax error of a file, as Prisma does.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import os
import threading
from pathlib import Path
from typing import Iterable, Optional, Union

from prisma_lint.ast.nodes import Comment, Schema, Span
from prisma_lint.files import read_schema_bytes
from prisma_lint.parser.errors import CappedProblems, PrismaSyntaxError, SyntaxProblem, syntax_problems
from prisma_lint.parser.reader import ParseStop, Reader
from prisma_lint.parser.lexer import KEYWORDS, LexedComment, Tok, block_boundaries, tokenize
from prisma_lint.parser.transformer import AstBuilder, ParseContext

__all__ = ["parse", "parse_path", "parse_files", "parse_texts", "read_schema_file", "schema_files"]

_KEYWORD_TYPES = frozenset(KEYWORDS.values())

_LINE_MESSAGES = {
    "MODEL": "This line is not a valid field or attribute definition.",
    "VIEW": "This line is not a valid field or attribute definition.",
    "TYPE": "This line is not a valid field or attribute definition.",
    "ENUM": "This line is not an enum value definition.",
    "DATASOURCE": "This line is not a valid definition within a datasource.",
    "GENERATOR": "This line is not a valid definition within a generator.",
}
_TOP_LEVEL_LINE = "This line is invalid. It does not start with any known Prisma schema keyword."
_ARBITRARY_BLOCK = (
    "This block is invalid. It does not start with any known Prisma schema keyword. "
    "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'."
)

# How expected terminals read in a message.
_READABLE = {
    "NAME": "a name",
    "STRING": "a string",
    "NUMBER": "a number",
    "ATTR": "an attribute (`@...`)",
    "BLOCK_ATTR": "a block attribute (`@@...`)",
    "_NL": "the end of the line",
    "LBRACE": "`{`",
    "RBRACE": "`}`",
    "_LPAR": "`(`",
    "RPAR": "`)`",
    "LSQB": "`[`",
    "RSQB": "`]`",
    "EMPTY_LIST": "`[]`",
    "_COMMA": "`,`",
    "COLON": "`:`",
    "_EQUAL": "`=`",
    "QMARK": "`?`",
    "BANG": "`!`",
}


_BUILDER = AstBuilder()
_READER = Reader(_BUILDER)


def _lark():
    """Lark's parser over the same grammar, for error recovery (imported and built only when needed)."""
    from prisma_lint.parser.grammar import lark_parser

    return lark_parser(_BUILDER)


_LOCK = threading.Lock()


@contextlib.contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while building an AST.

    A parse allocates millions of small objects and no reference cycles (refcounting frees all of it);
    with the collector on, every few hundred allocations it would re-scan the growing heap (measured: a
    third of the parse time). Once the schema is built, the new objects are handed straight to the
    oldest generation (`freeze` then `unfreeze` moves them there without scanning them), so switching the
    collector back on does not make the next allocation scan the whole AST either (measured: 0.5 s on a
    6 MB schema). That is skipped when the program has frozen objects of its own, so as not to thaw them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def parse(text: str, path: Optional[str] = None) -> Schema:
    """Parse one schema file's text. Raises `PrismaSyntaxError` listing every syntax error."""
    with _no_gc():
        blocks, comments = _parse_blocks(text, path)
        return Schema(tuple(blocks), tuple(comments), (path,))


def _parse_blocks(text: str, path: Optional[str], reference: bool = False) -> tuple[list, list[Comment]]:
    """Blocks and comments of one file. `reference=True` skips the fast path and parses with plain
    `Lark.parse` (then the same recovery): the differential tests compare the two."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the schema text as str, not {type(text).__name__}")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a str with lone surrogates is not Unicode text
            line = text.count("\n", 0, error.start) + 1
            column = error.start - (text.rfind("\n", 0, error.start) + 1) + 1
            raise PrismaSyntaxError([SyntaxProblem(path, line, column, "This text is not valid Unicode "
                                                   "(it holds a lone surrogate character).")]) from None
    reader = _READER
    builder = _BUILDER
    lexed = tokenize(text)
    ctx = ParseContext(text, path, lexed.comments)
    with _LOCK:
        builder.ctx = ctx
        try:
            if reference:
                blocks = _lark_parse(lexed)
            else:
                blocks = reader.parse(lexed.lines)
            problems = CappedProblems()
        except ParseStop:
            # Start again from a fresh token stream (the fast path consumed part of it), with Lark's
            # parser, block by block, dropping bad lines.
            lark = _lark()
            lexed = tokenize(text)
            ctx = ParseContext(text, path, lexed.comments)
            builder.ctx = ctx
            tokens = lexed.all_tokens()
            openers, closers = block_boundaries(tokens)
            blocks, problems = _recover(lark, tokens, closers, openers, text, path)
    if problems or lexed.problems or ctx.problems:
        raise PrismaSyntaxError(syntax_problems(text, path, [*problems, *lexed.problems, *ctx.problems],
                                                problems.dropped))
    return blocks, [_comment(c, ctx) for c in lexed.comments]


def _lark_parse(lexed):
    from lark.exceptions import UnexpectedInput

    try:
        return _lark().parse(lexed.all_tokens(), start="start")
    except UnexpectedInput as error:
        raise ParseStop from error


def _comment(comment: LexedComment, ctx: ParseContext) -> Comment:
    span = Span(ctx.path, comment.line, comment.column, comment.end_line, comment.end_column,
                ctx.byte(comment.start), ctx.byte(comment.end))
    return Comment(comment.text, span, comment.doc, comment.block)


# ------------------------------------------------------------------------------------------------------
# Error recovery
# ------------------------------------------------------------------------------------------------------


def _describe(tok: Tok) -> str:
    if tok.type == "_NL":
        return "end of line"
    if tok.type == "BAD":
        if tok.value == '"':
            return "unterminated string (a `\"` with no closing quote on its line)"
        return f"character `{tok.value}`"
    return f"`{tok.value}`"


# Terminals never worth suggesting: legacy forms Prisma rejects anyway.
_NOT_SUGGESTED = {"BANG", "COLON", "LSQB"}


def _expected(error) -> str:
    names = sorted({_READABLE[t] for t in error.expected if t in _READABLE and t not in _NOT_SUGGESTED})
    if not names:
        return ""
    if len(names) > 5:
        names = names[:5] + ["..."]
    return " Expected " + (names[0] if len(names) == 1 else "one of " + ", ".join(names)) + "."


def _recover(lark, tokens: list[Tok], closers: list[int], openers: list[int], text: str,
             path: Optional[str]) -> tuple[list, CappedProblems]:
    blocks: list = []
    problems = CappedProblems()  # found in order of position; past the cap only counted

    def report(tok: Tok, message: str) -> None:
        problems.add(tok.line, tok.column, message)

    i = 0
    count = len(tokens)
    while i < count:
        tok = tokens[i]
        if tok.type == "_NL":
            i += 1
            continue
        if tok.type in _KEYWORD_TYPES:
            k = bisect.bisect_left(closers, i)
            end = closers[k] if k < len(closers) else count - 1
            block = _parse_block(lark, tokens[i : end + 1], report, end == count - 1 and k >= len(closers))
            if block is not None:
                blocks.append(block)
            i = end + 1
            continue
        # A top-level line that does not start a block: either a block with an unknown keyword, or junk.
        line_end = i
        while line_end < count and tokens[line_end].type != "_NL":
            line_end += 1
        o = bisect.bisect_left(openers, i)
        if o < len(openers) and openers[o] < line_end:
            report(tok, _ARBITRARY_BLOCK)
            k = bisect.bisect_left(closers, openers[o])
            i = (closers[k] + 1) if k < len(closers) else count
        else:
            report(tok, _TOP_LEVEL_LINE)
            i = line_end + 1
    return blocks, problems


def _parse_block(lark, segment: list[Tok], report, unterminated: bool):
    """Parse one top-level block, dropping bad member lines and going on after them.

    The block is fed to Lark's parser line by line, with the parser's state saved at the start of each
    line; a line that fails is reported and the state restored, as if the line were not there. So a block
    with many bad lines costs one pass, not one re-parse per bad line."""
    from lark.exceptions import UnexpectedInput, UnexpectedToken

    keyword = segment[0]
    line_message = _LINE_MESSAGES[keyword.type]
    if unterminated:
        report(keyword, f"{_TOP_LEVEL_LINE} (The {keyword.value} block that starts here is never closed: "
                        "a `}` is missing, or its `{` is not the last thing on its line.)")
        return None
    interactive = lark.parse_interactive(start="block")
    state = interactive.parser_state
    last = len(segment) - 1
    first = 0
    while first <= last:
        end = first
        while end < last and segment[end].type != "_NL":
            end += 1
        saved = _Checkpoint(state)
        try:
            for tok in segment[first : end + 1]:
                state.feed_token(tok)
        except UnexpectedToken as error:
            bad = error.token
            if first == 0:  # the header line
                report(bad, f"This {keyword.value} block header is not valid: unexpected {_describe(bad)}."
                            f"{_expected(error)} A block starts with `{keyword.value} Name {{` on a line of its own.")
                return None
            report(bad, f"{line_message} Unexpected {_describe(bad)}.{_expected(error)}")
            state = saved.restore()
            if end == last:  # the bad line also holds the closing brace: keep the brace
                brace = segment[last]
                if bad is brace and first == last:
                    return None
                try:
                    state.feed_token(brace)
                except UnexpectedToken as error:
                    report(error.token, f"{line_message} Unexpected {_describe(error.token)}.{_expected(error)}")
                    return None
        except UnexpectedInput as error:  # pragma: no cover - the token-list lexer never raises these
            report(keyword, f"{line_message} {error}")
            return None
        first = end + 1
    interactive.parser_state = state
    try:
        return interactive.feed_eof(segment[last])
    except UnexpectedToken as error:
        bad = segment[last]
        report(bad, f"This {keyword.value} block header is not valid: unexpected {_describe(bad)}."
                    f"{_expected(error)} A block starts with `{keyword.value} Name {{` on a line of its own.")
        return None


class _Checkpoint:
    """A Lark parser state as it was at the start of a line. The list callbacks (`members`, ...) append to
    lists already on the value stack, so restoring also cuts those lists back to their saved lengths."""

    __slots__ = ("state", "states", "values", "lengths")

    def __init__(self, state) -> None:
        self.state = state
        self.states = list(state.state_stack)
        self.values = list(state.value_stack)
        self.lengths = [(value, len(value)) for value in self.values if type(value) is list]

    def restore(self):
        for value, length in self.lengths:
            del value[length:]
        return type(self.state)(self.state.parse_conf, self.state.lexer, list(self.states), list(self.values))


# ------------------------------------------------------------------------------------------------------
# Files and schema folders
# ------------------------------------------------------------------------------------------------------


def schema_files(path: Union[str, os.PathLike]) -> list[Path]:
    """The `.prisma` files a path stands for: the file itself, or every `.prisma` file under a folder
    (Prisma's multi-file schema layout), sorted so results do not depend on the file system."""
    p = Path(path)
    if p.is_dir():
        return sorted(f for f in p.rglob("*.prisma") if f.is_file())
    return [p]


def read_schema_file(path: Path) -> str:
    """A schema file's text. Raises `prisma_lint.files.UnreadableFile` (an OSError) for anything but a
    regular file within the size limit, PrismaSyntaxError for bytes that are not UTF-8."""
    data = read_schema_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PrismaSyntaxError(
            [SyntaxProblem(str(path), line, column, "This file is not valid UTF-8 text.")]
        ) from None


def parse_files(paths: Iterable[Union[str, os.PathLike]]) -> Schema:
    """Parse several files as one schema; syntax errors of all of them are raised together."""
    problems: list[SyntaxProblem] = []
    texts: dict[str, str] = {}
    for path in paths:
        try:
            texts[str(path)] = read_schema_file(Path(path))
        except PrismaSyntaxError as error:  # not UTF-8
            problems.extend(error.errors)
    return parse_texts(texts, problems)


def parse_texts(texts: dict[str, str], problems: Optional[list[SyntaxProblem]] = None) -> Schema:
    """Parse several files' texts (file path -> text) as one schema; syntax errors of all of them, and
    any `problems` already found, are raised together."""
    blocks: list = []
    comments: list[Comment] = []
    problems = list(problems or ())
    for name, text in texts.items():
        try:
            with _no_gc():
                file_blocks, file_comments = _parse_blocks(text, name)
        except PrismaSyntaxError as error:
            problems.extend(error.errors)
            continue
        blocks.extend(file_blocks)
        comments.extend(file_comments)
    if problems:
        raise PrismaSyntaxError(problems)
    return Schema(tuple(blocks), tuple(comments), tuple(texts))


def parse_path(path: Union[str, os.PathLike]) -> Schema:
    """Parse a schema file, or a folder holding one schema: a `schema` folder (Prisma's multi-file
    layout, every `.prisma` file in it read as one schema) or a folder with a single schema somewhere in
    it. The rule is the linter's (`prisma_lint.project.discover`), so `parse_path(folder)` and
    `lint_paths([folder])` agree on what the folder holds. A folder holding several schemas is an error
    (`ValueError`): parse one of them, or `parse_files(schema_files(folder))` to read them as one."""
    # Imported here: finding schemas is the project layer's job, and a plain `parse` needs none of it.
    from prisma_lint.project.discovery import InputError, discover

    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    try:
        groups = discover([p])
    except InputError as error:
        raise FileNotFoundError(str(error)) from None
    if len(groups) > 1:
        listed = ", ".join(str(group[0].parent if len(group) > 1 else group[0]) for group in groups[:4])
        more = f" and {len(groups) - 4} more" if len(groups) > 4 else ""
        raise ValueError(f"{p}: this folder holds {len(groups)} schemas ({listed}{more}), not one; parse one "
                         "of them, or name the folder `schema` if its files are one schema")
    return parse_files(groups[0])
