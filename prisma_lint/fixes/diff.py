"""The unified diff of a fixed file, as `git diff` and `patch` read it."""

from __future__ import annotations

import difflib

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """`--- a/path` / `+++ b/path` hunks with three lines of context; '' when nothing changed. A last
    line without a newline is marked as diff marks it."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    out: list[str] = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:  # the file's last line, without a final newline
            out.append(line + "\n")
            out.append(_NO_NEWLINE)
    return "".join(out)
