"""Schema text is not valid Prisma syntax.

## What it does
Reports every syntax error of a schema file, with Prisma's own wording where it has one ("This line
is not a valid field or attribute definition."), the position, and what was expected there. The
parser recovers after a bad line inside a block, so one run lists every error of a file, as Prisma
does: at most 1,000 per file, then one error saying how many more there are, so that a binary or
generated mess cannot flood a terminal or a CI log. Old forms Prisma recognises and rejects (`Int[]?`,
`Int!`, `[Int]`, `name: Int`, a field with no type) are reported with Prisma's message for each. A
syntax error cannot be switched off: the exit code is 2 whenever one is found.

## Why is this bad?
`prisma generate`, `prisma migrate` and `prisma validate` all refuse a schema with a syntax error, so
the service cannot build or deploy. No other rule can check a file that does not parse.

## Example
```prisma
model Patient {
  id String @id
  this is not a field!
}
```

Use instead:
```prisma
model Patient {
  id String @id
}
```

"""

from __future__ import annotations

CODE = "PL001"
NAME = "syntax-error"
CATEGORY = "schema"
SEVERITY = "error"


def check(schema, ctx):
    # The linter turns the parser's errors into this rule's diagnostics; a parsed schema has none.
    return ()
