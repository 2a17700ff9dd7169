"""A Markdown report for CI (a job summary or a pull-request comment): the migration strategy's
verification table computed across services, a table per service, the deployment order, the service
dependency graph as a Mermaid block (GitHub renders it), then totals per rule and every finding.
Tables are rendered by tabulate (imported here only, so plain runs never pay for it).
"""

from __future__ import annotations

from collections import Counter

from prisma_lint.linter import LintResult
from prisma_lint.reporters.project import ProjectReport, mermaid, project_report

_STATUS = {"consistent": "CONSISTENT", "inconsistent": "INCONSISTENT", "not checked": "not checked"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _project_sections(result: LintResult, report: ProjectReport, tabulate) -> list[str]:
    out = ["## Schema consistency verification", "",
           "Computed across the services from this run's findings (the migration strategy's table, not "
           "asserted by hand).", ""]
    rows = [(row.aspect, _STATUS[row.status] + (f" ({row.findings})" if row.findings else ""), _cell(row.notes))
            for row in report.verification]
    out += [tabulate(rows, headers=["Aspect", "Status", "Notes"], tablefmt="github"), ""]
    if not report.services:
        return out
    depends = {}
    for dependency in report.dependencies:
        depends.setdefault(dependency.from_, []).append(dependency.to)
    out += ["## Services", ""]
    rows = []
    for s in report.services:
        targets = ", ".join(depends.get(s.name, []))
        references = f"{s.references} ({targets})" if s.references else "0"
        rows.append((f"`{s.name}`", s.provider or "-", s.models if s.parsed else "syntax error", s.enums,
                     s.relations, references, s.migrations, s.errors, s.warnings, s.infos))
    out += [tabulate(rows, headers=["Service", "Provider", "Models", "Enums", "Relations", "Cross-service refs",
                                    "Migrations", "Errors", "Warnings", "Info"], tablefmt="github"), ""]
    out += ["## Deployment order", "", "Computed from the dependencies (dependencies first, ties in name order):", ""]
    for index, name in enumerate(report.deployment_order, 1):
        after = depends.get(name)
        out.append(f"{index}. `{name}`" + (f" (after {', '.join(f'`{d}`' for d in after)})" if after else ""))
    out.append("")
    if report.declared_deployment_order is not None:
        out += ["Declared (`deployment-order`): " + " -> ".join(f"`{n}`" for n in report.declared_deployment_order),
                ""]
    for cycle in report.cycles:
        out += [f"**Dependency cycle**: {' -> '.join(cycle)} (deployed together).", ""]
    out += ["## Service dependencies", "", "```mermaid", mermaid(report), "```", ""]
    return out


def render(result: LintResult, *, color: bool = False, show_source: bool = False, fail_on: str = "error",
           exit_zero: bool = False) -> str:
    """`fail_on` and `exit_zero` as the run was given them, so the stated exit code is the real one."""
    from tabulate import tabulate

    s = result.summary(fail_on, exit_zero)
    out = ["# prisma-lint report", ""]
    status = "passed" if s["exit_code"] == 0 else "failed"
    out.append(f"**{status}**: {s['errors']} errors, {s['warnings']} warnings, {s['infos']} info "
               f"in {s['schemas']} schemas ({s['files']} files).")
    out.append("")
    if result.units or (result.project is not None and result.project.services) or result.project_view:
        out += _project_sections(result, project_report(result), tabulate)
    per_rule: Counter[tuple[str, str, str]] = Counter()
    for d in result.diagnostics:
        per_rule[(d.code, d.rule, d.severity.value)] += 1
    if per_rule:
        out += ["## By rule", ""]
        rows = [(f"`{code}`", name, severity, count) for (code, name, severity), count in sorted(per_rule.items())]
        out.append(tabulate(rows, headers=["Code", "Rule", "Severity", "Findings"], tablefmt="github"))
        out.append("")
        out += ["## Findings", ""]
        rows = [(f"`{d.path}:{d.line}:{d.column}`", f"`{d.code}`", d.severity.value, _cell(d.message))
                for d in result.diagnostics]
        out.append(tabulate(rows, headers=["Location", "Code", "Severity", "Message"], tablefmt="github"))
        out.append("")
    return "\n".join(out)
