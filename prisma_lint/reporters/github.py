"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE rule::message` (`::warning` and
`::notice` for the other severities). GitHub decodes `%25`, `%0D` and `%0A` in the message, and also
`%3A` and `%2C` in property values, where a raw `:` or `,` would end the value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.linter import LintResult
from prisma_lint.reporters.locations import relative_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, root: Path) -> str:
    properties = []
    path = relative_path(d.path, root)
    if path is not None:
        properties += [("file", path), ("line", d.line), ("col", d.column),
                       ("endLine", d.end_line), ("endColumn", d.end_column)]
    properties.append(("title", f"{d.code} {d.rule}"))
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[d.severity]} {joined}::{escape_data(d.message)}"


def render(result: LintResult, *, color: bool = False, show_source: bool = False,
           root: Optional[Path] = None) -> str:
    root = root or Path.cwd()
    return "".join(annotation(d, root) + "\n" for d in result.diagnostics)
