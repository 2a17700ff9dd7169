"""A Markdown report for CI (a job summary or a pull-request comment): totals per schema and rule,
then every finding. Tables are rendered by tabulate (imported here only, so plain runs never pay for it).
"""

from __future__ import annotations

from collections import Counter

from prisma_lint.linter import LintResult


def render(result: LintResult, *, color: bool = False, show_source: bool = False) -> str:
    from tabulate import tabulate

    s = result.summary()
    out = ["# prisma-lint report", ""]
    status = "passed" if s["exit_code"] == 0 else "failed"
    out.append(f"**{status}**: {s['errors']} errors, {s['warnings']} warnings, {s['infos']} info "
               f"in {s['schemas']} schemas ({s['files']} files).")
    out.append("")
    per_schema: Counter[str] = Counter()
    per_rule: Counter[tuple[str, str, str]] = Counter()
    for d in result.diagnostics:
        per_schema[d.path or "<string>"] += 1
        per_rule[(d.code, d.rule, d.severity.value)] += 1
    if per_rule:
        out += ["## By rule", ""]
        rows = [(f"`{code}`", name, severity, count) for (code, name, severity), count in sorted(per_rule.items())]
        out.append(tabulate(rows, headers=["Code", "Rule", "Severity", "Findings"], tablefmt="github"))
        out.append("")
        out += ["## Findings", ""]
        rows = [(f"`{d.path}:{d.line}:{d.column}`", f"`{d.code}`", d.severity.value, d.message.replace("|", "\\|"))
                for d in result.diagnostics]
        out.append(tabulate(rows, headers=["Location", "Code", "Severity", "Message"], tablefmt="github"))
        out.append("")
    return "\n".join(out)
