"""Command line: `prisma-lint [PATHS...]`. Exit codes: 0 clean, 1 findings, 2 usage or syntax error."""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from prisma_lint import __version__
from prisma_lint.parser import PrismaSyntaxError, parse_path


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="prisma-lint", description="Parse and lint Prisma schemas.")
    parser.add_argument("paths", nargs="*", help="schema files or folders")
    parser.add_argument("--dump-ast", action="store_true", help="print the parsed schema as JSON")
    parser.add_argument("--version", action="version", version=f"prisma-lint {__version__}")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _build_parser().parse_args(argv)
    if args.dump_ast:
        from prisma_lint.ast.dump import dump_json

        status = 0
        for path in args.paths:
            try:
                print(dump_json(parse_path(path)))
            except PrismaSyntaxError as error:
                for problem in error.errors:
                    print(f"{problem.path}:{problem.line}:{problem.column}: {problem.message}", file=sys.stderr)
                status = 2
            except OSError as error:
                print(f"prisma-lint: {error}", file=sys.stderr)
                status = 2
        return status
    return 0
