"""Command line: `prisma-lint [PATHS...]`.

Exit codes: 0 clean (or only warnings and info), 1 an error-severity finding, 2 a usage, configuration
or syntax error (or a rule that crashed). Nothing ever ends in a traceback: an unexpected failure is
reported in one line, with exit code 2.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Optional, Sequence

from prisma_lint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: exit code 2, one line, no traceback
        self.print_usage(sys.stderr)
        print(f"prisma-lint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prisma-lint",
        description="Lint Prisma schemas: syntax, naming, keys, indexes, relations, and the platform's "
                    "migration-strategy conventions.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="schema files, folders (searched for .prisma files; a folder named `schema` is one "
                             "multi-file schema) or glob patterns; default: prisma/schema.prisma")
    parser.add_argument("--config", metavar="FILE",
                        help="configuration file (prisma-lint.toml, pyproject.toml or .prismalintrc.json); "
                             "default: the closest one above each schema, else the strategy preset")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format")
    parser.add_argument("--select", action="append", default=None, metavar="RULES",
                        help="run only these rules (codes, names, categories, code prefixes; comma-separated)")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES", help="do not run these rules")
    parser.add_argument("--list-rules", action="store_true", help="list the available rules and exit")
    parser.add_argument("--explain", metavar="RULE", help="show a rule's documentation and exit")
    parser.add_argument("--dump-ast", action="store_true", help="print each schema's AST as JSON and exit")
    parser.add_argument("--ast-json-schema", action="store_true", help="print the JSON Schema of --dump-ast's output")
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true",
                        help="apply the fixes of enabled rules to the files, then report what remains")
    fixing.add_argument("--fix-only", action="store_true",
                        help="apply the fixes without reporting what remains (exit 0 unless a file could "
                             "not be fixed)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing (exit 1 if there is a diff)")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply unsafe fixes (renames that change the generated client's API)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour output")
    parser.add_argument("--version", action="version", version=f"prisma-lint {__version__}")
    return parser


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _list_rules() -> int:
    from prisma_lint.rules.registry import default_registry

    for rule in default_registry():
        aliases = f" (also {', '.join(rule.aliases)})" if rule.aliases else ""
        print(f"{rule.code}  {rule.name:<34} {rule.category:<10} {rule.severity.value:<8} {rule.summary}{aliases}")
    return EXIT_CLEAN


def _explain(name: str) -> int:
    from prisma_lint.rules.registry import UnknownRuleError, default_registry

    try:
        rule = default_registry().get(name)
    except UnknownRuleError as error:
        print(f"prisma-lint: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.code} {rule.name} ({rule.category}, default severity {rule.severity.value})\n")
    print(rule.doc)
    return EXIT_CLEAN


def _dump_ast(paths: list[str]) -> int:
    from prisma_lint.ast.dump import dump_json
    from prisma_lint.linter import discover
    from prisma_lint.parser import PrismaSyntaxError, parse_files

    status = EXIT_CLEAN
    for group in discover(paths):
        try:
            print(dump_json(parse_files(group)))
        except PrismaSyntaxError as error:
            for problem in error.errors:
                print(f"{problem.path}:{problem.line}:{problem.column}: {problem.message}", file=sys.stderr)
            status = EXIT_ERROR
    return status


def _run(args: argparse.Namespace) -> int:
    from prisma_lint.config import load_config
    from prisma_lint.linter import lint_paths
    from prisma_lint.reporters import render

    if args.list_rules:
        return _list_rules()
    if args.explain:
        return _explain(args.explain)
    if args.ast_json_schema:
        from prisma_lint.ast.dump import json_schema

        print(json_schema())
        return EXIT_CLEAN
    if args.dump_ast:
        if not args.paths:
            print("prisma-lint: --dump-ast needs a schema path", file=sys.stderr)
            return EXIT_ERROR
        return _dump_ast(args.paths)
    select, ignore = _split(args.select), _split(args.ignore) or []
    config = load_config(args.config) if args.config else None
    if config is not None and (select is not None or ignore):
        config = config.with_cli(select, ignore)
    elif config is None and (select is not None or ignore):
        from prisma_lint.config import CliSelection

        config = CliSelection(select, ignore)  # applied on top of each schema's own configuration
    if args.fix or args.fix_only or args.diff:
        from prisma_lint.fixes.command import run_fix

        return run_fix(args, config)
    result = lint_paths(args.paths, config)
    color = _use_color(args.color)
    show_source = args.format == "text" and sys.stdout.isatty()
    sys.stdout.write(render(args.format, result, color=color, show_source=show_source))
    for message in _stderr_notes(result):
        print(message, file=sys.stderr)
    return EXIT_CLEAN if args.exit_zero and result.exit_code == EXIT_FINDINGS else result.exit_code


def _stderr_notes(result) -> list[str]:
    if result.internal_errors:
        return [f"prisma-lint: {result.internal_errors} rule failure(s); see the internal-error findings"]
    return []


def main(argv: Optional[Sequence[str]] = None) -> int:
    # A lint run is short-lived and builds a large, acyclic AST: the cyclic garbage collector would
    # only re-scan it (measured: up to a third of the run on big schemas). Reference counting frees
    # everything; the collector stays off for the process.
    gc.disable()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["lsp"]:
        from prisma_lint.lsp import serve

        return serve(argv[1:])
    args = _build_parser().parse_args(argv)
    from prisma_lint.config import ConfigError
    from prisma_lint.linter import InputError

    try:
        return _run(args)
    except (ConfigError, InputError) as error:
        print(f"prisma-lint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("prisma-lint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as error:  # noqa: BLE001 - the promise is: never a traceback
        print(f"prisma-lint: internal error: {type(error).__name__}: {error} "
              "(please report it with the schema that caused it)", file=sys.stderr)
        if os.environ.get("PRISMA_LINT_DEBUG"):
            raise
        return EXIT_ERROR
