"""Suppression comment suppresses nothing.

## What it does
Reports a `// prisma-lint-disable...` comment that did not suppress any diagnostic, and a comment that
looks like a directive but is not one (a misspelt `prisma-lint-disabel`, an unknown rule name).

## Why is this bad?
A suppression outlives the problem it was written for: once the field is renamed or the index added,
the comment stays and would silently hide the next, real problem on that line. A misspelt directive
suppresses nothing while its author believes it does.

## Example
```prisma
model Patient {
  id        String @id @default(uuid())
  // prisma-lint-disable-next-line field-name-camel-case
  firstName String
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
```

Use instead:
```prisma
model Patient {
  id        String @id @default(uuid())
  firstName String
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
```

## Options
None.
"""

from __future__ import annotations

CODE = "PL003"
NAME = "unused-suppression"
CATEGORY = "schema"
SEVERITY = "warning"


def check(schema, ctx):
    # Reported by the linter once every other rule has run (it needs their diagnostics).
    return ()
