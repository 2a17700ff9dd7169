"""Prisma Schema Language parser: tokenizer, Lark grammar, AST builder and error recovery."""

from prisma_lint.parser.errors import PrismaSyntaxError, SyntaxProblem
from prisma_lint.parser.parser import parse, parse_files, parse_path, schema_files

__all__ = ["PrismaSyntaxError", "SyntaxProblem", "parse", "parse_files", "parse_path", "schema_files"]
