"""`--jobs N`: the same findings, files and order as one process, and one process where a split could
see less than the whole run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import prisma_lint.parallel as parallel_module
from prisma_lint.cli import main

REPO = Path(__file__).resolve().parents[1]
PLATFORM = REPO / "fixtures" / "platform" / "services"


@pytest.fixture
def platform(tmp_path: Path, monkeypatch) -> Path:
    """The example platform (8 services, findings in most) with every rule but the project-scope ones."""
    from prisma_lint.rules.registry import default_registry

    project_scope = [rule.code for rule in default_registry() if rule.scope == "project"]
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PLATFORM, tmp_path / "services")
    (tmp_path / "pyproject.toml").write_text(f'[tool.prisma-lint]\nextends = "all"\nignore = {json.dumps(project_scope)}\n')
    monkeypatch.setattr(parallel_module, "MIN_BYTES", 0)
    return tmp_path


class Splits:
    def __init__(self, monkeypatch) -> None:
        self.parts: list[int] = []
        real = parallel_module.lint_parallel

        def counting(ordered, config, texts, project_config, jobs):
            self.parts.append(jobs)
            return real(ordered, config, texts, project_config, jobs)

        monkeypatch.setattr(parallel_module, "lint_parallel", counting)


@pytest.mark.parametrize("output", ["json", "text", "markdown", "sarif"])
def test_parallel_run_reports_what_a_serial_run_does(platform: Path, capsys, monkeypatch, output: str) -> None:
    splits = Splits(monkeypatch)
    serial = main(["--format", output, "-j", "1", "services"]), capsys.readouterr().out
    assert splits.parts == []
    for jobs in ("2", "3", "8"):
        assert (main(["--format", output, "-j", jobs, "services"]), capsys.readouterr().out) == serial
    # JSON and Markdown report the project (services, dependency graph): that needs one process.
    assert splits.parts == ([] if output in ("json", "markdown") else [2, 3, 8])
    if output == "json":
        found = json.loads(serial[1])
        assert len(found["diagnostics"]) > 20 and found["summary"]["schemas"] == 8


def test_project_scope_rules_keep_one_process(platform: Path, capsys, monkeypatch) -> None:
    splits = Splits(monkeypatch)
    (platform / "pyproject.toml").write_text('[tool.prisma-lint]\nextends = "all"\n')  # PL501 and others on
    main(["-j", "4", "services"])
    assert splits.parts == []


def test_a_small_run_keeps_one_process(platform: Path, capsys, monkeypatch) -> None:
    splits = Splits(monkeypatch)
    monkeypatch.setattr(parallel_module, "MIN_BYTES", 10_000_000)
    main(["-j", "4", "services"])
    main(["-j", "4", "services/api/prisma/schema.prisma"])
    assert splits.parts == []


def test_jobs_must_be_positive(platform: Path, capsys) -> None:
    assert main(["-j", "0", "services"]) == 2
    assert "--jobs" in capsys.readouterr().err
