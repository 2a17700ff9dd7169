"""A small platform written as one text, for rule examples, rule cases and tests.

```prisma
// project: references = { patientId = "api.Patient" }     <- a line of the [project] table (TOML)
// service: api                                            <- starts the schema of service `api`
model Patient {
  id String @id @default(uuid())
}
// file: prisma/migrations/migration_lock.toml: provider = "mysql"   <- a line of a file of `api`
// service: telehealth
model Appointment {
  id        String @id @default(uuid())
  patientId String
}
```

Line 1 of a service's schema is the line after its `// service:` marker. `write_platform` writes
`services/<name>/prisma/schema.prisma` (and the files) under a folder.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

__all__ = ["is_platform", "write_platform"]

_SERVICE = re.compile(r"^// service: (?P<name>\S+)\s*$")
_PROJECT = re.compile(r"^// project: (?P<line>.*)$")
_FILE = re.compile(r"^// file: (?P<path>[^:\s]+): (?P<line>.*)$")


def is_platform(text: str) -> bool:
    return any(_SERVICE.match(line) for line in text.splitlines())


def write_platform(text: str, folder: Path) -> tuple[Path, dict]:
    """Write the platform under `folder`; returns the `services/` folder and the `[project]` table."""
    schemas: dict[str, list[str]] = {}
    files: dict[tuple[str, str], list[str]] = {}
    project: list[str] = []
    current = None
    for line in text.splitlines():
        if (match := _SERVICE.match(line)) is not None:
            current = match.group("name")
            schemas.setdefault(current, [])
        elif (match := _PROJECT.match(line)) is not None:
            project.append(match.group("line"))
        elif current is not None and (match := _FILE.match(line)) is not None:
            files.setdefault((current, match.group("path")), []).append(match.group("line"))
        elif current is not None:
            schemas[current].append(line)
    services = folder / "services"
    for name, lines in schemas.items():
        prisma = services / name / "prisma"
        prisma.mkdir(parents=True, exist_ok=True)
        (prisma / "schema.prisma").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for (name, relative), lines in files.items():
        path = services / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return services, tomllib.loads("\n".join(project))
