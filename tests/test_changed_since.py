"""`--changed-since REF` with the real git: only the services a change touches are reported (all still
feed the cross-service checks), and a model or column deleted without the transition step is PL550."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLATFORM = REPO / "fixtures" / "platform"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BASE = """datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Patient {
  id         String   @id @default(uuid())
  legacyCode String
  oldNote    String   @ignore
  ward       String
  visits     Visit[]
  createdAt  DateTime @default(now())
  updatedAt  DateTime @updatedAt
}

model Visit {
  id        String   @id @default(uuid())
  patientId String
  patient   Patient  @relation(fields: [patientId], references: [id], onDelete: Cascade)
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt

  @@index([patientId])
}

model Archive {
  id String @id @default(uuid())

  @@ignore
}

model Audit {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
"""


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def lint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prisma_lint", "--format", "concise", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture()
def platform(tmp_path: Path) -> Path:
    repo = tmp_path / "platform"
    shutil.copytree(PLATFORM, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def test_nothing_changed_reports_nothing(platform: Path) -> None:
    assert lint(platform, "services").returncode == 1  # the platform's deliberate drift
    done = lint(platform, "--changed-since", "main", "services")
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_only_the_changed_services_are_reported(platform: Path) -> None:
    full = lint(platform, "services").stdout.splitlines()
    lab = platform / "services" / "laboratory-service" / "prisma" / "schema.prisma"
    lab.write_text(lab.read_text() + "\n// a reviewed change\n")  # unstaged
    (platform / "services" / "pharmacy-service" / "prisma" / "migrations" / "20250101000000_add_x").mkdir()
    (platform / "services" / "pharmacy-service" / "prisma" / "migrations" / "20250101000000_add_x" /
     "migration.sql").write_text("SELECT 1;\n")  # untracked
    done = lint(platform, "--changed-since", "main", "services")
    expected = [line for line in full if line.startswith(("services/laboratory-service/", "services/pharmacy-service/"))]
    got = done.stdout.splitlines()
    assert [line for line in got if "20250101000000_add_x" not in line] == expected
    assert any("20250101000000_add_x" in line and "rollback" in line for line in got)
    assert done.returncode == 1


def test_every_service_still_feeds_the_project(platform: Path) -> None:
    from prisma_lint.linter import lint_paths
    from prisma_lint.selection.changes import restrict_to_changed

    lab = platform / "services" / "laboratory-service" / "prisma" / "schema.prisma"
    lab.write_text(lab.read_text() + "\n")
    result = lint_paths([platform / "services"])
    restrict_to_changed(result, "main", platform, lambda path: True)
    assert len(result.project.services) == 8 and len(result.units) == 8
    assert {Path(d.path).relative_to(platform / "services").parts[0] for d in result.diagnostics} == {"laboratory-service"}


@pytest.fixture()
def service(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    schema = repo / "services" / "records" / "prisma" / "schema.prisma"
    schema.parent.mkdir(parents=True)
    schema.write_text(BASE)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def _change(repo: Path, *replacements: tuple[str, str]) -> subprocess.CompletedProcess:
    schema = repo / "services" / "records" / "prisma" / "schema.prisma"
    text = BASE
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    schema.write_text(text)
    git(repo, "commit", "-q", "-am", "change")  # committed since REF counts too
    return lint(repo, "--changed-since", "HEAD~1", "--select", "PL550", "services")


def test_deleting_a_live_column_is_reported(service: Path) -> None:
    done = _change(service, ("  legacyCode String\n", ""))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "services/records/prisma/schema.prisma:6:7: PL550 [error] Field `Patient.legacyCode` (column "
        "`legacyCode`) was deleted since HEAD~1 without the transition step."]


def test_deleting_a_live_model_is_reported(service: Path) -> None:
    audit = BASE[BASE.index("model Audit"):]
    done = _change(service, (audit, ""))
    assert done.stdout.splitlines() == [
        "services/records/prisma/schema.prisma:1:1: PL550 [error] Model `Audit` (table `Audit`) was deleted "
        "since HEAD~1 without the transition step."]


@pytest.mark.parametrize("replacements", [
    [("  oldNote    String   @ignore\n", "")],                                  # ignored at REF
    [("  legacyCode String\n", "  code       String   @map(\"legacyCode\")\n")],  # column kept under a new name
    [("  visits     Visit[]\n", "")],                                         # a relation field: no column
    [(BASE[BASE.index("model Archive"):BASE.index("model Audit")], "")],      # @@ignore'd model
    [("model Audit {\n", "model AuditEntry {\n"), ("  updatedAt DateTime @updatedAt\n}\n",
                                                    "  updatedAt DateTime @updatedAt\n\n  @@map(\"Audit\")\n}\n")],
], ids=["ignored-field", "mapped-column", "relation-field", "ignored-model", "mapped-table"])
def test_the_transition_step_is_accepted(service: Path, replacements) -> None:
    done = _change(service, *replacements)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_outside_git_and_unknown_ref_are_clear_errors(tmp_path: Path, service: Path) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(service / "services", plain / "services")
    done = lint(plain, "--changed-since", "main", "services")
    assert done.returncode == 2 and "not inside a git repository" in done.stderr, done.stderr
    done = lint(service, "--changed-since", "no-such-branch", "services")
    assert done.returncode == 2 and "--changed-since no-such-branch: not a commit" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
