"""The project part of a report: services, dependencies, deployment order, and the verification table
(the migration strategy's "Schema Consistency Verification Results", computed from the findings).

`project_report(result)` builds it as a pydantic model (from the plain data of `project_data`): `--format json` prints it as the `"project"`
object, `--format markdown` renders it as tables, and `--project-json-schema` prints its JSON Schema.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from prisma_lint.linter import LintResult
from prisma_lint.reporters.project_data import project_view, service_of_finding

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


def project_report(result: LintResult) -> ProjectReport:
    view = project_view(result) if result.project is not None else (
        result.project_view or {"services": [], "dependencies": [], "deployment_order": []})
    return ProjectReport.model_validate({**view, "verification": [v.model_dump() for v in _verification(result)]})


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
