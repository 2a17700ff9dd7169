"""One line per finding, `path:line:col: CODE [severity] message`, for editors and grep: no source
excerpt, no colour, no summary."""

from __future__ import annotations

from prisma_lint.linter import LintResult


def render(result: LintResult, *, color: bool = False, show_source: bool = False) -> str:
    return "".join(f"{d.path or '<string>'}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}\n"
                   for d in result.diagnostics)
