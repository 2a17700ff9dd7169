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
from pathlib import Path
from typing import Optional, Sequence

from prisma_lint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: exit code 2, one line, no traceback
        self.print_usage(sys.stderr)
        print(f"prisma-lint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


class _FixedWidth(argparse.HelpFormatter):
    """Used only while the parser is built: `add_argument` makes a formatter to check each metavar, and
    the default one asks `shutil` for the terminal's width (importing it costs 3 ms of start-up)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prisma-lint",
        description="Lint Prisma schemas: syntax, naming, keys, indexes, relations, and the platform's "
                    "migration-strategy conventions.",
        formatter_class=_FixedWidth,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="schema files, folders (searched for .prisma files; a folder named `schema` is one "
                             "multi-file schema) or glob patterns; default: prisma/schema.prisma")
    parser.add_argument("-c", "--config", metavar="FILE",
                        help="configuration file (prisma-lint.toml, pyproject.toml or .prismalintrc.json); "
                             "default: the closest one above each schema, else the strategy preset")
    _add_ci_arguments(parser)
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
    parser.add_argument("--no-cache", action="store_true",
                        help="lint everything afresh: neither read nor write the result cache (.prisma-lint-cache/)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="lint with N processes (default: one per core; a run with project-scope rules, "
                             "or a small one, stays in one process)")
    parser.add_argument("--graph", choices=("mermaid", "dot"),
                        help="print only the service dependency graph (Mermaid or Graphviz DOT) and exit")
    parser.add_argument("--project-json-schema", action="store_true",
                        help="print the JSON Schema of the `project` object of --format json")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour output")
    parser.add_argument("--version", action="version", version=f"prisma-lint {__version__}")
    parser.formatter_class = argparse.HelpFormatter  # `--help` and usage errors fit the terminal
    return parser


def _add_ci_arguments(parser: argparse.ArgumentParser) -> None:
    """Output formats and the options a CI gate needs (see docs/ci.md)."""
    from prisma_lint.reporters import FORMATS

    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: text; github when GITHUB_ACTIONS=true)")
    parser.add_argument("--output-file", metavar="PATH", help="write the report to this file instead of stdout")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                        help="the least severity that makes the exit code 1 (default: error)")
    parser.add_argument("--statistics", action="store_true", help="print the number of findings of each rule")
    parser.add_argument("-q", "--quiet", action="store_true", help="print the findings only, no summary")
    parser.add_argument("--changed-since", metavar="REF",
                        help="report only the services whose schema or migrations differ from this git ref, "
                             "and check that what they deleted went through @ignore/@@ignore first")
    parser.add_argument("--stdin-filename", metavar="PATH",
                        help="with `-` as the path: where the schema read from stdin lives (for its "
                             "configuration, service and the paths in the output)")


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
    from prisma_lint.ast.dump import AstTooDeepError, dump_json
    from prisma_lint.linter import discover
    from prisma_lint.parser import PrismaSyntaxError, parse_files

    status = EXIT_CLEAN
    for group in discover(paths):
        try:
            print(dump_json(parse_files(group)))
        except AstTooDeepError as error:
            print(f"prisma-lint: {group[0]}: {error}", file=sys.stderr)
            status = EXIT_ERROR
        except PrismaSyntaxError as error:
            for problem in error.errors:
                print(f"{problem.path}:{problem.line}:{problem.column}: {problem.message}", file=sys.stderr)
            status = EXIT_ERROR
    return status


def _run(args: argparse.Namespace) -> int:
    from prisma_lint.config import load_config

    if args.list_rules:
        return _list_rules()
    if args.explain:
        return _explain(args.explain)
    if args.ast_json_schema:
        from prisma_lint.ast.dump import json_schema

        print(json_schema())
        return EXIT_CLEAN
    if args.project_json_schema:
        from prisma_lint.reporters.project import json_schema as project_json_schema

        print(project_json_schema())
        return EXIT_CLEAN
    if args.dump_ast:
        if not args.paths:
            print("prisma-lint: --dump-ast needs a schema path", file=sys.stderr)
            return EXIT_ERROR
        return _dump_ast(args.paths)
    select, ignore = _split(args.select), _split(args.ignore) or []
    if select == []:
        from prisma_lint.linter import InputError

        raise InputError("--select: no rule given (an empty selection would run no rules and always pass)")
    config = load_config(args.config) if args.config else None
    if config is not None and (select is not None or ignore):
        config = config.with_cli(select, ignore)
    elif config is None and (select is not None or ignore):
        from prisma_lint.config import CliSelection

        config = CliSelection(select, ignore)  # applied on top of each schema's own configuration
    if args.fix or args.fix_only or args.diff:
        from prisma_lint.fixes.command import run_fix

        return run_fix(args, config)
    result = _lint(args, config)
    if _KEPT_FOR_EXIT is not None:
        _KEPT_FOR_EXIT.append(result)  # freed by the process's exit, not here (see `console_main`)
    if args.graph:
        return _graph(result, args.graph)
    _report(args, result)
    if not args.quiet:
        for message in _stderr_notes(result):
            print(message, file=sys.stderr)
    code = _exit_code(result, args.fail_on)
    return EXIT_CLEAN if args.exit_zero and code == EXIT_FINDINGS else code


def _lint(args: argparse.Namespace, config):
    """The paths given, or the schema on stdin (`-`)."""
    from prisma_lint.linter import InputError, lint_source
    from prisma_lint.runner import lint_cached

    if "-" not in args.paths:
        if args.stdin_filename:
            raise InputError("--stdin-filename needs `-` (read the schema from stdin) as the path")
        from prisma_lint.linter import lint_groups, schema_groups
        from prisma_lint.selection.ignored import skip_ignored
        from prisma_lint.selection.migrations import resolve_migration_paths

        paths = resolve_migration_paths(args.paths)
        groups = skip_ignored(paths, schema_groups(paths), args.config)
        if args.changed_since:
            from prisma_lint.selection.changes import restrict_to_changed

            result = lint_groups(groups, config)  # not cached: the report depends on git's state too
            restrict_to_changed(result, args.changed_since, Path.cwd(), lambda path: "PL550" in result.rules_run)
            return result
        if args.jobs is not None and args.jobs < 1:
            raise InputError("--jobs needs a number of processes >= 1")
        from prisma_lint.parallel import default_jobs

        use_cache = not args.no_cache and not os.environ.get("PRISMA_LINT_NO_CACHE")
        jobs = args.jobs or default_jobs()
        project_report = bool(args.graph) or _output_format(args) in ("json", "markdown")  # services, graph
        return lint_cached(groups, config, use_cache=use_cache, jobs=jobs, project_report=project_report)
    if args.paths != ["-"]:
        raise InputError("`-` (read the schema from stdin) cannot be combined with other paths")
    if args.changed_since:
        raise InputError("--changed-since compares files in a git repository; it cannot read stdin (`-`)")
    return lint_source(sys.stdin.read(), args.stdin_filename, config)


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"  # as yamllint does


def _report(args: argparse.Namespace, result) -> None:
    """Write the report (or the statistics) to stdout or --output-file; on GitHub (the `github` format,
    or `markdown` with GITHUB_STEP_SUMMARY set), the Markdown report also goes to the job summary."""
    from prisma_lint.reporters import render

    name = _output_format(args)
    to_terminal = not args.output_file and sys.stdout.isatty()
    if args.statistics:
        text = _statistics(result, as_json=name == "json")
    elif name == "text":
        color = args.color == "always" if args.output_file else _use_color(args.color)
        text = render(name, result, color=color, show_source=to_terminal, summary=not args.quiet)
    elif name in ("json", "markdown"):
        text = render(name, result, **_gate(args))
    else:
        text = render(name, result)
    if args.output_file:
        _write(args.output_file, text)
    else:
        sys.stdout.write(text)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and name in ("github", "markdown") and not args.statistics:
        markdown = text if name == "markdown" else render("markdown", result, **_gate(args))
        _append_step_summary(summary_file, markdown)


def _gate(args: argparse.Namespace) -> dict:
    """What decides the exit code, for the reports that state it (Markdown's headline, JSON's summary)."""
    return {"fail_on": args.fail_on, "exit_zero": args.exit_zero}


def _write(path: str, text: str) -> None:
    from prisma_lint.linter import InputError

    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"{path}: cannot write the report: {error.strerror or error}") from None


def _statistics(result, as_json: bool) -> str:
    """Findings counted by rule, most frequent first (ruff's `--statistics`)."""
    import json
    from collections import Counter

    counts = Counter((d.code, d.rule, d.severity.value) for d in result.diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if as_json:
        return json.dumps([{"code": code, "name": name, "severity": severity, "count": count}
                           for (code, name, severity), count in rows], indent=2) + "\n"
    width = max((len(str(count)) for _key, count in rows), default=1)
    return "".join(f"{count:>{width}}  {code}  {name}  [{severity}]\n" for (code, name, severity), count in rows)


def _exit_code(result, fail_on: str) -> int:
    """2 for a syntax error, a rule crash or a schema that could not be read; 1 when a finding is at least
    as severe as `fail_on`."""
    return result.exit_code_for(fail_on)


def _graph(result, kind: str) -> int:
    """The dependency graph alone. A schema with a syntax error leaves the graph incomplete: its errors
    go to stderr and the exit code is 2."""
    from prisma_lint.reporters.project import dot, mermaid, project_report

    report = project_report(result)
    print(mermaid(report) if kind == "mermaid" else dot(report))
    broken = [d for d in result.diagnostics if d.code == "PL001"]
    for d in broken:
        print(f"{d.path}:{d.line}:{d.column}: {d.message}", file=sys.stderr)
    return EXIT_ERROR if broken else EXIT_CLEAN


def _append_step_summary(path: str, output: str) -> None:
    """GitHub Actions shows what a step appends to $GITHUB_STEP_SUMMARY on the run's page."""
    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(output if output.endswith("\n") else output + "\n")
    except OSError as error:
        print(f"prisma-lint: cannot append to GITHUB_STEP_SUMMARY ({path}): {error.strerror or error}",
              file=sys.stderr)


def _stderr_notes(result) -> list[str]:
    if result.internal_errors:
        return [f"prisma-lint: {result.internal_errors} rule failure(s); see the internal-error findings"]
    return []


def _report_failure(args: argparse.Namespace, error: Exception) -> None:
    """A SARIF consumer must learn that the run failed (code scanning would otherwise show "no
    problems"): the log then holds the error as a tool execution notification."""
    if _output_format(args) != "sarif":
        return
    from prisma_lint.reporters.sarif import render_failure

    text = render_failure(str(error), getattr(error, "path", None))
    try:
        if args.output_file:
            _write(args.output_file, text)
        else:
            sys.stdout.write(text)
    except Exception:  # noqa: BLE001 - the error itself was already printed
        pass


# Set by `console_main`: the run's result is kept here so that it is never freed one object at a time.
_KEPT_FOR_EXIT: Optional[list] = None


def console_main() -> None:
    """The `prisma-lint` command: `main()`, then an immediate exit.

    Freeing a big schema's AST object by object costs about 5% of a 10,000-model run (0.19 s) and
    serves nothing when the process ends next, so the console script keeps the result alive, flushes
    its output and leaves with `os._exit`, as mypy does. Nothing is pending at that point: fixes and
    cache entries are written (atomically) and report files closed inside `main()`, worker processes
    have been joined, and the project registers no `atexit` handler. A library caller of `main()`
    keeps the ordinary behaviour."""
    global _KEPT_FOR_EXIT
    _KEPT_FOR_EXIT = []
    code = main()
    for stream in (sys.stdout, sys.stderr):  # None when the process was started with the descriptor closed
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                sys.exit(code)  # the interpreter's own exit path says what it can about the stream
    os._exit(code)


def main(argv: Optional[Sequence[str]] = None) -> int:
    # A lint run is short-lived and builds a large, acyclic AST: the cyclic garbage collector would
    # only re-scan it (measured: up to a third of the run on big schemas). Reference counting frees
    # everything; the collector stays off for the process.
    gc.disable()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["lsp"]:
        from prisma_lint.lsp import serve

        return serve(argv[1:])
    if argv[:1] == ["verify-migrations"]:  # migrations applied on a real PostgreSQL (prisma_lint.migrations)
        from prisma_lint.migrations.verify_cli import main as verify_migrations

        return verify_migrations(argv[1:])
    args = _build_parser().parse_args(argv)
    from prisma_lint.config import ConfigError
    from prisma_lint.linter import InputError

    from prisma_lint.stdout import OutputError, guarded_stdout

    try:
        with guarded_stdout():
            return _run(args)
    except OutputError as error:
        print(f"prisma-lint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except (ConfigError, InputError) as error:
        print(f"prisma-lint: {error}", file=sys.stderr)
        _report_failure(args, error)
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
