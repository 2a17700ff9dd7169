"""Reading a schema file for fixing, and writing the fixed text back without losing anything.

A byte-order mark is set aside while the text is linted and fixed (Prisma itself rejects it, so with it
no rule would run) and put back on writing. Line endings and a missing final newline are kept because
edits only touch their own spans (see `prisma_lint.fixes.edits`). Writing goes to a temporary file in
the same folder, which then replaces the original in one rename, so a crash never leaves half a schema;
the original's permission bits are kept, and a file that changed on disk since it was read is left alone.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SourceFile", "ChangedOnDisk", "BOM"]

BOM = "\ufeff"


class ChangedOnDisk(RuntimeError):
    """The file is no longer what was read: someone else wrote it meanwhile."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    raw: bytes  # exactly as read
    text: str  # decoded, without a byte-order mark
    bom: bool

    @classmethod
    def read(cls, path: Path) -> "SourceFile":
        """Raises UnicodeDecodeError for a file that is not UTF-8, OSError when it cannot be read."""
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        bom = text.startswith(BOM)
        return cls(path, raw, text[1:] if bom else text, bom)

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + text).encode("utf-8")

    def write(self, text: str) -> None:
        """Replace the file with `text` (its BOM restored), atomically. Raises ChangedOnDisk when the file
        is not what was read, OSError when it cannot be written."""
        target = Path(os.path.realpath(self.path))  # a symlinked schema: write its target, keep the link
        try:
            now = target.read_bytes()
        except FileNotFoundError:
            raise ChangedOnDisk(f"{self.path}: deleted since it was read; not written") from None
        if now != self.raw:
            raise ChangedOnDisk(f"{self.path}: changed on disk since it was read; not overwritten "
                                "(run the fix again)")
        mode = stat.S_IMODE(target.stat().st_mode)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(self.encode(text))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
