"""The command line's CI options, run as a user runs them: --format, --output-file, the automatic
GitHub format and job summary, --fail-on, --statistics, --quiet, and a schema read from stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "fixtures" / "platform"
LAB = "services/laboratory-service/prisma/schema.prisma"
# DRIFT.md item 17: the laboratory service's migrations drop a column (its SQL is linted with its schema).
LAB_DROP = "services/laboratory-service/prisma/migrations/20241223090000_drop_lab_result_verified_by/migration.sql"
WARN_ONLY = "model Patient {\n  id        String   @id @default(uuid())\n  doctor    Doctor   @relation(fields: [doctorId], references: [id], onDelete: Cascade)\n  doctorId  String\n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}\n\nmodel Doctor {\n  id        String    @id @default(uuid())\n  patients  Patient[]\n  createdAt DateTime  @default(now())\n  updatedAt DateTime  @updatedAt\n}\n"


def run(*args: str, cwd: Path = ROOT, env: dict | None = None, stdin: str | None = None):
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    return subprocess.run([sys.executable, "-m", "prisma_lint", *args], cwd=cwd, env={**full_env, **(env or {})},
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_every_format_by_name(tmp_path: Path) -> None:
    for name in ("text", "concise", "json", "markdown", "sarif", "github", "gitlab", "junit"):
        done = run("--format", name, LAB)
        assert done.returncode == 1, (name, done.stderr)
        assert "lab_reference_range" in done.stdout, name


def test_output_file_holds_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "prisma.sarif"
    done = run("--format", "sarif", "--output-file", str(target), "services")
    assert done.returncode == 1 and done.stdout == ""
    log = json.loads(target.read_text())
    assert len(log["runs"][0]["results"]) == 24  # fixtures/platform/DRIFT.md: 13 schema and folder items, 8 SQL, 3 cross-service


def test_github_format_is_automatic_in_actions_with_a_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    done = run(LAB, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"::warning file={LAB_DROP},line=2,col=1,endLine=2,endColumn=49,title=PL507 destructive-migration::"
        "Drops column `LabResult.verifiedBy` and its data.",
        f"::error file={LAB},line=85,col=7,endLine=85,endColumn=26,title=PL101 model-name-pascal-case::"
        "Model name `lab_reference_range` is not PascalCase."]
    text = summary.read_text()
    assert text.startswith("earlier step\n# prisma-lint report")  # appended, never overwritten
    assert "lab_reference_range" in text
    # An explicit format wins over the environment, and no summary is written for it.
    summary.write_text("")
    done = run("--format", "concise", LAB, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert f"\n{LAB}:85:7: PL101" in done.stdout and summary.read_text() == ""


def test_fail_on(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text(WARN_ONLY)
    base = ("--format", "concise", str(schema))
    default = run(*base, cwd=tmp_path)
    assert default.returncode == 0 and "[warning]" in default.stdout, default.stdout
    assert run("--fail-on", "warning", *base, cwd=tmp_path).returncode == 1
    assert run("--fail-on", "info", *base, cwd=tmp_path).returncode == 1
    assert run("--fail-on", "warning", "--exit-zero", *base, cwd=tmp_path).returncode == 0
    assert run("--fail-on", "fatal", *base, cwd=tmp_path).returncode == 2


def test_report_status_agrees_with_the_exit_code_for_fail_on(tmp_path: Path) -> None:
    """The Markdown headline (stdout and the GitHub job summary) and the JSON summary's `exit_code` say
    what the run's exit code says for the chosen --fail-on and --exit-zero, not the default level's."""
    schema = tmp_path / "schema.prisma"
    schema.write_text(WARN_ONLY)  # warnings only
    cases = [((), 0, "**passed**"), (("--fail-on", "warning"), 1, "**failed**"),
             (("--fail-on", "info"), 1, "**failed**"), (("--fail-on", "warning", "--exit-zero"), 0, "**passed**")]
    for options, code, headline in cases:
        markdown = run("--format", "markdown", *options, str(schema), cwd=tmp_path)
        assert markdown.returncode == code, (options, markdown.stderr)
        status = markdown.stdout.splitlines()[2]
        assert status.startswith(headline) and " 0 errors, " in status, (options, status)
        summary = tmp_path / "summary.md"
        summary.write_text("")
        github = run("--format", "github", *options, str(schema), cwd=tmp_path,
                     env={"GITHUB_STEP_SUMMARY": str(summary)})
        assert github.returncode == code and summary.read_text().splitlines()[2] == status, options
        data = json.loads(run("--format", "json", *options, str(schema), cwd=tmp_path).stdout)
        assert data["summary"]["exit_code"] == code, options
        assert set(data["summary"]) == {"files", "schemas", "errors", "warnings", "infos", "syntax_errors",
                                        "exit_code"}


def test_statistics_counts_by_rule() -> None:
    done = run("--statistics", "services")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[:3] == ["2  PL203  missing-on-delete  [warning]", "2  PL301  missing-audit-columns  [error]",
                         "2  PL501  migration-folder-convention  [warning]"]
    assert len(lines) == 21 and sum(int(line.split()[0]) for line in lines) == 24
    as_json = json.loads(run("--statistics", "--format", "json", "services").stdout)
    assert as_json[0] == {"code": "PL203", "name": "missing-on-delete", "severity": "warning", "count": 2}


def test_quiet_prints_findings_only() -> None:
    done = run("--quiet", LAB)
    assert done.stdout.splitlines() == [f"{LAB_DROP}:2:1: PL507 [destructive-migration] Drops column "
                                        "`LabResult.verifiedBy` and its data.",
                                        f"{LAB}:85:7: PL101 [model-name-pascal-case] Model name "
                                        "`lab_reference_range` is not PascalCase."]
    assert "Found" in run(LAB).stdout


def test_stdin_with_a_filename_uses_its_service_config_and_path() -> None:
    text = (ROOT / LAB).read_text()
    done = run("-", "--stdin-filename", LAB, "--format", "concise", stdin=text)
    assert done.returncode == 1
    assert done.stdout == run("--format", "concise", LAB).stdout
    anonymous = run("-", "--format", "concise", stdin=text)
    assert anonymous.stdout.startswith("<stdin>:85:7: PL101")
    broken = run("-", stdin="model A {\n  this is junk\n}\n")
    assert broken.returncode == 2 and "<stdin>:2:" in broken.stdout


def test_stdin_misuse_is_a_usage_error() -> None:
    done = run("-", LAB, stdin="")
    assert done.returncode == 2 and "cannot be combined" in done.stderr
    done = run("--stdin-filename", "x.prisma", LAB)
    assert done.returncode == 2 and "--stdin-filename needs `-`" in done.stderr
    done = run("-", "--changed-since", "main", stdin="")
    assert done.returncode == 2 and "cannot read stdin" in done.stderr


def test_configuration_error_in_sarif_is_a_notification(tmp_path: Path) -> None:
    bad = tmp_path / "prisma-lint.toml"
    bad.write_text('select = ["PL999"]\n')
    done = run("--format", "sarif", "--config", str(bad), LAB)
    assert done.returncode == 2 and "PL999" in done.stderr
    run_ = json.loads(done.stdout)["runs"][0]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert "PL999" in run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
