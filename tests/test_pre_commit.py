"""The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit.

pre-commit is installed (pinned) into its own virtual environment in `.cache/pre-commit-venv`; the test
builds a git repository with a defective schema and migrations folder, runs `pre-commit try-repo <this
repository> --all-files` (every hook), and checks that each fails naming the defect, then passes
once the defect is fixed. pre-commit builds each hook's environment by installing this repository with
pip, as it would for a user."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".cache" / "pre-commit-venv"
PRE_COMMIT = "pre-commit==4.7.0"

SCHEMA = """datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model {name} {
  id        String   @id @default(uuid())
  value     String
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
"""
MIGRATION = "20240101000000_initial_schema"
MIGRATION_SQL = """-- CreateTable
CREATE TABLE "LabResult" (
    "id" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabResult_pkey" PRIMARY KEY ("id")
);
"""
ROLLBACK_SQL = f"""DROP TABLE "LabResult";
DELETE FROM "_prisma_migrations" WHERE "migration_name" = '{MIGRATION}';
"""


def _pre_commit() -> Path:
    executable = VENV / "bin" / "pre-commit"
    if executable.is_file():
        return executable
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, timeout=300)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", PRE_COMMIT],
                       check=True, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        shutil.rmtree(VENV, ignore_errors=True)
        detail = getattr(error, "stderr", "") or ""
        pytest.skip(f"{PRE_COMMIT} cannot be installed here: {error} {detail[-500:]}")
    return executable


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: pre-commit needs it")
    repo = tmp_path_factory.mktemp("user-repo")
    prisma = repo / "services" / "records" / "prisma"
    (prisma / "migrations" / MIGRATION).mkdir(parents=True)
    (prisma / "schema.prisma").write_text(SCHEMA.replace("{name}", "lab_result"))  # defect: not PascalCase
    (prisma / "migrations" / "migration_lock.toml").write_text('provider = "postgresql"\n')
    (prisma / "migrations" / MIGRATION / "migration.sql").write_text(MIGRATION_SQL)
    # defect: no rollbacks/20240101000000_rollback.sql
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    return repo


def _try_repo(pre_commit: Path, repo: Path) -> tuple[subprocess.CompletedProcess, dict[str, tuple[str, str]]]:
    """Run every hook of this repository once (try-repo builds the hook environment in a fresh store
    each time, so one call for all hooks); return the process and each hook's (status, output)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PRE_COMMIT"))}
    done = subprocess.run([str(pre_commit), "try-repo", str(REPO), "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    hooks: dict[str, tuple[str, str]] = {}
    sections = re.split(r"^(.+?)\.{3,}(Passed|Failed)$", done.stdout, flags=re.M)
    for name, status, output in zip(sections[1::3], sections[2::3], sections[3::3]):
        hooks[name] = (status, output)
    return done, hooks


def test_each_hook_fails_on_the_defect_then_passes(project: Path) -> None:
    pre_commit = _pre_commit()
    defects = {
        "prisma-lint": ["Model name `lab_result` is not PascalCase."],
        "prisma-lint (migrations)": [f"Migration `{MIGRATION}` has no rollback script"],
        "prisma-lint (project)": ["Model name `lab_result` is not PascalCase.",
                                  f"Migration `{MIGRATION}` has no rollback script"],
    }
    done, hooks = _try_repo(pre_commit, project)
    assert done.returncode == 1 and set(hooks) == set(defects), f"{done.stdout}\n{done.stderr}"
    for name, expected in defects.items():
        status, output = hooks[name]
        assert status == "Failed", f"{name} should fail:\n{done.stdout}"
        for defect in expected:
            assert defect in output, f"{name} should name {defect!r}:\n{output}"
    prisma = project / "services" / "records" / "prisma"
    (prisma / "schema.prisma").write_text(SCHEMA.replace("{name}", "LabResult"))
    (prisma / "migrations" / "rollbacks").mkdir()
    (prisma / "migrations" / "rollbacks" / "20240101000000_rollback.sql").write_text(ROLLBACK_SQL)
    _git(project, "add", "-A")
    done, hooks = _try_repo(pre_commit, project)
    assert done.returncode == 0, f"every hook should pass once fixed:\n{done.stdout}\n{done.stderr}"
    assert {name: status for name, (status, _output) in hooks.items()} == dict.fromkeys(defects, "Passed")
