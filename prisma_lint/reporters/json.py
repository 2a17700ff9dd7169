"""`{"diagnostics": [...], "summary": {...}, "project": {...}}` on stdout: the machine-readable form.
The `project` object's shape is `prisma_lint.reporters.project.ProjectReport` (its JSON Schema:
`prisma-lint --project-json-schema`)."""

from __future__ import annotations

import json

from prisma_lint.linter import LintResult
from prisma_lint.reporters.project import project_report


def render(result: LintResult, *, color: bool = False, show_source: bool = False, fail_on: str = "error",
           exit_zero: bool = False) -> str:
    """`fail_on` and `exit_zero` as the run was given them, so the stated exit code is the real one."""
    payload = {"diagnostics": [d.to_dict() for d in result.diagnostics],
               "summary": result.summary(fail_on, exit_zero),
               "project": project_report(result).model_dump(by_alias=True)}
    return json.dumps(payload, indent=2) + "\n"
