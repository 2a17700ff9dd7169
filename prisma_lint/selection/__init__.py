"""Which schemas a run lints, beyond the paths given: the schema a migration file belongs to, the
services changed since a git ref, and the files git ignores."""
