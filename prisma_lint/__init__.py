"""prisma-lint: parse and lint Prisma schemas, one service or a whole platform at a time."""

__version__ = "0.1.0"

from prisma_lint.parser import PrismaSyntaxError, SyntaxProblem, parse, parse_files, parse_path  # noqa: E402

__all__ = ["__version__", "PrismaSyntaxError", "SyntaxProblem", "parse", "parse_files", "parse_path"]
