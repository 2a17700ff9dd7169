"""The project part of a report: services, dependencies, deployment order, and the verification table
(the migration strategy's "Schema Consistency Verification Results", computed from the findings).

`project_report(result)` builds it as a pydantic model: `--format json` prints it as the `"project"`
object, `--format markdown` renders it as tables, and `--project-json-schema` prints its JSON Schema.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.linter import LintResult
from prisma_lint.project import Project

__all__ = ["ASPECTS", "ServiceEntry", "DependencyEntry", "VerificationEntry", "ProjectReport", "project_report",
           "project_view", "json_schema", "service_of_finding", "mermaid", "dot"]

# One row per aspect: its name, the rules whose findings decide it (codes, or a code prefix such as "PL5"
# for every migration rule), and what "consistent" means.
ASPECTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Naming conventions", ("PL101", "PL102", "PL111", "PL112"), "tables PascalCase, columns camelCase"),
    ("Audit columns (createdAt, updatedAt)", ("PL301",), "every table has audit columns"),
    ("Index definitions", ("PL201", "PL202", "PL303", "PL304"), "foreign keys, cross-service references, "
                                                                  "query columns and business keys indexed"),
    ("UUID primary keys", ("PL302",), "`@id @default(uuid())`"),
    ("Enum naming", ("PL103", "PL104"), "enums PascalCase, values snake_case"),
    ("Foreign key actions", ("PL203", "PL204"), "CASCADE / SET NULL / RESTRICT as the ownership requires"),
    ("Cross-service types", ("PL604", "PL606"), "every shared id has its owner's type; shared tables agree"),
    ("Shared enums", ("PL605",), "enums with one name have the same values in every service"),
    ("Dependencies and deployment order", ("PL601", "PL602", "PL603"),
     "no cycle; the deployment order follows the dependencies"),
    ("Migrations and rollbacks", ("PL5", "PL608"), "timestamped folders, safe SQL that replays to the schema, a "
                                                   "rollback script that undoes each migration, lock files name "
                                                   "the datasource's provider"),
    ("Datasource providers", ("PL607",), "one provider for every service"),
)

Status = Literal["consistent", "inconsistent", "not checked"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ServiceEntry(_Strict):
    name: str
    root: str
    schema_: list[str] = Field(alias="schema", description="the service's schema files")
    provider: Optional[str] = Field(description="the datasource provider; null without a datasource")
    models: int
    enums: int
    migrations: int = Field(description="migration folders in prisma/migrations/")
    relations: int = Field(description="relations declared with @relation(fields: ...)")
    references: int = Field(description="fields holding another service's id")
    parsed: bool = Field(description="false when the service's schema has a syntax error")
    errors: int
    warnings: int
    infos: int


class DependencyEntry(_Strict):
    from_: str = Field(alias="from")
    to: str
    via: list[str] = Field(description="the fields that make the dependency: `Model.field -> Model.id`")


class VerificationEntry(_Strict):
    aspect: str
    status: Status
    findings: int
    notes: str


class ProjectReport(_Strict):
    """The `"project"` object of `--format json`."""

    services: list[ServiceEntry]
    dependencies: list[DependencyEntry]
    deployment_order: list[str] = Field(description="dependencies first, ties in name order")
    declared_deployment_order: Optional[list[str]] = Field(
        default=None, description="the project's `deployment-order` setting, when it has one")
    cycles: list[list[str]] = Field(default_factory=list, description="dependency cycles, each ending where "
                                                                      "it starts")
    verification: list[VerificationEntry]


def service_of_finding(result: LintResult, diagnostic: Diagnostic) -> Optional[str]:
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


def _decides(code: str, selectors: tuple[str, ...]) -> bool:
    return any(code == s or (len(s) < 5 and code.startswith(s)) for s in selectors)


def _verification(result: LintResult) -> list[VerificationEntry]:
    rows = []
    for aspect, codes, convention in ASPECTS:
        found = [d for d in result.diagnostics if _decides(d.code, codes)]
        if not found and not any(_decides(code, codes) for code in result.rules_run):
            rows.append(VerificationEntry(aspect=aspect, status="not checked", findings=0,
                                          notes="its rules are not enabled"))
            continue
        if not found:
            rows.append(VerificationEntry(aspect=aspect, status="consistent", findings=0, notes=convention))
            continue
        by_service = Counter(service_of_finding(result, d) or d.path or "?" for d in found)
        notes = ", ".join(f"{service} ({count})" for service, count in sorted(by_service.items()))
        rows.append(VerificationEntry(aspect=aspect, status="inconsistent", findings=len(found), notes=notes))
    return rows


def project_view(result: LintResult) -> dict:
    """What the report says about the project besides the verification table, as plain data: kept with
    a cached result (which has no parsed project), so a cached run reports the same."""
    return project_report(result).model_dump(by_alias=True, exclude={"verification"})


def project_report(result: LintResult) -> ProjectReport:
    project = result.project
    if project is None:
        view = result.project_view or {"services": [], "dependencies": [], "deployment_order": []}
        return ProjectReport.model_validate({**view, "verification": [v.model_dump() for v in _verification(result)]})
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
        services.append(ServiceEntry(
            name=service.name, root=project.relative(service.root),
            schema=[project.relative(f) for f in service.schema_files], provider=service.provider,
            models=len(service.models), enums=len(service.enums), migrations=len(service.migrations()),
            relations=relations, references=outgoing[service.name], parsed=service.parsed,
            errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO]))
    dependencies = [DependencyEntry(**{"from": a, "to": b, "via": [str(r) for r in via]})
                    for a, b, via in graph.dependencies()]
    return ProjectReport(services=services, dependencies=dependencies, deployment_order=graph.deployment_order(),
                         declared_deployment_order=project.settings.deployment_order, cycles=graph.cycles(),
                         verification=_verification(result))


def json_schema() -> str:
    """The JSON Schema of the `"project"` object (`--project-json-schema`)."""
    schema = ProjectReport.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "prisma-lint project report"
    return json.dumps(schema, indent=2)


# -- drawing the dependency graph (from the report, so a cached run draws it too) -------------------------

def _referenced_models(dependency: DependencyEntry) -> str:
    """`Patient, Provider` out of `["Appointment.patientId -> Patient.id", ...]`."""
    names = {via.split(" -> ", 1)[1].rsplit(".", 1)[0] for via in dependency.via}
    return ", ".join(sorted(names))


def mermaid(report: ProjectReport) -> str:
    """A Mermaid `graph` (GitHub renders it): services as nodes, edges labelled with the referenced
    models."""
    ids = {s.name: re.sub(r"\W", "_", s.name) for s in sorted(report.services, key=lambda s: s.name)}
    lines = ["graph LR"]
    lines += [f'  {node}["{name}"]' for name, node in ids.items()]
    lines += [f'  {ids[d.from_]} -->|"{_referenced_models(d)}"| {ids[d.to]}' for d in report.dependencies]
    return "\n".join(lines)


def dot(report: ProjectReport) -> str:
    """The dependency graph in Graphviz DOT."""
    lines = ["digraph services {", "  rankdir=LR;", "  node [shape=box];"]
    lines += [f'  "{s.name}";' for s in sorted(report.services, key=lambda s: s.name)]
    lines += [f'  "{d.from_}" -> "{d.to}" [label="{_referenced_models(d)}"];' for d in report.dependencies]
    return "\n".join(lines + ["}"])
