"""Model or column deleted without the transition step.

## What it does
With `--changed-since REF` (a pull request's base branch), compares each changed service's schema with
its version at REF and reports a model, or a field that is a database column, that existed at REF and
is gone now although it was not marked `@@ignore` / `@ignore` at REF, and whose table or column is not
kept under another name (`@@map("old_table")` on the renamed model, `@map("old_column")` on the renamed
field). Relation fields are not columns and may go freely. Without `--changed-since` it reports nothing.

## Why is this bad?
The migration strategy preserves old columns during a transition: a running release still reads and
writes them until the next deploy. Dropping a column in the same change that stops using it breaks the
release that is live while the migration runs, and makes the rollback lose data. The safe sequence is
two changes: first `@ignore` (the client stops using the column, the database keeps it), then the
deletion once no deployed version needs it.

## Example
```prisma
// At the base branch: `legacyCode` is still a live column.
model Patient {
  id         String @id @default(uuid())
  legacyCode String
}
// This change deletes the line `legacyCode String`: reported.
```

Use instead:
```prisma
// First change: mark it ignored (the column stays; the client stops using it).
model Patient {
  id         String @id @default(uuid())
  legacyCode String @ignore
}
// A later change deletes the ignored field.
```

"""

from __future__ import annotations

CODE = "PL550"
NAME = "deleted-without-transition"
CATEGORY = "migrations"
SEVERITY = "error"


def check(schema, ctx):
    # Reported by `--changed-since` (prisma_lint.selection.changes), which reads REF's schema from git.
    return ()
