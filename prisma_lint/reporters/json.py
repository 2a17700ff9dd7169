"""`{"diagnostics": [...], "summary": {...}}` on stdout: the machine-readable form."""

from __future__ import annotations

import json

from prisma_lint.linter import LintResult


def render(result: LintResult, *, color: bool = False, show_source: bool = False) -> str:
    payload = {"diagnostics": [d.to_dict() for d in result.diagnostics], "summary": result.summary()}
    return json.dumps(payload, indent=2) + "\n"
