"""Reading schema files and walking folders without hanging, exhausting memory or stopping the run.

A folder given on the command line may hold anything: a FIFO named `x.prisma` (opening it for reading
waits forever for a writer), a symlink to `/dev/zero` (reading it never ends), symlinks that point at
each other or at nothing, folders and files the user may not read, a multi-gigabyte file. So:

* only regular files (and symlinks to them) are read; a file is opened without blocking and checked
  with `fstat` on the open descriptor before a byte is read, so what is checked is what is read;
* a file bigger than the size limit (`PRISMA_LINT_MAX_FILE_SIZE`, default 64 MB) is refused before
  it is read, and a file that grows past the limit while it is read is refused too;
* walking a folder never follows symlinked folders (so it cannot loop), and a `.prisma` entry that
  cannot be read is recorded as a problem for that path while the walk goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Optional

__all__ = ["UnreadableFile", "max_file_size", "read_schema_bytes", "file_problem", "walk_prisma_files",
           "DEFAULT_MAX_FILE_SIZE", "MAX_FILE_SIZE_ENV"]

DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024  # the largest real schemas are a few MB
MAX_FILE_SIZE_ENV = "PRISMA_LINT_MAX_FILE_SIZE"
_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024 ** 2, "MB": 1024 ** 2, "G": 1024 ** 3, "GB": 1024 ** 3}
_CHUNK = 1 << 20


class UnreadableFile(OSError):
    """A schema path that is not read: `reason` says why. `skipped` is True for a special file (FIFO,
    device, socket) met while walking a folder: that is skipped with a warning, everything else is an
    error for that path."""

    def __init__(self, path: Path, reason: str, skipped: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason
        self.skipped = skipped


def max_file_size() -> int:
    """The size limit of a schema file in bytes: `PRISMA_LINT_MAX_FILE_SIZE` (`100MB`, `512K`, a number of
    bytes) or 64 MB. Raises ValueError for a value that is not a size."""
    raw = os.environ.get(MAX_FILE_SIZE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_FILE_SIZE
    number = raw.rstrip("bBkKmMgG ")
    unit = raw[len(number):].strip().upper()
    try:
        value = float(number) * _UNITS[unit]
    except (KeyError, ValueError):
        raise ValueError(f"{MAX_FILE_SIZE_ENV}={raw!r} is not a size (e.g. 64MB, 512K or a number of bytes)") from None
    if value <= 0:
        raise ValueError(f"{MAX_FILE_SIZE_ENV}={raw!r} must be more than 0")
    return int(value)


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.1f} KB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _reason(error: OSError, path: Path) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop (the symlinks point at each other)"
    if error.errno == errno.ENOENT and os.path.islink(path):
        try:
            return f"dangling symlink (it points at {os.readlink(path)}, which does not exist)"
        except OSError:
            return "dangling symlink"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read: {error.strerror or error}"


def file_problem(path: Path) -> Optional[UnreadableFile]:
    """Why `path` cannot be read as a schema without opening it (None for a regular file, or a symlink
    to one): a special file, a symlink loop, a dangling symlink."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return UnreadableFile(path, _reason(error, path))
    if stat.S_ISREG(mode):
        return None
    return UnreadableFile(path, f"{_kind(mode)}, not a regular file", skipped=not stat.S_ISDIR(mode))


def read_schema_bytes(path: Path, limit: Optional[int] = None) -> bytes:
    """The bytes of a schema file. Raises UnreadableFile for anything but a regular file of at most
    `limit` bytes (default `max_file_size()`), and for a file that cannot be opened."""
    limit = max_file_size() if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise UnreadableFile(path, _reason(error, Path(path))) from None
    try:
        mode, size = os.fstat(fd)[stat.ST_MODE], os.fstat(fd).st_size
        if not stat.S_ISREG(mode):
            raise UnreadableFile(path, f"{_kind(mode)}, not a regular file", skipped=not stat.S_ISDIR(mode))
        too_big = (f"too big: {{size}}, over the {_size(limit)} limit for a schema file (set "
                   f"{MAX_FILE_SIZE_ENV}, e.g. to 256MB, to raise it)")
        if size > limit:
            raise UnreadableFile(path, too_big.format(size=_size(size)))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnreadableFile(path, too_big.format(size=f"more than {_size(limit)}"))
        return b"".join(chunks)
    except UnreadableFile:
        raise
    except OSError as error:
        raise UnreadableFile(path, _reason(error, Path(path))) from None
    finally:
        os.close(fd)


def walk_prisma_files(folder: Path, skip: Iterable[str] = (), as_one: bool = False,
                      ) -> tuple[list[list[Path]], list[UnreadableFile]]:
    """The `.prisma` files under `folder` as schema groups (a folder named `schema` holding `.prisma` files
    is one group: Prisma's multi-file layout; so is `folder` itself with `as_one`, and every other file is
    its own group), in name order, and the
    problems met on the way (an unreadable folder, a `.prisma` entry that is not a readable regular
    file). Folders named in `skip` and symlinked folders are not entered. Raises UnreadableFile when
    `folder` itself cannot be listed."""
    skip = frozenset(skip)
    groups: list[list[Path]] = []
    problems: list[UnreadableFile] = []

    def entries(path: Path) -> Optional[list[os.DirEntry]]:
        try:
            with os.scandir(path) as listing:
                return sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            problem = UnreadableFile(path, "folder: " + _reason(error, path))
            if path == folder:
                raise problem from None
            problems.append(problem)
            return None

    def prisma_files(listing: list[os.DirEntry]) -> list[Path]:
        found = []
        for entry in listing:
            if not entry.name.endswith(".prisma"):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                continue
            problem = file_problem(Path(entry.path))
            if problem is None:
                found.append(Path(entry.path))
            else:
                problems.append(problem)
        return found

    def subfolders(listing: list[os.DirEntry]) -> list[Path]:
        found = []
        for entry in listing:
            try:
                if entry.is_dir(follow_symlinks=False) and entry.name not in skip:
                    found.append(Path(entry.path))
            except OSError:
                continue
        return found

    def schema_folder(path: Path) -> list[Path]:
        """Every `.prisma` file under a `schema` folder (one group)."""
        listing = entries(path)
        if listing is None:
            return []
        files = prisma_files(listing)
        for sub in subfolders(listing):
            files.extend(schema_folder(sub))
        return files

    stack = [folder]
    while stack:
        path = stack.pop()
        listing = entries(path)
        if listing is None:
            continue
        if (path == folder and as_one) or (path.name == "schema" and any(e.name.endswith(".prisma") for e in listing)):
            files = schema_folder(path)
            if files:
                groups.append(sorted(files))
            continue
        groups.extend([f] for f in prisma_files(listing))
        stack.extend(reversed(subfolders(listing)))  # depth first, in name order, as os.walk goes
    return groups, problems
