"""Finding the schemas a run stands for, and the service each one belongs to.

A path given on the command line is a schema file, a schema folder (Prisma's multi-file layout: a folder
named `schema`), a folder searched for `.prisma` files, or a glob. A service is the folder that holds
`prisma/schema.prisma` (or `prisma/schema/`): its name is that folder's name unless the project settings
map a root to a name. A schema outside any `prisma/` folder is its own service, named after its folder
(for `schema.prisma`) or its file.
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Union

from prisma_lint.files import UnreadableFile, file_problem, max_file_size, walk_prisma_files

__all__ = ["InputError", "Groups", "discover", "default_targets", "ServiceLocation", "locate_service"]

_SKIPPED_FOLDERS = {"node_modules", ".git", ".venv", "venv", "__pycache__", ".cache"}


class InputError(ValueError):
    """A path that cannot be linted (missing, or no schema in it)."""


def default_targets(cwd: Path) -> list[Path]:
    """No path given: package.json's `prisma.schema`, else `prisma/schema.prisma` or `prisma/schema/`."""
    package = cwd / "package.json"
    if package.is_file():
        try:
            configured = json.loads(package.read_text(encoding="utf-8")).get("prisma", {}).get("schema")
        except (OSError, ValueError, AttributeError):
            configured = None
        if isinstance(configured, str):
            return [cwd / configured]
    for candidate in (cwd / "prisma" / "schema.prisma", cwd / "prisma" / "schema"):
        if candidate.exists():
            return [candidate]
    raise InputError("no schema given and none found (looked for prisma/schema.prisma, prisma/schema/ and "
                     "package.json's prisma.schema)")


class Groups(list):
    """What `discover` returns: the schemas, each a list of files, and `problems`: the paths met while
    walking folders that are not read (special files, dangling symlinks, symlink loops, unreadable files
    and folders), each to be reported for its path while the rest of the run goes on."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[UnreadableFile] = []


def discover(paths: Iterable[Union[str, Path]], schema_folders: Iterable[Union[str, Path]] = ()) -> Groups:
    """The schemas the paths stand for, each a list of files. A file is a schema; a folder is one schema
    when it is named `schema` (Prisma's multi-file layout) or a configuration names it as the schema
    (`schema_folders`: package.json's `prisma.schema`); any other folder is searched for schemas.
    `parse_path` follows the same rule.

    A path given explicitly must be a readable regular file or folder (InputError otherwise); inside a
    folder, what cannot be read is collected in `.problems` instead (see `prisma_lint.files`)."""
    try:
        max_file_size()  # a bad PRISMA_LINT_MAX_FILE_SIZE is a usage error, said before anything is read
    except ValueError as error:
        raise InputError(str(error)) from None
    named = {Path(folder).resolve() for folder in schema_folders}
    units = Groups()
    seen: set[Path] = set()

    def add(files: list[Path]) -> None:
        files = [f for f in files if f.resolve() not in seen]
        if files:
            seen.update(f.resolve() for f in files)
            units.append(files)

    targets: list[Path] = []
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"{text}: no file matches this pattern")
            targets.extend(Path(m) for m in matches)
        else:
            targets.append(Path(text))
    for target in targets:
        problem = file_problem(target)
        if problem is None:
            add([target])
            continue
        if not target.is_dir():
            if not os.path.lexists(target):
                raise InputError(f"{target}: no such file or folder")
            raise InputError(str(problem))
        try:
            found, problems = walk_prisma_files(target, _SKIPPED_FOLDERS, as_one=target.resolve() in named)
        except UnreadableFile as error:
            raise InputError(str(error)) from None
        units.problems.extend(problems)
        if not found and not problems:
            raise InputError(f"{target}: no .prisma files in this folder")
        for files in found:
            add(files)
    return units


@dataclass(frozen=True)
class ServiceLocation:
    """Where a schema's service is: its name (before the settings map it), root and `prisma/` folder."""

    name: str
    root: Path
    prisma_dir: Path


def locate_service(files: list[Path]) -> ServiceLocation:
    """The service of one schema (its files, as `discover` grouped them)."""
    first = files[0]
    folder = first.parent

    def name(path: Path) -> str:
        return path.resolve().name or "root"

    # A schema folder (`prisma/schema/`, files possibly one folder deeper; or any folder package.json
    # names) holds them all: the service is the folder around it.
    candidates = [folder, folder.parent]
    if len(files) > 1:
        candidates.append(Path(os.path.commonpath([str(f.parent) for f in files])))
    for parent in candidates:
        if (name(parent) == "schema" or parent == candidates[-1] and len(files) > 1) and \
                all(f.is_relative_to(parent) for f in files):
            container = parent.parent
            if name(container) == "prisma":
                return ServiceLocation(name(container.parent), container.parent, container)
            return ServiceLocation(name(container), container, container)
    if name(folder) == "prisma":
        return ServiceLocation(name(folder.parent), folder.parent, folder)
    if first.name == "schema.prisma":
        return ServiceLocation(name(folder), folder, folder)
    return ServiceLocation(first.stem, folder, folder)


def configured_service(path: Path, roots: dict[str, Path]) -> Optional[str]:
    """The configured service whose root holds `path` (the deepest root wins), if any."""
    resolved = path.resolve()
    best: Optional[tuple[int, str]] = None
    for name, root in roots.items():
        root_resolved = root.resolve()
        if resolved.is_relative_to(root_resolved):
            depth = len(root_resolved.parts)
            if best is None or depth > best[0]:
                best = (depth, name)
    return best[1] if best else None
