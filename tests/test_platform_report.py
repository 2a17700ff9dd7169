"""The platform view of a run: the JSON `project` object (validated against its published JSON Schema's
model), the Markdown report (a golden file, and its Mermaid graph parsed back), `--graph`, the step
summary, a clean platform, and one broken schema among eight."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from prisma_lint import lint_paths
from prisma_lint.cli import main
from prisma_lint.project.fixture import write_platform
from prisma_lint.reporters.project import ProjectReport

ROOT = Path(__file__).resolve().parents[1]
PLATFORM = "fixtures/platform/services"
GOLDEN = ROOT / "tests" / "golden" / "platform_report.md"


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_project_object(in_repo, capsys) -> None:
    code, out, _err = run(capsys, "--format", "json", PLATFORM)
    assert code == 1
    payload = json.loads(out)
    assert set(payload) == {"diagnostics", "summary", "project"}
    project = payload["project"]
    # Validated by the pydantic model the published JSON Schema is generated from (no unknown keys, every
    # required key, every type); `jsonschema` is not a dependency.
    ProjectReport.model_validate(project)
    _code, schema_text, _err = run(capsys, "--project-json-schema")
    assert json.loads(schema_text) == {**ProjectReport.model_json_schema(by_alias=True),
                                       "$schema": "https://json-schema.org/draft/2020-12/schema",
                                       "title": "prisma-lint project report"}
    # The shape, exactly (other keys may be added).
    api = next(s for s in project["services"] if s["name"] == "api")
    assert {k: api[k] for k in ("name", "root", "schema", "provider", "models", "enums", "migrations")} == {
        "name": "api", "root": "fixtures/platform/services/api",
        "schema": ["fixtures/platform/services/api/prisma/schema.prisma"],
        "provider": "postgresql", "models": 32, "enums": 25, "migrations": 2}
    telehealth = next(d for d in project["dependencies"] if d["from"] == "telehealth-service")
    assert telehealth["to"] == "api"
    assert "Appointment.patientId -> Patient.id" in telehealth["via"]
    assert project["deployment_order"][:2] == ["auth-service", "api"]
    assert len(project["deployment_order"]) == 8
    rows = {row["aspect"]: row for row in project["verification"]}
    assert rows["Shared enums"] == {"aspect": "Shared enums", "status": "inconsistent", "findings": 1,
                                    "notes": "mental-health-service (1)"}
    assert rows["Dependencies and deployment order"]["status"] == "consistent"
    assert {row["status"] for row in project["verification"]} <= {"consistent", "inconsistent", "not checked"}


def test_markdown_report_matches_the_golden_file(in_repo, capsys) -> None:
    code, out, _err = run(capsys, "--format", "markdown", PLATFORM)
    assert code == 1
    if os.environ.get("PRISMA_LINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8"), "regenerate with PRISMA_LINT_UPDATE_GOLDEN=1 after checking"


_NODE = re.compile(r'^\s+(?P<id>\w+)\["(?P<name>[^"]+)"\]$')
_EDGE = re.compile(r'^\s+(?P<a>\w+) -->\|"(?P<label>[^"]*)"\| (?P<b>\w+)$')


def parse_mermaid(block: str) -> tuple[set[str], dict[tuple[str, str], str]]:
    lines = block.strip().splitlines()
    assert lines[0] == "graph LR"
    names: dict[str, str] = {}
    edges: dict[tuple[str, str], str] = {}
    for line in lines[1:]:
        if (node := _NODE.match(line)) is not None:
            names[node.group("id")] = node.group("name")
        elif (edge := _EDGE.match(line)) is not None:
            edges[(names[edge.group("a")], names[edge.group("b")])] = edge.group("label")
        else:
            raise AssertionError(f"not a node or an edge: {line!r}")
    return set(names.values()), edges


def test_mermaid_block_is_the_graph(in_repo, capsys) -> None:
    _code, out, _err = run(capsys, "--format", "markdown", PLATFORM)
    (block,) = re.findall(r"```mermaid\n(.*?)```", out, re.DOTALL)
    nodes, edges = parse_mermaid(block)
    graph = lint_paths([PLATFORM]).project.graph
    assert nodes == set(graph.graph.nodes)
    assert set(edges) == set(graph.graph.edges)
    for (a, b), label in edges.items():
        assert label.split(", ") == sorted({r.target_model.name for r in graph.graph.edges[a, b]["via"]})
    assert edges[("telehealth-service", "api")] == "Patient, Provider, User"


def test_graph_alone(in_repo, capsys) -> None:
    code, out, _err = run(capsys, "--graph", "mermaid", PLATFORM)
    assert code == 0 and out.startswith("graph LR\n")
    assert parse_mermaid(out)[1][("mental-health-service", "telehealth-service")] == "Appointment"
    code, out, _err = run(capsys, "--graph", "dot", PLATFORM)
    assert code == 0 and out.startswith("digraph services {")
    assert '"pharmacy-service" -> "api" [label="Encounter, Patient, Provider"];' in out


def test_markdown_is_appended_to_the_step_summary(in_repo, capsys, tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _code, out, _err = run(capsys, "--format", "markdown", PLATFORM)
    assert summary.read_text() == "earlier step\n" + out
    run(capsys, "--format", "text", PLATFORM)
    assert summary.read_text() == "earlier step\n" + out  # only the Markdown report goes there


CLEAN = """
// service: api
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model Patient {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
enum Status {
  active
  closed
}
// file: prisma/migrations/migration_lock.toml: provider = "postgresql"
// service: clinic
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model Encounter {
  id        String   @id @default(uuid())
  patientId String
  status    Status
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt

  @@index([patientId])
  @@index([status])
}
enum Status {
  active
  closed
}
// file: prisma/migrations/migration_lock.toml: provider = "postgresql"
"""


def test_clean_platform_stays_clean(tmp_path) -> None:
    services, _project = write_platform(CLEAN, tmp_path)
    result = lint_paths([services])  # the strategy preset, every platform rule on
    assert [f"{d.path}:{d.line} {d.code} {d.message}" for d in result.diagnostics] == []
    assert {"PL601", "PL604", "PL605", "PL606", "PL607", "PL608"} <= result.rules_run
    assert result.project.graph.deployment_order() == ["api", "clinic"]


def test_one_broken_schema_among_eight(tmp_path) -> None:
    """Its syntax errors are reported; the other seven get every check that does not need it."""
    shutil.copytree(ROOT / PLATFORM, tmp_path / "services")
    broken = tmp_path / "services" / "laboratory-service" / "prisma" / "schema.prisma"
    broken.write_text(broken.read_text().replace("model LabOrder {", "model LabOrder {\n  = broken", 1))
    result = lint_paths([tmp_path / "services"])
    assert result.exit_code == 2
    by_service = {}
    for d in result.diagnostics:
        service = Path(d.path).relative_to(tmp_path / "services").parts[0]
        by_service.setdefault(service, set()).add(d.code)
    assert by_service.pop("laboratory-service") == {"PL001"}
    assert by_service == {
        "api": {"PL301", "PL302", "PL112", "PL501", "PL509"}, "auth-service": {"PL301", "PL504", "PL510"},
        "chronic-care-service": {"PL201", "PL505"}, "imaging-service": {"PL102", "PL608"},
        "mental-health-service": {"PL202", "PL203", "PL506", "PL511", "PL605"},
        "pharmacy-service": {"PL203", "PL501", "PL604"}, "telehealth-service": {"PL104", "PL503"}}
    pharmacy = next(d for d in result.diagnostics if d.code == "PL604")
    # The id type check still compares with the services that parsed (laboratory-service is left out).
    assert pharmacy.message.endswith("which is `String`; imaging-service agrees with it.")
    lab = result.project.service("laboratory-service")
    assert not lab.parsed and result.project.graph.depends_on("laboratory-service") == []


def test_a_cached_run_reports_the_same_project(tmp_path, monkeypatch, capsys) -> None:
    """The second run reads the result cache (no parsed project): same report, same graph."""
    shutil.copytree(ROOT / PLATFORM, tmp_path / "services")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRISMA_LINT_NO_CACHE", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    first = [run(capsys, "--format", fmt, "services") for fmt in ("markdown", "json")]
    assert (tmp_path / ".prisma-lint-cache").is_dir()
    again = [run(capsys, "--format", fmt, "services") for fmt in ("markdown", "json")]
    assert again == first
    assert "```mermaid" in again[0][1] and json.loads(again[1][1])["project"]["deployment_order"][0] == "auth-service"
    assert run(capsys, "--graph", "mermaid", "services")[1].startswith("graph LR\n  api[\"api\"]")
