"""Output formats, one module each: `render(result, options) -> str`."""

from __future__ import annotations

import importlib

from prisma_lint.linter import LintResult

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "markdown")


def render(name: str, result: LintResult, *, color: bool = False, show_source: bool = False) -> str:
    module = importlib.import_module(f"prisma_lint.reporters.{name}")
    return module.render(result, color=color, show_source=show_source)
