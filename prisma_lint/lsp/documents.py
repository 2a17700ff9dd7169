"""Which schema and which project an open document belongs to.

A document in a folder named `schema` (Prisma's multi-file layout) is linted together with the other
`.prisma` files of that folder, as the command line does. A document of a project is linted with every
schema of the project, so cross-service rules see the other services as `prisma-lint services/` would:
the project is the folder of the closest configuration that declares `[project]` services or references,
else the `services/` folder the document is in. Open documents are linted with the editor's text, unsaved
changes included; the other files are read from disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from pygls.uris import to_fs_path

from prisma_lint.config import CONFIG_NAMES, find_config, load_config
from prisma_lint.project import InputError, discover

__all__ = ["document_path", "schema_group", "project_groups", "CONFIG_NAMES"]


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


def project_root(path: Path) -> Optional[Path]:
    """The folder whose schemas make the document's project, or None when it stands alone. Raises
    ConfigError when the closest configuration is broken."""
    config_path = find_config(path)
    if config_path is not None:
        project = load_config(config_path).project
        if project.services or project.references:
            return config_path.parent
    for folder in path.parents:
        if folder.name == "services":
            return folder
    return None


def project_groups(path: Path) -> list[list[Path]]:
    """The schemas linted together with the document (as `discover` groups them): its project's, or its
    own schema alone."""
    own = schema_group(path)
    root = project_root(path)
    if root is None:
        return [own]
    try:
        groups = discover([root])
    except InputError:
        return [own]
    if not any(path in group for group in groups):  # a new file, not on disk yet
        groups.append(own)
    return groups
