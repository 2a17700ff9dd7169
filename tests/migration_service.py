"""Build a service folder on disk for migration tests: `prisma/schema.prisma` and files under
`prisma/migrations/` (used by rule cases with a `migrations` table and by the rules' docs Examples)."""

from __future__ import annotations

import re
from pathlib import Path

_FILE_MARK = re.compile(r"^-- file: (\S+)\s*$", re.MULTILINE)


def write_service(root: Path, schema: str, files: dict[str, str], lock: bool = True) -> Path:
    """Write the service; return the schema file's path. `files` maps a path under `migrations/` to its text."""
    prisma = root / "prisma"
    (prisma / "migrations").mkdir(parents=True, exist_ok=True)
    (prisma / "schema.prisma").write_text(schema, encoding="utf-8")
    if lock:
        (prisma / "migrations" / "migration_lock.toml").write_text('provider = "postgresql"\n', encoding="utf-8")
    for name, text in files.items():
        path = prisma / "migrations" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return prisma / "schema.prisma"


def split_files(sql: str) -> dict[str, str]:
    """A ```sql block of a rule's docs, cut at its `-- file: PATH` lines into files (each keeps its line)."""
    files: dict[str, str] = {}
    marks = list(_FILE_MARK.finditer(sql))
    for mark, following in zip(marks, marks[1:] + [None]):
        end = following.start() if following else len(sql)
        files[mark.group(1)] = sql[mark.start():end]
    return files
