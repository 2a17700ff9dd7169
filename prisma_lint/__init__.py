"""prisma-lint: parse and lint Prisma schemas, one service or a whole platform at a time.

The public names are imported on first use (PEP 562), so `import prisma_lint` and `prisma-lint
--version` stay cheap, and a tool that only parses never loads the rule engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "PrismaSyntaxError": "prisma_lint.parser",
    "SyntaxProblem": "prisma_lint.parser",
    "parse": "prisma_lint.parser",
    "parse_files": "prisma_lint.parser",
    "parse_path": "prisma_lint.parser",
    "ConfigError": "prisma_lint.config",
    "LintConfig": "prisma_lint.config",
    "config_from_dict": "prisma_lint.config",
    "load_config": "prisma_lint.config",
    "Diagnostic": "prisma_lint.diagnostics",
    "Severity": "prisma_lint.diagnostics",
    "LintResult": "prisma_lint.linter",
    "lint_paths": "prisma_lint.linter",
    "lint_text": "prisma_lint.linter",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from prisma_lint.config import ConfigError, LintConfig, config_from_dict, load_config
    from prisma_lint.diagnostics import Diagnostic, Severity
    from prisma_lint.linter import LintResult, lint_paths, lint_text
    from prisma_lint.parser import PrismaSyntaxError, SyntaxProblem, parse, parse_files, parse_path


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'prisma_lint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
