"""Which schema an open document belongs to, and the texts it is linted with.

A document in a folder named `schema` (Prisma's multi-file layout) is linted together with the other
`.prisma` files of that folder, as the command line does; any other document is a schema by itself. Open
documents are linted with the editor's text, unsaved changes included; the other files are read from disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from pygls.uris import to_fs_path

from prisma_lint.config import CONFIG_NAMES

__all__ = ["document_path", "schema_group", "CONFIG_NAMES"]


def document_path(uri: str) -> Optional[Path]:
    """The file of a `file:` URI; None for an unsaved (`untitled:`) document."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def schema_group(path: Path) -> list[Path]:
    """The files linted together with `path`: every `.prisma` file of the `schema` folder it is in (at any
    depth below it, as `prisma_lint.linter.discover` reads such a folder), else the document alone."""
    for folder in list(path.parents)[:4]:
        if folder.name == "schema":
            files = {p for p in folder.rglob("*.prisma") if p.is_file()}
            files.add(path)
            return sorted(files)
        if folder.name == "prisma":
            break
    return [path]
