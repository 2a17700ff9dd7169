"""Syntax errors, worded for a schema author."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable, Optional

from prisma_lint.parser.lines import LINE_BREAK

__all__ = ["SyntaxProblem", "PrismaSyntaxError", "caret_excerpt", "CappedProblems", "syntax_problems",
           "MAX_SYNTAX_ERRORS"]

# Syntax errors listed per file; past this, one "N more" error says how many were left out, so a binary or
# generated mess cannot flood a terminal or a CI log.
MAX_SYNTAX_ERRORS = 1000


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """One syntax error: where it is (1-based line and column) and what is wrong."""

    path: Optional[str]
    line: int
    column: int
    message: str
    source_line: str = ""
    end_line: Optional[int] = None
    end_column: Optional[int] = None

    def __str__(self) -> str:
        head = f"{self.path or '<string>'}:{self.line}:{self.column}: {self.message}"
        excerpt = caret_excerpt(self.source_line, self.column)
        return f"{head}\n{excerpt}" if excerpt else head


def caret_excerpt(source_line: str, column: int, width: int = 1) -> str:
    """The offending line and a caret under the column (tabs kept so the caret lines up)."""
    if not source_line:
        return ""
    pad = "".join("\t" if ch == "\t" else " " for ch in source_line[: max(column - 1, 0)])
    return f"  {source_line}\n  {pad}{'^' * max(width, 1)}"


class PrismaSyntaxError(ValueError):
    """Raised when a schema has syntax errors; carries every error of the file(s), not only the first.

    `.path`, `.line`, `.column` and `.message` describe the first error; `.errors` lists them all.
    """

    def __init__(self, errors: list[SyntaxProblem]) -> None:
        if not errors:
            raise ValueError("PrismaSyntaxError needs at least one error")
        self.errors = sorted(errors, key=lambda e: (e.path or "", e.line, e.column))
        first = self.errors[0]
        self.path = first.path
        self.line = first.line
        self.column = first.column
        self.message = first.message
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


class CappedProblems(list):
    """Syntax problems `(line, column, message)` in the order they are found; past `MAX_SYNTAX_ERRORS`
    only counted (`dropped`), so a file with a million bad lines does not hold a million messages."""

    dropped = 0

    def add(self, line: int, column: int, message: str) -> None:
        if len(self) < MAX_SYNTAX_ERRORS:
            self.append((line, column, message))
        else:
            self.dropped += 1


def syntax_problems(text: str, path: Optional[str], found: Iterable[tuple[int, int, str]],
                    dropped: int = 0) -> list[SyntaxProblem]:
    """One file's syntax problems, in order of position without duplicates, each with its source line: the
    first `MAX_SYNTAX_ERRORS`, then one problem saying how many more there are. The line starts are
    indexed once, so this costs one pass over the text however many problems there are."""
    unique = sorted(set(found))
    dropped += max(len(unique) - MAX_SYNTAX_ERRORS, 0)
    shown = unique[:MAX_SYNTAX_ERRORS]
    starts = array("q", [0])  # 8 bytes a line, where a list of ints would take 36
    starts.extend(match.end() for match in LINE_BREAK.finditer(text))

    def source_line(line: int) -> str:
        if not 0 < line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(text)
        return LINE_BREAK.sub("", text[start:end])

    problems = [SyntaxProblem(path, line, column, message, source_line(line)) for line, column, message in shown]
    if dropped:
        line, column, _message = unique[MAX_SYNTAX_ERRORS] if len(unique) > MAX_SYNTAX_ERRORS else shown[-1]
        problems.append(SyntaxProblem(path, line, column, f"{dropped:,} more syntax errors in this file are not "
                                      f"listed (only the first {MAX_SYNTAX_ERRORS:,} are).", source_line(line)))
    return problems
