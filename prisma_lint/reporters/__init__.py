"""Output formats, one module each: `render(result, options) -> str`.

`text`, `concise`, `json` and `markdown` are for people and scripts; `sarif` (code scanning), `github`
(workflow annotations), `gitlab` (Code Quality) and `junit` (test reports) are for CI systems.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads FORMATS while building its parser: `--help` needs no linter
    from prisma_lint.linter import LintResult

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "concise", "json", "markdown", "sarif", "github", "gitlab", "junit")


def render(name: str, result: "LintResult", *, color: bool = False, show_source: bool = False, **options) -> str:
    """Render with format `name`; `options` are format-specific (`summary=False` for text)."""
    module = importlib.import_module(f"prisma_lint.reporters.{name}")
    return module.render(result, color=color, show_source=show_source, **options)
