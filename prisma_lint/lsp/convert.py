"""Positions between the linter and the protocol.

The linter speaks 1-based lines and columns counted in characters, and UTF-8 byte offsets for edits; the
protocol speaks 0-based lines and columns in the client's units (UTF-16 code units unless negotiated),
which pygls' position codec converts to.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from prisma_lint.diagnostics import Diagnostic, Edit
from prisma_lint.fixes.edits import line_ending

__all__ = ["diagnostic_range", "text_edit", "whole_text_edits"]


def diagnostic_range(document: TextDocument, diagnostic: Diagnostic) -> types.Range:
    server = ServerTextRange(ServerTextPosition(max(diagnostic.line - 1, 0), max(diagnostic.column - 1, 0)),
                             ServerTextPosition(max(diagnostic.end_line - 1, 0), max(diagnostic.end_column - 1, 0)))
    return document.range_to_client_units(server)


def _server_position(text: str, data: bytes, offset: int) -> ServerTextPosition:
    prefix = data[:offset].decode("utf-8", errors="replace")
    line = prefix.count("\n")
    return ServerTextPosition(line, len(prefix) - (prefix.rfind("\n") + 1))


def text_edit(document: TextDocument, edit: Edit) -> types.TextEdit:
    """A linter edit (byte offsets of the document's text) as a protocol TextEdit."""
    text = document.source
    data = text.encode("utf-8")
    server = ServerTextRange(_server_position(text, data, edit.start), _server_position(text, data, edit.end))
    newline = line_ending(text)
    replacement = edit.replacement.replace("\n", newline) if newline != "\n" else edit.replacement
    return types.TextEdit(range=document.range_to_client_units(server), new_text=replacement)


def whole_text_edits(document: TextDocument, after: str) -> list[types.TextEdit]:
    """The edits that turn the document's text into `after`, one per changed run of lines (so the editor
    keeps the cursor and folds of everything else)."""
    import difflib

    before_lines = document.source.splitlines(keepends=True)
    after_lines = after.splitlines(keepends=True)
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before_lines, after_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        server = ServerTextRange(_line_start(before_lines, i1), _line_start(before_lines, i2))
        edits.append(types.TextEdit(range=document.range_to_client_units(server), new_text="".join(after_lines[j1:j2])))
    return edits


def _line_start(lines: list[str], index: int) -> ServerTextPosition:
    """The start of line `index`; past the last line, the end of the text."""
    if index < len(lines):
        return ServerTextPosition(index, 0)
    if lines and not lines[-1].endswith(("\n", "\r")):
        return ServerTextPosition(len(lines) - 1, len(lines[-1]))
    return ServerTextPosition(len(lines), 0)
