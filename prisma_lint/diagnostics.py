"""What a lint run reports: diagnostics with a position, a rule and a severity, and maybe a fix.

The fix model (read by `--fix`/`--diff`, the language server's code actions, and reporters that show fixes):

* A fix is `Diagnostic.edits`: replacements of text between two UTF-8 **byte offsets of the original
  file** the diagnostic is in (`Diagnostic.path`), as the AST's spans give them (`span.start_offset`,
  `span.end_offset`). An insertion has `start == end`; a deletion has an empty replacement. The edits
  of one diagnostic are in file order, never overlap each other, and are applied together or not at all.
* A replacement is written with `\n` line breaks; the fix engine writes them as the file's own line
  ending (`\r\n` in a CRLF file). Bytes outside the edits are never touched.
* `Diagnostic.unsafe_fix` is False for a fix that keeps the meaning of the schema for its users (adding an
  index, making the default `onDelete` explicit) and True for one that may change it (a rename that
  changes the generated client's API): unsafe fixes apply only with `--unsafe-fixes` (ruff's terms).
* `Diagnostic.fix_hint` says in words what the fix does ("Add `@@index([visitId])`"); editors show it as
  the quick fix's title.
"""

from __future__ import annotations

import re
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
    at spans; it never reprints the file). `start == end` inserts; an empty `replacement` deletes."""

    start: int
    end: int
    replacement: str

    @classmethod
    def insert(cls, offset: int, text: str) -> "Edit":
        return cls(offset, offset, text)

    @classmethod
    def delete(cls, start: int, end: int) -> "Edit":
        return cls(start, end, "")

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


# Source text quoted in a message (between backticks) is shortened beyond this many characters, and a whole
# message beyond MAX_MESSAGE: a 5 MB `@default("...")` must not become 5 MB of output.
MAX_QUOTE = 80
MAX_MESSAGE = 1000
_LONG_QUOTE = re.compile(r"`([^`]{%d,})`" % (MAX_QUOTE + 1))


def shorten(text: str) -> str:
    """`text` with each backtick-quoted part longer than MAX_QUOTE characters cut in the middle (`…`),
    and then the whole cut to MAX_MESSAGE characters."""
    if len(text) <= MAX_QUOTE or (len(text) <= MAX_MESSAGE and _LONG_QUOTE.search(text) is None):
        return text  # most messages: nothing to cut
    head, tail = MAX_QUOTE * 3 // 4, MAX_QUOTE // 4 - 1
    text = _LONG_QUOTE.sub(lambda m: f"`{m.group(1)[:head]}…{m.group(1)[-tail:]}`", text)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


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
    edits: tuple[Edit, ...] = field(default=())  # the fix: see the module's docstring
    unsafe_fix: bool = False

    def __post_init__(self) -> None:
        if len(self.message) > MAX_QUOTE:
            message = shorten(self.message)
            if message is not self.message:
                object.__setattr__(self, "message", message)
        if self.fix_hint is not None and len(self.fix_hint) > MAX_QUOTE:
            fix_hint = shorten(self.fix_hint)
            if fix_hint is not self.fix_hint:
                object.__setattr__(self, "fix_hint", fix_hint)

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    @property
    def sort_key(self) -> tuple:
        return (self.path or "", self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The JSON reporter's shape for one diagnostic: `fix_hint` always (null when there is none);
        `edits` and `unsafe_fix` only for a diagnostic with a fix."""
        shape = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "fix_hint": self.fix_hint,
        }
        if self.edits:
            shape["edits"] = [edit.to_dict() for edit in self.edits]
            shape["unsafe_fix"] = self.unsafe_fix
        return shape
