"""Reading one SQL file with PostgreSQL's own parser (pglast): its statements with their positions, the
statements inside `DO $$ ... $$` blocks (through the PL/pgSQL parser), its `--` comments (where
suppressions are written), and what could not be read.

A file that does not parse as a whole is cut into statements at its top-level semicolons (PostgreSQL's
scanner, so strings and dollar quotes are respected) and each piece is parsed alone: one bad statement
is one problem at its position, and the others still count.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import pglast
from pglast import ast
from pglast.parser import ParseError, scan

from prisma_lint.ast.nodes import Comment, Span
from prisma_lint.migrations.nodes import parse_statements

__all__ = ["Statement", "SqlFile", "read_sql", "parse_sql_text", "MAX_BYTES"]

MAX_BYTES = 20 * 1024 * 1024  # larger files are reported, not parsed (a migration is never this big by hand)
_SKIP = re.compile(r"(?:\s+|--[^\n]*|/\*.*?\*/)*", re.DOTALL)
_LOOPS = {"PLpgSQL_stmt_loop", "PLpgSQL_stmt_while", "PLpgSQL_stmt_fori", "PLpgSQL_stmt_fors",
          "PLpgSQL_stmt_forc", "PLpgSQL_stmt_foreach_a", "PLpgSQL_stmt_dynfors"}
_DO_WRAPPER = "CREATE FUNCTION prisma_lint_do() RETURNS void LANGUAGE plpgsql AS $prisma_lint_do$"


@dataclass(frozen=True)
class Statement:
    """One SQL statement. `in_loop` is True inside a PL/pgSQL loop of a DO block; `in_do` inside any DO
    block (the DO statement itself is not listed, only what it runs)."""

    node: Any  # a pglast.ast node (CreateStmt, AlterTableStmt, UpdateStmt, ...)
    span: Span
    text: str
    in_do: bool = False
    in_loop: bool = False

    @property
    def kind(self) -> str:
        return type(self.node).__name__


@dataclass
class SqlFile:
    path: str
    text: str
    statements: list[Statement] = field(default_factory=list)
    problems: list[tuple[Span, str]] = field(default_factory=list)  # could not be read or parsed
    comments: list[Comment] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not self.problems


class _Lines:
    """Character offset -> (line, column), 1-based."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, path: str, start: int, end: int) -> Span:
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(max(start, end))
        return Span(path, start_line, start_column, end_line, end_column, start, end)


def _skip_blank(text: str, offset: int) -> int:
    return _SKIP.match(text, offset).end()


def read_sql(path: Path | str, max_bytes: int = MAX_BYTES) -> SqlFile:
    """Read and parse a SQL file; never raises for bad content (problems are recorded instead)."""
    name = str(path)
    first = Span(name, 1, 1, 1, 1, 0, 0)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            return SqlFile(name, "", problems=[(first, f"The file is {size / 1048576:.1f} MB, over the "
                                                       f"{max_bytes / 1048576:.0f} MB this check reads; it was not checked.")])
        data = Path(path).read_bytes()
    except OSError as error:
        return SqlFile(name, "", problems=[(first, f"Cannot read the file: {error.strerror or error}.")])
    if b"\0" in data:
        return SqlFile(name, "", problems=[(first, "The file is binary (it has NUL bytes), not SQL.")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return SqlFile(name, "", problems=[(Span(name, line, 1, line, 1, error.start, error.start),
                                            "The file is not UTF-8 text.")])
    return parse_sql_text(text, name)


def parse_sql_text(text: str, path: str) -> SqlFile:
    lines = _Lines(text)
    result = SqlFile(path, text)
    result.comments = _comments(text, path, lines)
    if not text.strip() or not _has_code(text):
        result.problems.append((Span(path, 1, 1, 1, 1, 0, 0), "The file has no SQL statement."))
        return result
    try:
        pieces = parse_statements(text)
    except ParseError:
        pieces = _parse_piecewise(text, path, lines, result)
    except Exception as error:  # noqa: BLE001 - the parser itself failing is reported, never raised
        result.problems.append((Span(path, 1, 1, 1, 1, 0, 0), f"PostgreSQL's parser failed: {error}"))
        return result
    for node, location, length in pieces:
        start = _skip_blank(text, location)
        end = location + length if length else len(text)
        span = lines.span(path, start, end)
        if isinstance(node, ast.DoStmt):
            _read_do(node, text, start, end, path, lines, result)
        else:
            result.statements.append(Statement(node, span, text[start:end]))
    return result


def _has_code(text: str) -> bool:
    """Something besides blanks, comments and empty statements."""
    stripped = text.replace(";", " ")
    return _skip_blank(stripped, 0) < len(stripped)


def _comments(text: str, path: str, lines: _Lines) -> list[Comment]:
    try:
        tokens = scan(text)
    except Exception:  # noqa: BLE001 - unterminated quotes: fall back to whole-line comments
        found = []
        for match in re.finditer(r"^[ \t]*--(.*)$", text, re.MULTILINE):
            found.append(Comment(match.group(1), lines.span(path, match.start(), match.end())))
        return found
    return [Comment(text[t.start + 2:t.end + 1], lines.span(path, t.start, t.end + 1))
            for t in tokens if t.name == "SQL_COMMENT"]


def _parse_piecewise(text: str, path: str, lines: _Lines, result: SqlFile) -> list[tuple[Any, int, int]]:
    """Parse statement by statement, recording each that fails at the position PostgreSQL gives."""
    try:
        semicolons = [t.start for t in scan(text) if t.name == "ASCII_59"]
    except Exception:  # noqa: BLE001
        semicolons = []
    bounds, start = [], 0
    for semicolon in semicolons + [len(text)]:
        bounds.append((start, semicolon))
        start = semicolon + 1
    pieces = []
    for start, end in bounds:
        chunk = text[start:end]
        if not chunk.strip() or _skip_blank(text, start) >= end:
            continue
        try:
            parsed = parse_statements(chunk)
        except ParseError as error:
            message, index = (error.args + (0,))[:2] if error.args else ("syntax error", 0)
            at = start + (index if isinstance(index, int) and 0 <= index <= len(chunk) else 0)
            at = max(at, _skip_blank(text, start)) if index == 0 else at
            result.problems.append((lines.span(path, at, at + 1), f"PostgreSQL cannot parse this statement: {message}."))
            continue
        for node, location, length in parsed:
            pieces.append((node, start + location, length or (end - start - location)))
    return pieces


def _read_do(node: ast.DoStmt, text: str, start: int, end: int, path: str, lines: _Lines, result: SqlFile) -> None:
    """The statements a DO block runs, through the PL/pgSQL parser, each with its own position."""
    body = next((a.arg.sval for a in node.args or () if a.defname == "as"), None)
    language = next((a.arg.sval for a in node.args or () if a.defname == "language"), "plpgsql")
    do_span = lines.span(path, start, end)
    if body is None or language.lower() != "plpgsql":
        return
    body_at = text.find(body, start, end)
    body_at = body_at if body_at >= 0 else start
    try:
        tree = pglast.parse_plpgsql(_DO_WRAPPER + body + "$prisma_lint_do$")
    except Exception as error:  # noqa: BLE001
        result.problems.append((do_span, f"PostgreSQL's PL/pgSQL parser cannot read this DO block: {error}."))
        return
    body_lines = _Lines(body)

    def visit(item: Any, in_loop: bool) -> None:
        if isinstance(item, list):
            for element in item:
                visit(element, in_loop)
            return
        if not isinstance(item, dict):
            return
        for key, value in item.items():
            if key == "PLpgSQL_stmt_execsql":
                _inner(value, in_loop)
                continue
            visit(value, in_loop or key in _LOOPS)

    def _inner(execsql: dict, in_loop: bool) -> None:
        query = execsql.get("sqlstmt", {}).get("PLpgSQL_expr", {}).get("query", "")
        line = execsql.get("lineno", 1)
        offset = body_lines.starts[min(max(line - 1, 0), len(body_lines.starts) - 1)]
        found = body.find(query, offset)
        at = body_at + (found if found >= 0 else offset)
        span = lines.span(path, at, at + len(query))
        try:
            parsed = parse_statements(query)
        except ParseError as error:
            result.problems.append((span, f"PostgreSQL cannot parse this statement: {error.args[0]}."))
            return
        for node, _location, _length in parsed:
            result.statements.append(Statement(node, span, query, in_do=True, in_loop=in_loop))

    visit(tree, False)
