"""What a lint run reports: diagnostics with a position, a rule and a severity."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Optional

__all__ = ["Severity", "Edit", "Diagnostic"]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two UTF-8 byte offsets of a file, as spans give them (a fix edits text
    at spans; it never reprints the file)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based; the end is exclusive. `rule` is the kebab-case name."""

    path: Optional[str]
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    fix_hint: Optional[str] = None
    edits: tuple[Edit, ...] = field(default=())

    @property
    def sort_key(self) -> tuple:
        return (self.path or "", self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The JSON reporter's shape for one diagnostic."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }
