"""The typed AST. Import it as `from prisma_lint import ast as past` to keep the stdlib `ast` apart."""

from prisma_lint.ast.nodes import *  # noqa: F401,F403
from prisma_lint.ast.nodes import __all__  # noqa: F401
