"""Schema file cannot be read.

## What it does
Reports a schema path that was not read, so the gate cannot have checked it: a dangling symlink, a
symlink loop, a file or folder the user may not read, a file over the size limit (64 MB, or
`PRISMA_LINT_MAX_FILE_SIZE`), and, as a warning, a special file (a FIFO, a device, a socket) named
`*.prisma` in a scanned folder, which is skipped rather than read (reading a FIFO waits forever and a
device such as `/dev/zero` never ends). The rest of the run goes on; an error here makes the exit code
2. A path given explicitly on the command line that is not a readable file or folder stops the run
with one message instead.

## Why is this bad?
A schema that was not read was not linted: a CI gate that passes over it silently would pass a
schema nobody checked.

## Example
No schema text triggers it: it is about the path. `tests/test_hardening.py` makes FIFOs, symlinks to
`/dev/zero`, symlink loops, dangling symlinks, unreadable files and folders, and oversize files. Fix the
path, or raise the size limit; an unreadable schema cannot be suppressed or switched off.

"""

from __future__ import annotations

CODE = "PL007"
NAME = "unreadable-file"
CATEGORY = "schema"
SEVERITY = "error"


def check(schema, ctx):
    # The linter reports the paths it could not read; a parsed schema has none.
    return ()
