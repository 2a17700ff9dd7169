"""`path:line:col: CODE [name] message`, with the source line and a caret on a terminal."""

from __future__ import annotations

from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.linter import LintResult
from prisma_lint.parser.errors import caret_excerpt
from prisma_lint.parser.lines import split_lines

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _source_lines(result: LintResult) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for unit in result.units:
        for path, text in unit.texts.items():
            if path is not None:
                lines[path] = split_lines(text)
    return lines


def _line(d: Diagnostic, color: bool) -> str:
    if not color:  # one string built at once: a report can have tens of thousands of lines
        return f"{d.path or '<string>'}:{d.line}:{d.column}: {d.code} [{d.rule}] {d.message}"
    where = f"{d.path or '<string>'}:{d.line}:{d.column}:"
    label = f"{d.code} [{d.rule}]"
    return f"{_BOLD}{where}{_RESET} {_COLORS[d.severity]}{label}{_RESET} {d.message}"


def render(result: LintResult, *, color: bool = False, show_source: bool = False, summary: bool = True) -> str:
    sources = _source_lines(result) if show_source else {}
    out: list[str] = []
    for d in result.diagnostics:
        out.append(_line(d, color))
        if show_source:
            lines = sources.get(d.path or "")
            if lines is None and d.path:
                try:
                    with open(d.path, encoding="utf-8", newline="") as handle:
                        lines = sources[d.path] = split_lines(handle.read())
                except OSError:
                    lines = sources[d.path] = []
            if lines and 0 < d.line <= len(lines):
                width = d.end_column - d.column if d.end_line == d.line else len(lines[d.line - 1]) - d.column + 1
                excerpt = caret_excerpt(lines[d.line - 1], d.column, width)
                out.append(f"{_DIM}{excerpt}{_RESET}" if color else excerpt)
            if d.fix_hint:
                out.append(f"  help: {d.fix_hint}")
    if not summary:
        return "".join(line + "\n" for line in out)
    s = result.summary()
    parts = [f"{s['errors']} error{'s' * (s['errors'] != 1)}", f"{s['warnings']} warning{'s' * (s['warnings'] != 1)}"]
    if s["infos"]:
        parts.append(f"{s['infos']} info")
    schemas = f"{s['schemas']} schema{'s' * (s['schemas'] != 1)}"
    out.append(f"Found {', '.join(parts)} in {schemas} ({s['files']} file{'s' * (s['files'] != 1)}).")
    safe = sum(1 for d in result.diagnostics if d.edits and not d.unsafe_fix)
    unsafe = sum(1 for d in result.diagnostics if d.edits and d.unsafe_fix)
    if safe or unsafe:  # as ruff says it: what --fix would do, and what only --unsafe-fixes would
        more = f" ({unsafe} more with `--fix --unsafe-fixes`)" if unsafe and safe else ""
        out.append(f"{safe} fixable with `prisma-lint --fix`{more}." if safe
                   else f"{unsafe} fixable with `prisma-lint --fix --unsafe-fixes`.")
    return "\n".join(out) + "\n"
