"""`prisma-lint --fix`, `--fix-only` and `--diff`: the command line's side of the fix engine.

Messages about the fixing itself (how many findings were fixed, a file that was not written) go to
standard error, so standard output stays the report (`--fix`) or the patch (`--diff`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Union

from prisma_lint.config import CliSelection, LintConfig
from prisma_lint.fixes.diff import unified_diff
from prisma_lint.fixes.engine import MAX_PASSES, fix_groups, write_fixes
from prisma_lint.linter import InputError, lint_groups, schema_groups

__all__ = ["run_fix"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run_fix(args: argparse.Namespace, config: Union[LintConfig, CliSelection, None]) -> int:
    if "-" in args.paths:
        raise InputError("--fix, --fix-only and --diff work on files; `-` (stdin) cannot be fixed in place")
    groups = schema_groups(args.paths)
    outcome, problems = fix_groups(groups, config, unsafe=args.unsafe_fixes)
    changed = outcome.changed
    fixed = _plural(len(outcome.fixed), "finding")
    files = _plural(len(changed), "file")
    notes: list[str] = []
    if not outcome.settled:
        notes.append(f"prisma-lint: fixes still overlapped after {MAX_PASSES} passes; run --fix again")
    for diagnostic in outcome.rejected:
        notes.append(f"prisma-lint: {diagnostic.path}:{diagnostic.line}:{diagnostic.column}: the fix of "
                     f"{diagnostic.code} would leave the schema unparsable; not applied (please report it)")
    if args.diff:
        for path in changed:
            sys.stdout.write(unified_diff(path, outcome.originals[path], outcome.texts[path]))
        notes.append(f"prisma-lint: would fix {fixed} in {files}" if changed else "prisma-lint: nothing to fix")
        _print(notes + problems)
        if problems:
            return EXIT_ERROR
        return EXIT_FINDINGS if changed else EXIT_CLEAN
    problems.extend(write_fixes(outcome))
    notes.append(f"prisma-lint: fixed {fixed} in {files}" if changed else "prisma-lint: nothing to fix")
    if args.fix_only:
        _print(notes + problems)
        return EXIT_ERROR if problems else EXIT_CLEAN
    # --fix: report what remains, as a plain run would (read back from disk), in the chosen format.
    from prisma_lint.cli import _exit_code, _report, _stderr_notes

    result = lint_groups(groups, config)
    _report(args, result)
    _print(notes + problems + ([] if args.quiet else _stderr_notes(result)))
    if problems:
        return EXIT_ERROR
    code = _exit_code(result, args.fail_on)
    return EXIT_CLEAN if args.exit_zero and code == EXIT_FINDINGS else code


def _print(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)
