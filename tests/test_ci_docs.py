"""docs/ci.md's examples are real: each YAML block parses with the keys GitHub Actions, GitLab CI and
pre-commit require, and each `prisma-lint` command in them runs against the example platform (in a git
copy of it, as a CI checkout would be) with the exit code and output files the example relies on."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "ci.md"
EXAMPLE = re.compile(r"<!-- example: (?P<name>[a-z-]+) -->\n```yaml\n(?P<body>.*?)```", re.S)


def examples() -> dict[str, dict]:
    found = {m["name"]: yaml.safe_load(m["body"]) for m in EXAMPLE.finditer(DOC.read_text())}
    assert set(found) == {"github-actions", "gitlab-ci", "pre-commit"}
    return found


def commands(example: dict) -> list[str]:
    """The shell commands of a workflow's steps or a GitLab job's script that run prisma-lint."""
    if "jobs" in example:
        lines = [step["run"] for job in example["jobs"].values() for step in job["steps"] if "run" in step]
    else:
        lines = [line for job in example.values() if isinstance(job, dict) for line in job.get("script", [])]
    return [line for line in lines if line.startswith("prisma-lint")]


def output_file(command: str) -> str:
    return re.search(r"--output-file (\S+)", command).group(1)


def test_github_workflow_has_the_keys_github_requires() -> None:
    workflow = examples()["github-actions"]
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on and "pull_request" in on and "push" in on
    assert workflow["permissions"]["security-events"] == "write"  # upload-sarif needs it
    assert workflow["jobs"]
    for job in workflow["jobs"].values():
        assert isinstance(job["runs-on"], str) and job["steps"]
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            assert set(step) <= {"name", "uses", "run", "with", "if", "env", "id", "continue-on-error"}, step
    steps = workflow["jobs"]["prisma-lint"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif = next(c for c in commands(workflow) if "--format sarif" in c)
    assert upload["with"]["sarif_file"] == output_file(sarif)
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0


def test_gitlab_job_has_the_keys_gitlab_requires() -> None:
    job = examples()["gitlab-ci"]["prisma-lint"]
    assert job["script"] and job["stage"] == "test"
    reports = job["artifacts"]["reports"]
    by_format = {re.search(r"--format (\S+)", c).group(1): output_file(c) for c in commands({"j": job})}
    assert reports == {"codequality": by_format["gitlab"], "junit": by_format["junit"]}
    assert job["artifacts"]["when"] == "always"


def test_pre_commit_example_names_the_shipped_hooks() -> None:
    shipped = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    for hook in shipped:
        assert {"id", "name", "entry", "language"} <= set(hook), hook
    (repo,) = examples()["pre-commit"]["repos"]
    assert {"repo", "rev", "hooks"} <= set(repo)
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in shipped]


@pytest.fixture()
def checkout(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the examples run in a git checkout")
    repo = tmp_path / "checkout"
    shutil.copytree(REPO / "fixtures" / "platform", repo)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"],
                 ["update-ref", "refs/remotes/origin/main", "HEAD"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    return repo


def _shell(command: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    bin_dir = str(Path(sys.executable).parent)  # where the tested prisma-lint is installed
    full = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    full.update(env, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=full, capture_output=True, text=True, timeout=300)


def test_github_workflow_commands_run(checkout: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    ran = {}
    for command in commands(examples()["github-actions"]):
        ran[command] = _shell(command.replace("${{ github.base_ref }}", "main"), checkout, env)
    changed, gate, sarif = ran.values()
    assert changed.returncode == 0 and changed.stdout == ""  # nothing changed since the base branch
    assert gate.returncode == 1
    assert gate.stdout.splitlines() and all(line.startswith(("::error ", "::warning ", "::notice "))
                                             for line in gate.stdout.splitlines())
    assert "# prisma-lint report" in summary.read_text()
    assert sarif.returncode == 0  # --exit-zero: the upload step always gets its file
    log = json.loads((checkout / "prisma-lint.sarif").read_text())
    assert len(log["runs"][0]["results"]) == len(gate.stdout.splitlines())


def test_gitlab_job_commands_run(checkout: Path) -> None:
    report, gate = (_shell(c, checkout, {}) for c in commands(examples()["gitlab-ci"]))
    assert report.returncode == 0 and gate.returncode == 1
    issues = json.loads((checkout / "gl-code-quality-report.json").read_text())
    suites = ET.parse(checkout / "prisma-lint-junit.xml").getroot()
    failing = [c.find("failure") for s in suites for c in s if c.find("failure") is not None]
    assert issues and len(issues) == sum(len(f.text.splitlines()) for f in failing)  # the same findings
