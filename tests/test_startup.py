"""Start-up: what a plain `prisma-lint FILE` imports, and that moving validation out of its way changed no
answer (issue 10, target 1; the time itself is measured by benchmarks/, not here).

A run with no config file imports neither pydantic (60 ms) nor importlib.metadata, networkx (70 ms),
lark or OpenSSL: rule options, the file format and the project settings are dataclasses that pydantic validates only
when a config file sets them, the dependency graph needs networkx only when it has edges, and Lark only
reads a schema with a syntax error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from prisma_lint.config import ConfigFile, _read_table, _validate, find_config
from prisma_lint.presets import presets_folder
from prisma_lint.rules.options import option_key
from prisma_lint.rules.registry import default_registry
from prisma_lint.validation import validate

ROOT = Path(__file__).resolve().parents[1]
# Imported only when needed: pydantic (with importlib.metadata, its plugin loader) to validate a config
# file, networkx for a dependency graph with edges, lark for a syntax error, and OpenSSL (`_hashlib`,
# 3.5 MB of memory) never: the cache key uses CPython's built-in SHA-256.
HEAVY = ("pydantic", "pydantic_core", "importlib.metadata", "networkx", "lark", "_hashlib")

# Runs the command line in a fresh interpreter, then reports which of HEAVY it imported.
_WRAPPER = (
    "import json, sys\n"
    "from prisma_lint.cli import main\n"
    "code = main(sys.argv[1:])\n"
    f"heavy = sorted(m for m in sys.modules if m in {HEAVY!r} or m.split('.')[0] in {HEAVY!r})\n"
    "sys.stderr.write('\\nIMPORTED ' + json.dumps(heavy) + '\\n')\n"
    "sys.exit(code)\n"
)


def _run(args: list[str], cwd: Path, env_extra: dict[str, str] | None = None) -> tuple[int, str, str, list[str]]:
    import os

    env = {**os.environ, **(env_extra or {})}
    env.pop("PRISMA_LINT_NO_CACHE", None)  # tests/conftest.py sets it; these runs say what they want
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)
    body, _sep, tail = done.stderr.rpartition("\nIMPORTED ")
    return done.returncode, done.stdout, body, json.loads(tail)


@pytest.fixture()
def schema_10(tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path / "schema.prisma"
    path.write_text(generate(10, "clean"), encoding="utf-8")
    assert find_config(path) is None, f"a config file above {tmp_path} would make this a configured run"
    return path


@pytest.mark.parametrize("cache", ["--no-cache", "cache"])
def test_a_run_without_config_imports_no_validation_graph_or_grammar_library(schema_10, tmp_path, cache) -> None:
    args = ["--no-cache", str(schema_10)] if cache == "--no-cache" else [str(schema_10)]
    env = {"PRISMA_LINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = 1 if cache == "--no-cache" else 2  # the first run writes the cache entry, the second reads it
    for _ in range(runs):
        code, out, err, imported = _run(args, tmp_path, env)
        assert code == 0, err
        assert "Found 0 errors, 0 warnings, 1 info" in out  # PL513: no migrations folder beside it
        assert imported == [], f"the default path imported {imported}"
    assert (tmp_path / "cache").is_dir() == (cache == "cache")


def test_a_syntax_error_still_loads_lark_and_is_reported(tmp_path) -> None:
    bad = tmp_path / "schema.prisma"
    bad.write_text("model A {\n  id String @id\n", encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", str(bad)], tmp_path)
    assert code == 2 and "PL001" in out
    assert "lark" in imported


def test_a_project_with_cross_service_references_uses_networkx(tmp_path) -> None:
    for name, body in (("api", "model Patient {\n  id String @id\n}\n"),
                       ("care", "model Visit {\n  id String @id\n  patientId String\n}\n")):
        folder = tmp_path / "services" / name / "prisma"
        folder.mkdir(parents=True)
        (folder / "schema.prisma").write_text(body, encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", "--graph", "mermaid", "services"], tmp_path)
    assert code == 0, err
    assert 'care -->|"Patient"| api' in out
    assert "networkx" in imported


def test_options_in_a_config_file_are_validated_with_the_same_errors(tmp_path, schema_10) -> None:
    config = tmp_path / "prisma-lint.toml"
    config.write_text('[rules.require-field]\nrequire = [{ name = "tenantId", if-sibling = "/(/" }]\n',
                      encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 2 and out == ""
    assert err.strip() == (f"prisma-lint: {config}: rules.require-field.require.0.Condition.if-sibling: invalid "
                           "regular expression '(': missing ), unterminated subpattern at position 0")
    config.write_text("[rules.migration-folder-convention]\nmax-description-length = 1.5\n", encoding="utf-8")
    code, out, err, _ = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 2
    assert err.strip() == (f"prisma-lint: {config}: rules.migration-folder-convention.max-description-length: "
                           "Input should be a valid integer, got a number with a fractional part")
    config.write_text("[rules.require-field]\nrequire = [\"tenantId\"]\nbogus = 1\n", encoding="utf-8")
    code, out, err, _ = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 2 and err.strip() == f"prisma-lint: {config}: rules.require-field.bogus: unknown option"
    config.write_text("[project]\nservices = { api = \" \" }\n", encoding="utf-8")
    code, out, err, _ = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 2 and err.strip() == (f"prisma-lint: {config}: project.services: 'api': a service needs a "
                                         "name and a root folder")
    # A plainly valid option is read without pydantic and applied: every model now lacks `tenantId`.
    config.write_text("[rules.require-field]\nrequire = [\"tenantId\"]\n", encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 1, err
    assert out.count("PL405") == 10 and imported == []
    # A value pydantic converts ("40" for an int) is still read by pydantic, as before.
    config.write_text("[rules.migration-folder-convention]\nmax-description-length = \"40\"\n", encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code in (0, 1) and "pydantic" in imported, err


def test_valid_config_files_import_no_pydantic(tmp_path, schema_10) -> None:
    """The npm tool's JSON config (the benchmark's) and a prisma-lint.toml with rule options, nested tables,
    overrides and project settings are plainly valid: read without pydantic, with the same findings."""
    code, out, err, imported = _run(["--no-cache", "--config", str(ROOT / "benchmarks" / "prismalintrc.json"),
                                     str(schema_10)], tmp_path)
    assert code == 0 and "Found 0 errors" in out, err
    assert imported == []
    config = tmp_path / "prisma-lint.toml"
    config.write_text(
        'extend-select = "PL1"\nignore = ["PL303"]\n\n'
        '[rules]\nenum-value-case = { severity = "warning", style = "snake" }\n'
        'require-field = { severity = "error", require = ["tenantId", { name = "x", if-sibling = "/^zz/" }] }\n'
        '\n[[overrides]]\nfiles = "legacy/**"\nignore = ["PL302"]\n'
        '\n[project]\nservices = { api = "." }\ncheck-providers = false\n', encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 1 and out.count("PL405") == 10, err
    assert imported == []
    # The same mistake as ever: exit 2, the file and the key, pydantic's message.
    config.write_text('[rules.require-field]\nrequire = [{ name = "x", if-sibling = 3 }]\n', encoding="utf-8")
    code, out, err, imported = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 2 and out == ""
    assert err.strip() == (f"prisma-lint: {config}: rules.require-field.require.0.Condition.if-sibling: "
                           "Input should be a valid string")
    assert "pydantic" in imported


def test_a_toml_mistake_keeps_its_line_and_column(tmp_path, schema_10) -> None:
    config = tmp_path / "prisma-lint.toml"
    config.write_text("[rules]\nrequire-field = {\n", encoding="utf-8")
    code, out, err, _ = _run(["--no-cache", str(schema_10)], tmp_path)
    assert code == 2 and err.startswith(f"prisma-lint: {config}: invalid TOML: ") and "(at line 2, column" in err


@pytest.mark.parametrize("preset", sorted(p.stem for p in presets_folder().glob("*.toml")))
def test_presets_read_without_pydantic_are_what_pydantic_reads(preset) -> None:
    """Presets ship with prisma-lint and are read as they are at run time; here pydantic reads them too."""
    path = presets_folder() / f"{preset}.toml"
    table = _read_table(path)
    trusted = _validate(table, path, preset=True)
    assert isinstance(trusted, ConfigFile)
    assert trusted == _validate(table, path)
    registry = default_registry()
    for name, entry in trusted.rules.items():
        options = {option_key(k): v for k, v in entry.items() if k != "severity"} if isinstance(entry, dict) else {}
        if options:
            rule = registry.get(name)
            assert rule.options.from_config(options) == validate(rule.options, options)


def test_options_equal_to_their_defaults_skip_validation_and_others_do_not() -> None:
    options = default_registry().get("enum-value-case").options
    assert options.from_config({"style": "snake", "case": "lower"}) == options()
    assert options.from_config({"style": "camel"}).style == "camel"
    with pytest.raises(ValueError, match="Input should be 'snake', 'camel' or 'pascal'"):
        options.from_config({"style": "kebab"})
    with pytest.raises(ValueError):
        options.from_config({"no_such_option": "snake"})
