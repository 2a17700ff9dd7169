"""Syntax errors, worded for a schema author."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = ["SyntaxProblem", "PrismaSyntaxError", "caret_excerpt"]


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
