"""prisma-lint: parse and lint Prisma schemas, one service or a whole platform at a time."""

__version__ = "0.1.0"

from prisma_lint.parser import PrismaSyntaxError, SyntaxProblem, parse, parse_files, parse_path  # noqa: E402

__all__ = ["__version__", "PrismaSyntaxError", "SyntaxProblem", "parse", "parse_files", "parse_path"]

from prisma_lint.config import ConfigError, LintConfig, config_from_dict, load_config  # noqa: E402
from prisma_lint.diagnostics import Diagnostic, Severity  # noqa: E402
from prisma_lint.linter import LintResult, lint_paths, lint_text  # noqa: E402

__all__ += ["ConfigError", "LintConfig", "config_from_dict", "load_config", "Diagnostic", "Severity",
            "LintResult", "lint_paths", "lint_text"]
