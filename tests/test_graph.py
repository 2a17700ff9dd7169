"""The service dependency graph: what makes an edge, what does not, and the deployment order."""

from __future__ import annotations

from pathlib import Path

from prisma_lint import lint_paths
from prisma_lint.config import config_from_dict
from prisma_lint.project.fixture import write_platform
from prisma_lint.project.graph import reference_target_name

NONE = {"extends": "none", "select": ["PL101"]}


def graph_of(tmp_path: Path, text: str, **table):
    services, project = write_platform(text, tmp_path)
    result = lint_paths([services], config_from_dict({**NONE, "project": {**project, **table}}))
    return result.project.graph


def test_target_names() -> None:
    assert reference_target_name("patientId") == "Patient"
    assert reference_target_name("treatment_plan_id") == "TreatmentPlan"
    assert reference_target_name("id") is None and reference_target_name("identity") is None


def test_what_makes_an_edge(tmp_path: Path) -> None:
    graph = graph_of(tmp_path, """
// service: api
model Patient {
  id String @id @default(uuid())
}
model Account {
  id String @id @default(uuid())
}
// service: crm
model Account {
  id String @id @default(uuid())
}
// service: clinic
model Visit {
  id          String   @id @default(uuid())
  patientId   String
  patient_id  String
  accountId   String
  patientIds  String[]
  roomId      String
  noteId      String
  note        Note     @relation(fields: [noteId], references: [id], onDelete: Cascade)
}
model Note {
  id     String  @id @default(uuid())
  visits Visit[]
}
""")
    # patientId and patient_id name api's Patient; accountId is ambiguous (api and crm); a list, a name
    # no service owns and a local relation scalar make no edge.
    assert [(a, b, [str(r) for r in via]) for a, b, via in graph.dependencies()] == [
        ("clinic", "api", ["Visit.patientId -> Patient.id", "Visit.patient_id -> Patient.id"])]


def test_declared_reference_wins_and_names_its_field(tmp_path: Path) -> None:
    graph = graph_of(tmp_path, """
// service: crm
model Account {
  id     String @id @default(uuid())
  number Int    @unique
}
// service: billing
model Account {
  id String @id @default(uuid())
}
// service: notes
model Note {
  id        String @id @default(uuid())
  accountId String
  ownerNo   Int
}
""", references={"accountId": "crm.Account", "ownerNo": "crm.Account.number"})
    assert [(a, b, [str(r) for r in via]) for a, b, via in graph.dependencies()] == [
        ("notes", "crm", ["Note.accountId -> Account.id", "Note.ownerNo -> Account.number"])]
    assert all(r.declared for r in graph.references)


def test_deployment_order_is_stable_and_survives_a_cycle(tmp_path: Path) -> None:
    graph = graph_of(tmp_path, """
// service: zeta
model Zed {
  id String @id @default(uuid())
}
// service: alpha
model Alp {
  id    String @id @default(uuid())
  zedId String
  begId String
}
// service: beta
model Beg {
  id    String @id @default(uuid())
  alpId String
}
// service: gamma
model Gam {
  id String @id @default(uuid())
}
""")
    assert graph.cycles() == [["alpha", "beta", "alpha"]]
    # zeta and gamma have no dependencies (name order), the alpha-beta cycle goes together after zeta.
    assert graph.deployment_order() == ["gamma", "zeta", "alpha", "beta"]
