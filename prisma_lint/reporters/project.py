"""The project part of a report: services, dependencies, deployment order, and the verification table
(the migration strategy's "Schema Consistency Verification Results", computed from the findings).

`project_report(result)` builds it as a pydantic model: `--format json` prints it as the `"project"`
object, `--format markdown` renders it as tables, and `--project-json-schema` prints its JSON Schema.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.linter import LintResult

__all__ = ["ASPECTS", "ServiceEntry", "DependencyEntry", "VerificationEntry", "ProjectReport", "project_report",
           "json_schema", "service_of_finding"]

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
    if result.project is None or diagnostic.path is None:
        return None
    service = result.project.service_of(diagnostic.path)
    return service.name if service is not None else None


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
    project = result.project
    if project is None:
        return ProjectReport(services=[], dependencies=[], deployment_order=[], verification=_verification(result))
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
