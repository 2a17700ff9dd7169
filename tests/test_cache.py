"""The result cache (`.prisma-lint-cache/`): a repeat run reads what the first found, and any change
that can change a finding (a schema, a config, the code, a migration folder) makes the run lint again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import prisma_lint.linter as linter_module
import prisma_lint.runner as runner_module
from prisma_lint.cli import main

REPO = Path(__file__).resolve().parents[1]
PLATFORM = REPO / "fixtures" / "platform" / "services"
CONFIG = '[tool.prisma-lint]\nselect = ["PL101", "PL102"]\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("PRISMA_LINT_NO_CACHE", raising=False)
    monkeypatch.delenv("PRISMA_LINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    for name in ("a", "b"):
        schema = tmp_path / "services" / name / "prisma" / "schema.prisma"
        schema.parent.mkdir(parents=True)
        schema.write_text(f"model Thing{name.upper()} {{\n  id String @id\n}}\n")
    return tmp_path


def lint(capsys, *args: str) -> tuple[int, str]:
    code = main(["--format", "json", *args, "services"])
    return code, capsys.readouterr().out


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


class Parses:
    """Counts the schema parses of a run (a run answered from the cache parses nothing)."""

    def __init__(self, monkeypatch) -> None:
        self.count = 0
        real = linter_module.parse_texts

        def counting(*args, **kwargs):
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(linter_module, "parse_texts", counting)


def test_repeat_run_reads_the_cache(project: Path, capsys, monkeypatch) -> None:
    parses = Parses(monkeypatch)
    first = lint(capsys)
    assert parses.count == 2
    folder = project / ".prisma-lint-cache"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(entries(folder)) == 1
    assert lint(capsys) == first
    assert parses.count == 2  # nothing parsed the second time
    assert not list(folder.glob(".tmp-*"))


def test_suppressed_findings_are_kept(project: Path, capsys) -> None:
    (project / "services" / "b" / "prisma" / "schema.prisma").write_text(
        "// prisma-lint-disable-next-line PL101 -- legacy table\nmodel thing_b {\n  id String @id\n}\n")
    first = main(["--format", "sarif", "services"]), capsys.readouterr().out
    assert "legacy table" in first[1]
    assert (main(["--format", "sarif", "services"]), capsys.readouterr().out) == first


def test_a_changed_schema_is_linted_again(project: Path, capsys) -> None:
    code, out = lint(capsys)
    assert code == 0 and json.loads(out)["diagnostics"] == []
    (project / "services" / "b" / "prisma" / "schema.prisma").write_text("model thing_b {\n  id String @id\n}\n")
    code, out = lint(capsys)
    assert code == 1
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["PL101"]


def test_a_changed_config_is_applied(project: Path, capsys) -> None:
    (project / "services" / "b" / "prisma" / "schema.prisma").write_text("model thing_b {\n  id String @id\n}\n")
    assert lint(capsys)[0] == 1
    (project / "pyproject.toml").write_text(CONFIG.replace('"PL101", ', ""))
    code, out = lint(capsys)
    assert code == 0 and json.loads(out)["diagnostics"] == []
    # --select on the command line is part of the key too.
    assert lint(capsys, "--select", "PL101")[0] == 1


def test_a_new_version_or_changed_code_lints_again(project: Path, capsys, monkeypatch) -> None:
    parses = Parses(monkeypatch)
    lint(capsys)
    monkeypatch.setattr(runner_module, "__version__", "99.0.0")
    lint(capsys)
    assert parses.count == 4


def test_a_corrupt_entry_is_ignored_and_rewritten(project: Path, capsys, monkeypatch) -> None:
    first = lint(capsys)
    (entry,) = entries(project / ".prisma-lint-cache")
    for damage in ("{not json", '{"format": 1}', "", json.dumps({"format": 1, "key": entry.stem, "units": 3})):
        entry.write_text(damage)
        assert lint(capsys) == first
        assert json.loads(entry.read_text())["key"] == entry.stem  # written again, whole


def test_no_cache_neither_reads_nor_writes(project: Path, capsys, monkeypatch) -> None:
    parses = Parses(monkeypatch)
    lint(capsys, "--no-cache")
    lint(capsys, "--no-cache")
    assert parses.count == 4
    assert not (project / ".prisma-lint-cache").exists()


def test_cache_dir_in_config(project: Path, capsys) -> None:
    (project / "pyproject.toml").write_text(CONFIG + 'cache-dir = "build/lint-cache"\n')
    lint(capsys)
    assert len(entries(project / "build" / "lint-cache")) == 1
    assert not (project / ".prisma-lint-cache").exists()


def test_project_scope_rules_see_changed_migrations(tmp_path: Path, capsys, monkeypatch) -> None:
    """PL501 (project scope) reads migration folders: a new badly named folder must be reported on
    the next run even though no schema changed."""
    monkeypatch.delenv("PRISMA_LINT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PLATFORM / "api", tmp_path / "services" / "api")
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-lint]\nselect = ["PL501"]\n')
    code, out = lint(capsys)
    before = [d for d in json.loads(out)["diagnostics"] if "not named" in d["message"]]
    (tmp_path / "services" / "api" / "prisma" / "migrations" / "oops").mkdir()
    code, out = lint(capsys)
    after = [d for d in json.loads(out)["diagnostics"] if "not named" in d["message"]]
    assert len(after) == len(before) + 1, out


def test_results_with_a_crashing_rule_are_not_cached(project: Path, capsys, monkeypatch) -> None:
    from prisma_lint.rules.registry import default_registry

    rule = default_registry().get("PL101")
    monkeypatch.setattr(type(rule), "check", property(lambda self: (_ for _ in ()).throw(RuntimeError("boom"))))
    assert lint(capsys)[0] == 2
    assert not entries(project / ".prisma-lint-cache")


def test_a_changed_schema_re_runs_the_project_scope_checks_of_the_others(tmp_path: Path, capsys, monkeypatch) -> None:
    """PL605 (shared enum drift, project scope) reports on the service whose enum differs from the first
    one's: changing only `a` must bring a finding in `b`'s unchanged schema, and changing `a` back must
    take it away (both runs answered correctly, not from the entry of the run before)."""
    monkeypatch.delenv("PRISMA_LINT_NO_CACHE", raising=False)
    monkeypatch.delenv("PRISMA_LINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-lint]\nselect = ["PL605"]\n')
    enum = "enum Status {\n  active\n  closed\n}\n"
    for name in ("a", "b"):
        schema = tmp_path / "services" / name / "prisma" / "schema.prisma"
        schema.parent.mkdir(parents=True)
        schema.write_text(f"model Thing{name.upper()} {{\n  id String @id\n  status Status\n}}\n\n{enum}")
    a = tmp_path / "services" / "a" / "prisma" / "schema.prisma"
    clean = a.read_text()
    first = lint(capsys)
    assert first[0] == 0 and lint(capsys) == first  # the second from the cache
    a.write_text(clean.replace("  closed\n", "  archived\n"))
    code, out = lint(capsys)
    found = [(d["code"], d["path"]) for d in json.loads(out)["diagnostics"]]
    assert code == 1 and found == [("PL605", str(Path("services/b/prisma/schema.prisma")))]
    a.write_text(clean)
    code, out = lint(capsys)
    assert code == 0 and json.loads(out)["diagnostics"] == []
    assert len(entries(tmp_path / ".prisma-lint-cache")) == 2


def test_a_cached_finding_reads_back_equal_to_the_one_linted() -> None:
    # Cached findings are rebuilt through their slots, not Diagnostic(...): every field must come back,
    # fixes included, on the example platform's real findings.
    from prisma_lint import lint_paths
    from prisma_lint.cache import dump_diagnostic, load_diagnostic

    found = lint_paths(PLATFORM).diagnostics
    assert any(d.edits for d in found) and any(d.fix_hint for d in found)
    for d in found:
        back = load_diagnostic(json.loads(json.dumps(dump_diagnostic(d))))
        assert back == d and hash(back) == hash(d) and repr(back) == repr(d)
