"""The project part of a report as plain data: services, dependencies and deployment order.

A run that writes the result cache keeps this with its entry (a cached run has no parsed project, and
reports the same from it), so it is built without pydantic, which a plain `prisma-lint FILE` never
imports; `prisma_lint.reporters.project` validates it into its models when a report shows it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.project import Project

if TYPE_CHECKING:
    from prisma_lint.linter import LintResult

__all__ = ["project_view", "service_of_finding"]


def service_of_finding(result: "LintResult", diagnostic: Diagnostic) -> Optional[str]:
    if diagnostic.path is None:
        return None
    if result.project is not None:
        service = result.project.service_of(diagnostic.path)
        return service.name if service is not None else None
    # A cached run: the services' roots, as its report gave them (the deepest root holding the file).
    path = Path(Project.relative(diagnostic.path))
    roots = [(Path(s["root"]), s["name"]) for s in (result.project_view or {}).get("services", [])]
    holding = [(len(root.parts), name) for root, name in roots if path.is_relative_to(root)]
    return max(holding)[1] if holding else None


def project_view(result: "LintResult") -> dict:
    """The project of a linted result (`result.project`), keyed as `--format json` writes it, without
    the verification table (computed from the findings)."""
    project = result.project
    assert project is not None, "a cached result keeps its project view in result.project_view"
    graph = project.graph
    severities: dict[str, Counter] = {s.name: Counter() for s in project.services}
    for d in result.diagnostics:
        name = service_of_finding(result, d)
        if name is not None:
            severities[name][d.severity] += 1
    outgoing = Counter(r.service.name for r in graph.references)
    services = []
    for service in project.services:
        relations = sum(1 for m in service.models for f in m.fields if f.relation is not None and f.relation.fields)
        counts = severities[service.name]
        services.append({
            "name": service.name, "root": project.relative(service.root),
            "schema": [project.relative(f) for f in service.schema_files], "provider": service.provider,
            "models": len(service.models), "enums": len(service.enums), "migrations": len(service.migrations()),
            "relations": relations, "references": outgoing[service.name], "parsed": service.parsed,
            "errors": counts[Severity.ERROR], "warnings": counts[Severity.WARNING], "infos": counts[Severity.INFO]})
    dependencies = [{"from": a, "to": b, "via": [str(r) for r in via]} for a, b, via in graph.dependencies()]
    return {"services": services, "dependencies": dependencies, "deployment_order": graph.deployment_order(),
            "declared_deployment_order": project.settings.deployment_order, "cycles": graph.cycles()}
