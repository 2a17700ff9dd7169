"""GitLab Code Quality (a JSON array, the `codequality` report artifact of a CI job), shown in the
merge request widget and on the diff.

Severities map onto GitLab's five levels (info, minor, major, critical, blocker): a syntax error or a
rule crash is `blocker` (nothing else in that schema could be checked), an error `critical`, a warning
`major`, an info `info`. `minor` is left unused: prisma-lint has no level between warning and info.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from prisma_lint.diagnostics import Severity
from prisma_lint.linter import LintResult
from prisma_lint.rules.schema import PL000_internal_error as internal_error
from prisma_lint.rules.schema import PL001_syntax_error as syntax_error
from prisma_lint.reporters.locations import fingerprints, relative_path

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}
BLOCKERS = {syntax_error.CODE, internal_error.CODE}


def render(result: LintResult, *, color: bool = False, show_source: bool = False,
           root: Optional[Path] = None) -> str:
    root = root or Path.cwd()
    issues = []
    for d, fingerprint in zip(result.diagnostics, fingerprints(result.diagnostics, root)):
        issues.append({
            "type": "issue",
            "description": d.message,
            "check_name": f"{d.code} {d.rule}",
            "fingerprint": fingerprint,
            "severity": "blocker" if d.code in BLOCKERS else SEVERITIES[d.severity],
            "location": {"path": relative_path(d.path, root) or "", "lines": {"begin": d.line, "end": d.end_line}},
        })
    return json.dumps(issues, indent=2) + "\n"
