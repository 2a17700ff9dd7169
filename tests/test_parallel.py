"""`--jobs N`: the same report as one process, byte for byte and in the same order, also with the
default preset's project-scope rules; one process where a split could only cost time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import prisma_lint.parallel as parallel_module
from prisma_lint.cli import main

REPO = Path(__file__).resolve().parents[1]
PLATFORM = REPO / "fixtures" / "platform" / "services"
PHARMACY = Path("services/pharmacy-service/prisma/schema.prisma")
IMAGING = Path("services/imaging-service/prisma/schema.prisma")


def insert_before(path: Path, line: str, comment: str) -> None:
    text = path.read_text()
    assert line in text
    path.write_text(text.replace(line, f"{comment}\n{line}", 1))


@pytest.fixture
def platform(tmp_path: Path, monkeypatch) -> Path:
    """The example platform's 8 services under the default preset (no configuration file), with a
    suppressed project-scope finding (PL604) and a directive that suppresses nothing (PL003)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRISMA_LINT_NO_CACHE", raising=False)
    shutil.copytree(PLATFORM, tmp_path / "services")
    insert_before(tmp_path / PHARMACY, "  encounterId            String?            @db.Uuid",
                  "  // prisma-lint-disable-next-line PL604 -- the encounter id is a uuid here on purpose")
    insert_before(tmp_path / IMAGING, "model ImagingOrder {", "// prisma-lint-disable-next-line PL101")
    monkeypatch.setattr(parallel_module, "MIN_BYTES", 0)  # the platform (68 KB) is split too
    monkeypatch.setattr(parallel_module, "MIN_BYTES_SENDING_ASTS", 0)
    return tmp_path


class Splits:
    """The number of processes each run of the test was split over (1: not split)."""

    def __init__(self, monkeypatch) -> None:
        self.runs: list[int] = []
        real_parts, real_split = parallel_module._parts, parallel_module.can_split

        def parts(*args):
            found = real_parts(*args)
            self.runs[-1] = len(found)
            return found

        def can_split(*args):
            self.runs.append(1)
            return real_split(*args)

        monkeypatch.setattr(parallel_module, "_parts", parts)
        monkeypatch.setattr(parallel_module, "can_split", can_split)


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["--no-cache", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out


@pytest.mark.parametrize("output", ["text", "json", "sarif", "markdown", "github"])
def test_default_preset_splits_and_reports_what_a_serial_run_does(platform: Path, capsys, monkeypatch,
                                                                  output: str) -> None:
    splits = Splits(monkeypatch)
    serial = run(capsys, "--format", output, "-j", "1", "services")
    for jobs in ("2", "3", "8"):
        assert run(capsys, "--format", output, "-j", jobs, "services") == serial
    assert splits.runs[:3] == [1, 2, 3] and splits.runs[3] > 3  # 8 services: no part is left empty
    assert serial[0] == 1
    if output == "json":
        report = json.loads(serial[1])
        codes = [d["code"] for d in report["diagnostics"]]
        # Project-scope findings (cross-service and migration rules) and the unused directive are there...
        assert {"PL605", "PL608", "PL501", "PL510", "PL003"} <= set(codes)
        # ...the suppressed one is not, and the project part of the report lists every service.
        assert not any(d["code"] == "PL604" and d["path"] == str(PHARMACY) for d in report["diagnostics"])
        assert len(report["project"]["services"]) == 8 and report["summary"]["schemas"] == 8
    if output == "sarif":
        results = json.loads(serial[1])["runs"][0]["results"]
        assert any(r["ruleId"] == "PL604" and r.get("suppressions") for r in results)


def test_a_schema_with_a_syntax_error_is_reported_as_in_one_process(platform: Path, capsys, monkeypatch) -> None:
    broken = platform / "services" / "zz-broken-service" / "prisma" / "schema.prisma"
    broken.parent.mkdir(parents=True)
    broken.write_text("model Broken {\n  id String @id\n")
    splits = Splits(monkeypatch)
    serial = run(capsys, "--format", "json", "-j", "1", "services")
    assert run(capsys, "--format", "json", "-j", "2", "services") == serial
    assert splits.runs == [1, 2]
    assert serial[0] == 2 and "PL001" in {d["code"] for d in json.loads(serial[1])["diagnostics"]}


def test_the_result_is_the_same_object_for_object(platform: Path, monkeypatch) -> None:
    """What reports do not print is the same too: each finding's edits (what `--fix` applies), the
    suppressed findings, and the units' ASTs (sent back by the other processes)."""
    from prisma_lint.linter import schema_groups
    from prisma_lint.runner import lint_cached

    splits = Splits(monkeypatch)
    serial = lint_cached(schema_groups(["services"]), use_cache=False, jobs=1)
    split = lint_cached(schema_groups(["services"]), use_cache=False, jobs=3)
    assert splits.runs == [1, 3]
    assert any(d.edits for d in serial.diagnostics) and serial.suppressed
    assert split.diagnostics == serial.diagnostics and split.suppressed == serial.suppressed
    assert [(u.path, u.service, u.texts, u.schema) for u in split.units] == \
           [(u.path, u.service, u.texts, u.schema) for u in serial.units]
    assert [[u.path for u in s.units] for s in split.project.services] == \
           [[u.path for u in s.units] for s in serial.project.services]
    assert split.rules_run == serial.rules_run and split.files == serial.files


@pytest.fixture
def schema_rules_only(platform: Path) -> Path:
    """The platform with every rule but the project-scope ones: each process can finish its own part."""
    from prisma_lint.rules.registry import default_registry

    project_scope = [rule.code for rule in default_registry() if rule.scope == "project"]
    (platform / "pyproject.toml").write_text(f'[tool.prisma-lint]\nextends = "all"\nignore = {json.dumps(project_scope)}\n')
    return platform


@pytest.mark.parametrize("output", ["text", "sarif", "json"])
def test_without_project_scope_rules_each_process_finishes_its_part(schema_rules_only: Path, capsys, monkeypatch,
                                                                    output: str) -> None:
    sent = []
    real = parallel_module._joined
    monkeypatch.setattr(parallel_module, "_joined", lambda *args: sent.append(output) or real(*args))
    splits = Splits(monkeypatch)
    serial = run(capsys, "--format", output, "-j", "1", "services")
    for jobs in ("2", "3"):
        assert run(capsys, "--format", output, "-j", jobs, "services") == serial
    assert splits.runs == [1, 2, 3] and serial[0] == 1
    # Only findings come back, unless the report needs the project (JSON lists the services).
    assert sent == ([] if output == "json" else [output, output])


def test_a_cached_run_without_its_project_is_not_used_for_a_report_of_it(schema_rules_only: Path, capsys) -> None:
    """A text run split without ASTs caches no project part: a JSON run after it lints again, and lists
    every service."""
    assert main(["-j", "2", "services"]) == 1
    capsys.readouterr()
    assert list((schema_rules_only / ".prisma-lint-cache").glob("*.json"))
    code = main(["--format", "json", "-j", "2", "services"])
    cached = json.loads(capsys.readouterr().out)
    assert code == 1 and len(cached["project"]["services"]) == 8
    assert cached == json.loads(run(capsys, "--format", "json", "-j", "1", "services")[1])


def test_a_single_small_schema_is_linted_in_this_process(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PLATFORM, tmp_path / "services")

    class NoPool:
        def __init__(self, *args, **kwargs) -> None:
            raise AssertionError("a process pool was started")

    import concurrent.futures  # parallel.py imports the pool where it forks

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoPool)
    # One schema, whatever its size.
    assert run(capsys, "-j", "4", "services/api/prisma/schema.prisma")[0] == 1
    # Two small schemas: less than MIN_BYTES of text.
    assert run(capsys, "-j", "4", "services/api", "services/auth-service")[0] == 1
    # The platform (68 KB, 8 services) under the default preset: the ASTs would have to be sent back.
    assert run(capsys, "-j", "4", "services")[0] == 1
    monkeypatch.setattr(parallel_module, "MIN_BYTES_SENDING_ASTS", 0)
    monkeypatch.setattr(parallel_module, "MIN_BYTES", 10_000_000)
    assert run(capsys, "--select", "PL101", "-j", "4", "services")[0] == 1


def test_jobs_must_be_positive(platform: Path, capsys) -> None:
    assert main(["-j", "0", "services"]) == 2
    assert "--jobs" in capsys.readouterr().err
