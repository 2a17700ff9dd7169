"""Service's `migration_lock.toml` names another provider than its datasource.

## What it does
Reads each service's `migrations/migration_lock.toml` and compares its `provider` with the `provider`
of the service's `datasource`; a difference (or a lock file that is not valid TOML or names no
provider) is reported at the lock file's `provider` line.

## Why is this bad?
Prisma writes the lock file when the first migration is created and refuses to apply migrations when
the datasource's provider no longer matches it: the migrations in the folder were written for another
database. A lock file edited by hand or copied from another service hides that until deploy time.

## Example
```prisma
// service: api
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
// file: prisma/migrations/migration_lock.toml: provider = "mysql"
```

Use instead:
```prisma
// service: api
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
// file: prisma/migrations/migration_lock.toml: provider = "postgresql"
```
"""

from __future__ import annotations

import re
import tomllib
from typing import Iterator

from prisma_lint.ast.nodes import Span
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.files import read_schema_bytes
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext

CODE = "PL608"
NAME = "migration-lock-provider"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"

_PROVIDER_LINE = re.compile(r"^\s*provider\s*=")


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    for service in project.services:
        lock = service.lock_file
        if lock is None or not service.parsed or service.provider is None:
            continue
        try:
            # Read as safely as a schema (regular files only, bounded): a lock file is a few lines.
            text = read_schema_bytes(lock, limit=1 << 20).decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            yield ctx.diagnostic(Span(str(lock), 1, 1, 1, 1, 0, 0), f"`migration_lock.toml` cannot be read: {error}.")
            continue
        lines = text.splitlines()
        number = next((i for i, line in enumerate(lines, 1) if _PROVIDER_LINE.match(line)), 1)
        width = len(lines[number - 1]) if lines else 0
        span = Span(str(lock), number, 1, number, width + 1, 0, 0)
        try:
            provider = tomllib.loads(text).get("provider")
        except tomllib.TOMLDecodeError as error:
            yield ctx.diagnostic(span, f"`migration_lock.toml` is not valid TOML: {error}.")
            continue
        if provider != service.provider:
            said = f"`{provider}`" if isinstance(provider, str) else "no provider"
            yield ctx.diagnostic(span, f"`migration_lock.toml` names {said}, but `{service.name}`'s datasource "
                                       f"provider is `{service.provider}`: Prisma refuses to deploy these "
                                       "migrations.",
                                 fix_hint="Regenerate the migrations for the datasource's provider, or fix the "
                                          "datasource.")
