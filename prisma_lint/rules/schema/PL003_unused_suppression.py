"""Suppression comment suppresses nothing, is misspelt, or suppresses too much.

## What it does
Checks every suppression comment (the grammar is in docs/suppressions.md):

* a comment addressed to prisma-lint that is not a directive (`prisma-lint-disable-nextline`,
  `prisma-lint-disable-lines`, `prisma-lint disable`), or a rule name that is not a rule, in a `//`
  directive or an npm `/// prisma-lint-ignore-*` comment, a directive written as a `///` documentation
  comment, and an npm ignore comment of the wrong kind (`ignore-model` on an enum) or documenting nothing,
  is an **error** whatever this rule's severity: it suppresses nothing while its author believes it does;
* a directive that suppressed no diagnostic;
* a directive that names no rule (it suppresses every rule), unless `allow-blanket`;
* a `prisma-lint-disable` with no `prisma-lint-enable` after it (it runs to the end of the file), unless
  `allow-unclosed`; and a `prisma-lint-enable` with no open `disable` to close.

## Why is this bad?
A suppression outlives the problem it was written for: once the field is renamed or the index added,
the comment stays and would silently hide the next, real problem on that line. A misspelt directive
suppresses nothing while its author believes it does; one that names no rule, or is never closed,
hides every future problem of the lines it covers, not just the one it was written for.

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
"""

from __future__ import annotations

from dataclasses import dataclass

from prisma_lint.rules.base import RuleOptions, option

CODE = "PL003"
NAME = "unused-suppression"
CATEGORY = "schema"
SEVERITY = "warning"


@dataclass(frozen=True)
class Options(RuleOptions):
    allow_blanket: bool = option(
        False, description="accept directives and npm ignore comments that name no rule.")
    allow_unclosed: bool = option(
        False, description="accept a `prisma-lint-disable` that runs to the end of the file.")


def check(schema, ctx):
    # Reported by the linter once every other rule has run (it needs their diagnostics).
    return ()
