"""The `prisma-lint` command leaves with `os._exit` after `main()` (cli.console_main), skipping the
freeing of a big AST. These tests check that nothing is lost on the way out: the whole report reaches a
pipe and a file, fixes are on disk, and the exit code is main()'s."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _generate(models: int, variant: str) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return generate(models, variant)


def _command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prisma_lint", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def _in_process(args: list[str], capsys, cwd: Path, monkeypatch) -> tuple[int, str]:
    from prisma_lint.cli import main

    monkeypatch.chdir(cwd)  # as the subprocess: the report gives paths relative to the working folder
    code = main(["--no-cache", *args])
    return code, capsys.readouterr().out


def test_a_large_report_reaches_the_pipe_whole(tmp_path: Path, capsys, monkeypatch) -> None:
    # 400 models with one violation each: a JSON report of a few hundred KB, more than a pipe buffer.
    schema = tmp_path / "schema.prisma"
    schema.write_text(_generate(400, "violations"), encoding="utf-8")
    done = _command("--format", "json", str(schema), cwd=tmp_path)
    code, expected = _in_process(["--format", "json", str(schema)], capsys, tmp_path, monkeypatch)
    assert done.returncode == code == 1
    assert len(done.stdout) > 65536
    assert json.loads(done.stdout) == json.loads(expected)


def test_report_file_and_fixes_are_written_before_the_exit(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text("model patient_record {\n  id String @id @default(uuid())\n}\n", encoding="utf-8")
    report = tmp_path / "report.json"
    done = _command("--format", "json", "--output-file", str(report), str(schema), cwd=tmp_path)
    assert done.returncode == 1
    assert any(d["code"] == "PL101" for d in json.loads(report.read_text(encoding="utf-8"))["diagnostics"])

    fixed = _command("--fix", "--select", "PL104", str(schema), cwd=tmp_path)
    assert fixed.returncode in (0, 1)
    assert schema.read_text(encoding="utf-8").startswith("model patient_record {")  # nothing lost


@pytest.mark.parametrize(("text", "expected"), [
    ('datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n', None),
    ("model {\n", 2),
])
def test_exit_codes_are_mains(tmp_path: Path, capsys, monkeypatch, text: str, expected: int | None) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text(text, encoding="utf-8")
    done = _command(str(schema), cwd=tmp_path)
    code, out = _in_process([str(schema)], capsys, tmp_path, monkeypatch)
    assert done.returncode == code
    assert done.stdout == out
    if expected is not None:
        assert code == expected
