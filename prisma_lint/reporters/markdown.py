"""A Markdown report for CI (a job summary or a pull-request comment): totals per schema and rule,
then every finding. Tables are rendered by tabulate (imported here only, so plain runs never pay for it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from prisma_lint.linter import LintResult

# The aspects of the migration strategy's "Schema Consistency Verification Results" table, and the rules
# whose findings decide each one. The table is computed from the findings instead of being asserted.
ASPECTS = (
    ("Naming conventions", ("PL101", "PL102", "PL111", "PL112"), "tables PascalCase, columns camelCase"),
    ("Audit columns (createdAt, updatedAt)", ("PL301",), "every table has audit columns"),
    ("Index definitions", ("PL201", "PL202", "PL303", "PL304"), "foreign keys, cross-service references, "
                                                                  "query columns and business keys indexed"),
    ("UUID primary keys", ("PL302",), "`@id @default(uuid())`"),
    ("Enum naming", ("PL103", "PL104"), "enums PascalCase, values snake_case"),
    ("Foreign key actions", ("PL203", "PL204"), "CASCADE / SET NULL / RESTRICT as the ownership requires"),
    ("Migrations and rollbacks", ("PL501",), "timestamped folders, a rollback script per migration"),
)


def _verification_table(result: LintResult, tabulate) -> str:
    # The service of each file, as the linter worked it out when it found the schemas.
    services = {path: unit.service or Path(unit.path).name for unit in result.units for path in unit.texts}

    def service(path: str | None) -> str:
        if path in services:
            return services[path]
        # A finding on a migrations file: the schema unit whose folder holds it.
        for unit in result.units:
            if path and unit.path and Path(path).is_relative_to(Path(unit.path).parent):
                return unit.service or Path(unit.path).name
        return Path(path).name if path else "?"

    rows = []
    for aspect, codes, convention in ASPECTS:
        found = [d for d in result.diagnostics if d.code in codes]
        if not found and not set(codes) & result.rules_run:
            rows.append((aspect, "not checked", "its rules are not enabled"))
            continue
        if not found:
            rows.append((aspect, "CONSISTENT", convention))
            continue
        by_service = Counter(service(d.path) for d in found)
        where = ", ".join(f"{service} ({count})" for service, count in sorted(by_service.items()))
        rows.append((aspect, f"{len(found)} finding{'s' * (len(found) != 1)}", where))
    return tabulate(rows, headers=["Aspect", "Status", "Notes"], tablefmt="github")


def render(result: LintResult, *, color: bool = False, show_source: bool = False) -> str:
    from tabulate import tabulate

    s = result.summary()
    out = ["# prisma-lint report", ""]
    status = "passed" if s["exit_code"] == 0 else "failed"
    out.append(f"**{status}**: {s['errors']} errors, {s['warnings']} warnings, {s['infos']} info "
               f"in {s['schemas']} schemas ({s['files']} files).")
    out.append("")
    if result.units:
        out += ["## Schema consistency verification", "",
                "Computed from this run's findings (the migration strategy's table, not asserted by hand).", ""]
        out.append(_verification_table(result, tabulate))
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
