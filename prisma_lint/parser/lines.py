"""Lines of a schema text, as the parser counts them: every position (line, column) the parser or a
rule reports refers to these lines.

Only `\r\n`, `\r` and `\n` end a line, as in Prisma's own parser; `str.splitlines` would also split
at U+2028, U+0085, form feeds and others, so a caret drawn from its lines can point at the wrong line.
"""

from __future__ import annotations

import re

__all__ = ["LINE_BREAK", "split_lines"]

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, without their line breaks (an empty last line when it ends with one)."""
    return LINE_BREAK.split(text)
