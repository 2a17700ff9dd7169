"""Applying edits to one file's text.

Edits are byte spans of the text's UTF-8 encoding (see `prisma_lint.diagnostics`). The text is spliced as
bytes, so a multi-byte character before an edit never shifts it, and nothing outside the edits changes.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from prisma_lint.diagnostics import Diagnostic, Edit

__all__ = ["apply_edits", "fix_applies", "select_fixes", "line_ending", "EditError"]

_BARE_LF = re.compile(r"(?<!\r)\n")


class EditError(ValueError):
    """Edits that cannot be applied: outside the text, overlapping, or splitting a character."""


def line_ending(text: str) -> str:
    """The file's line ending: CRLF when every line break is `\\r\\n`, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf == text.count("\n") else "\n"


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with `edits` applied. Edits must not overlap (insertions at one point apply in the order
    given); a replacement's `\\n` line breaks become the text's own line ending."""
    ordered = sorted(enumerate(edits), key=lambda item: (item[1].start, item[1].end, item[0]))
    if not ordered:
        return text
    data = text.encode("utf-8")
    newline = line_ending(text)
    out: list[bytes] = []
    position = 0
    previous: Edit | None = None
    for _, edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(data):
            raise EditError(f"edit {edit.start}-{edit.end} is outside the text ({len(data)} bytes)")
        if edit.start < position:
            raise EditError(f"edit {edit.start}-{edit.end} overlaps the edit before it")
        out.append(data[position:edit.start])
        replacement = edit.replacement
        if _same_point_lines(previous, edit):
            # Two lines inserted at one point, each opening with the blank line that separates it from
            # what was there (a block's first `@@index`): they share one blank line.
            replacement = replacement[1:]
        previous = edit
        replacement = _BARE_LF.sub(newline, replacement) if newline != "\n" else replacement
        out.append(replacement.encode("utf-8"))
        position = edit.end
    out.append(data[position:])
    try:
        return b"".join(out).decode("utf-8")
    except UnicodeDecodeError:
        raise EditError("an edit splits a multi-byte character") from None


def _same_point_lines(previous: "Edit | None", edit: Edit) -> bool:
    return (previous is not None and previous.start == previous.end == edit.start == edit.end
            and previous.replacement.startswith("\n") and previous.replacement.endswith("\n")
            and edit.replacement.startswith("\n"))


def fix_applies(diagnostic: Diagnostic, unsafe: bool) -> bool:
    """Whether `--fix` applies this diagnostic's fix: it has one, and it is safe or unsafe ones are on."""
    return bool(diagnostic.edits) and (unsafe or not diagnostic.unsafe_fix)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return False  # two insertions at one point both apply, in order
    return a.start < b.end and b.start < a.end or (a.start == a.end and b.start < a.start < b.end) \
        or (b.start == b.end and a.start < b.start < a.end)


def select_fixes(diagnostics: Sequence[Diagnostic]) -> tuple[list[Edit], list[Diagnostic], list[Diagnostic]]:
    """Choose, among the fixes of one file, those that can be applied together: in the order given, a fix
    whose edits overlap an already chosen one is deferred to another pass. Returns the edits to apply,
    the diagnostics they fix and the deferred diagnostics. Two findings with the same fix (e.g. the same
    missing index) are both fixed by one copy of its edits."""
    edits: list[Edit] = []
    fixed: list[Diagnostic] = []
    deferred: list[Diagnostic] = []
    seen: set[tuple[Edit, ...]] = set()
    for diagnostic in diagnostics:
        own = tuple(sorted(diagnostic.edits, key=lambda e: (e.start, e.end)))
        if own in seen:
            fixed.append(diagnostic)
            continue
        if any(_overlaps(edit, other) for edit in own for other in edits):
            deferred.append(diagnostic)
            continue
        seen.add(own)
        edits.extend(own)
        fixed.append(diagnostic)
    return edits, fixed, deferred
