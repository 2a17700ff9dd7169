"""The command line as a user runs it: a real process, real files, exit codes and output formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLATFORM = REPO / "fixtures" / "platform" / "services"
CLEAN = "model Patient {\n  id String @id\n}\n"
SNAKE = "model lab_result {\n  id String @id\n}\n"


def run(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NO_COLOR", None) if env is None or "NO_COLOR" not in env else None
    return subprocess.run([sys.executable, "-m", "prisma_lint", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=120)


def select(*codes: str) -> list[str]:
    return ["--config", str(REPO / "rules" / "all.toml"), "--select", ",".join(codes)]


def test_clean_file_exits_0(tmp_path: Path) -> None:
    (tmp_path / "schema.prisma").write_text(CLEAN)
    done = run(*select("PL101"), str(tmp_path / "schema.prisma"))
    assert done.returncode == 0, done.stderr
    assert "Found 0 errors" in done.stdout


def test_finding_exits_1_with_path_line_col_code(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text(SNAKE)
    done = run(*select("PL101"), str(path))
    assert done.returncode == 1
    assert f"{path}:1:7: PL101 [model-name-pascal-case] Model name `lab_result` is not PascalCase." in done.stdout
    assert "\033[" not in done.stdout  # not a terminal: no colour


def test_exit_zero_flag(tmp_path: Path) -> None:
    (tmp_path / "schema.prisma").write_text(SNAKE)
    assert run(*select("PL101"), "--exit-zero", str(tmp_path / "schema.prisma")).returncode == 0


def test_syntax_error_exits_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text("model A {\n  id Int @id\n  this is junk\n}\n")
    done = run(str(path))
    assert done.returncode == 2
    assert f"{path}:3:11: PL001 [syntax-error] This line is not a valid field or attribute definition." in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_binary_and_missing_input_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    path.write_bytes(b"model A {\n  \xff\xfe id Int\n}\n")
    done = run(str(path))
    assert done.returncode == 2 and "not valid UTF-8" in done.stdout
    done = run(str(tmp_path / "missing.prisma"))
    assert done.returncode == 2 and "no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr


def test_json_format_shape(tmp_path: Path) -> None:
    (tmp_path / "schema.prisma").write_text(SNAKE)
    done = run(*select("PL101"), "--format", "json", str(tmp_path / "schema.prisma"))
    payload = json.loads(done.stdout)
    assert set(payload) == {"diagnostics", "summary", "project"}
    (diagnostic,) = payload["diagnostics"]
    assert list(diagnostic) == ["path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message",
                                "fix_hint"]
    assert diagnostic["rule"] == "model-name-pascal-case" and diagnostic["end_column"] == 17
    assert diagnostic["fix_hint"] == "Rename it in PascalCase and keep the table name with `@@map(\"...\")`."
    assert payload["summary"]["errors"] == 1 and payload["summary"]["exit_code"] == 1


def test_json_gives_the_fix_of_a_fixable_finding(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    text = ("model Visit {\n  id String @id\n}\n\nmodel Note {\n  id      String @id\n  visitId String\n"
            "  visit   Visit  @relation(fields: [visitId], references: [id], onDelete: Cascade)\n}\n")
    schema.write_text(text)
    payload = json.loads(run(*select("PL201"), "--format", "json", str(schema)).stdout)
    (diagnostic,) = payload["diagnostics"]
    assert diagnostic["code"] == "PL201" and diagnostic["fix_hint"] and diagnostic["unsafe_fix"] is False
    (edit,) = diagnostic["edits"]
    raw = text.encode()
    fixed = raw[:edit["start"]] + edit["replacement"].encode() + raw[edit["end"]:]
    assert fixed.decode() == text.replace("onDelete: Cascade)\n}", "onDelete: Cascade)\n\n  @@index([visitId])\n}")


def test_source_excerpt_uses_the_parsers_lines(tmp_path: Path) -> None:
    """A U+2028 (a line break for `str.splitlines`, not for Prisma) in a comment must not shift the caret."""
    from prisma_lint import lint_paths
    from prisma_lint.config import load_config
    from prisma_lint.reporters.text import render

    schema = tmp_path / "schema.prisma"
    schema.write_text("// a comment\u2028with a line separator\nmodel lab_result {\n  id String @id\n}\n",
                      encoding="utf-8")
    result = lint_paths([schema], load_config(REPO / "rules" / "all.toml").with_cli(["PL101"], []))
    shown = render(result, show_source=True)
    assert f"{schema}:2:7: PL101" in shown
    assert "  model lab_result {\n        ^^^^^^^^^^\n" in shown


def test_markdown_report_of_the_example_platform() -> None:
    done = run("--format", "markdown", str(PLATFORM))
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("# prisma-lint report")
    assert "| Code" in done.stdout


def test_bad_config_exits_2_naming_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "prisma-lint.toml"
    config.write_text('[rules]\nmodel-name-pascal-case = { colour = "red" }\n')
    (tmp_path / "schema.prisma").write_text(CLEAN)
    done = run("--config", str(config), str(tmp_path / "schema.prisma"))
    assert done.returncode == 2
    assert f"{config}: rules.model-name-pascal-case.colour: unknown option" in done.stderr


def test_short_config_option_reads_an_npm_config_as_the_npm_tool_takes_it(tmp_path: Path) -> None:
    # `prisma-lint -c .prismalintrc.json` is how the npm tool is run; the same command line works here.
    (tmp_path / "rc.json").write_text('{"rules": {"model-name-pascal-case": ["error"]}}')
    (tmp_path / "schema.prisma").write_text(SNAKE)
    short = run("-c", str(tmp_path / "rc.json"), str(tmp_path / "schema.prisma"))
    long = run("--config", str(tmp_path / "rc.json"), str(tmp_path / "schema.prisma"))
    assert short.returncode == long.returncode == 1
    assert short.stdout == long.stdout and "model-name-pascal-case" in short.stdout
    assert "PL501" not in short.stdout  # only the npm config's rule: the config was read


def test_unknown_selector_and_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "schema.prisma").write_text(CLEAN)
    assert run("--select", "no-such-rule", str(tmp_path / "schema.prisma")).returncode == 2
    assert run("--format", "xml", str(tmp_path)).returncode == 2


def test_list_rules_and_explain() -> None:
    listing = run("--list-rules")
    assert listing.returncode == 0 and "PL101  model-name-pascal-case" in listing.stdout
    assert "PL000  internal-error" in listing.stdout and "PL003  unused-suppression" in listing.stdout
    explained = run("--explain", "PL101")
    assert explained.returncode == 0 and "## What it does" in explained.stdout
    assert run("--explain", "nope").returncode == 2


def test_default_path_from_package_json(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "main.prisma").write_text(SNAKE)
    (tmp_path / "package.json").write_text(json.dumps({"prisma": {"schema": "db/main.prisma"}}))
    done = run(*select("PL101"), cwd=tmp_path)
    assert done.returncode == 1 and "main.prisma:1:7" in done.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(cwd=empty).returncode == 2


def test_package_json_names_a_schema_folder(tmp_path: Path) -> None:
    """A folder that package.json's `prisma.schema` names is one schema (as for Prisma), whatever its name:
    its files see each other's declarations, so no type is unknown."""
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "a.prisma").write_text("model Visit {\n  id String @id\n  kind Kind\n}\n")
    (tmp_path / "db" / "b.prisma").write_text("enum Kind {\n  A\n}\n")
    (tmp_path / "package.json").write_text(json.dumps({"prisma": {"schema": "db"}}))
    done = run(*select("PL002"), "--format", "json", cwd=tmp_path)
    payload = json.loads(done.stdout)
    assert done.returncode == 0 and payload["summary"]["schemas"] == 1 and payload["diagnostics"] == []


def test_glob_and_schema_folder(tmp_path: Path) -> None:
    folder = tmp_path / "prisma" / "schema"
    folder.mkdir(parents=True)
    (folder / "a.prisma").write_text("model A {\n  id String @id\n  b B?\n}\n")
    (folder / "b.prisma").write_text("model B {\n  id String @id\n  aId String @unique\n  a A @relation(fields: [aId], references: [id])\n}\n")
    done = run(*select("PL101"), "--format", "json", str(tmp_path / "prisma" / "schema"))
    assert json.loads(done.stdout)["summary"]["schemas"] == 1
    done = run(*select("PL101"), "--format", "json", str(tmp_path / "**" / "*.prisma"))
    assert json.loads(done.stdout)["summary"]["files"] == 2


def test_dump_ast(tmp_path: Path) -> None:
    (tmp_path / "schema.prisma").write_text(CLEAN)
    done = run("--dump-ast", str(tmp_path / "schema.prisma"))
    assert done.returncode == 0
    assert json.loads(done.stdout)["blocks"][0]["name"] == "Patient"


@pytest.mark.parametrize("no_color", ["1", None])
def test_colour_only_when_forced_and_not_no_color(tmp_path: Path, no_color) -> None:
    (tmp_path / "schema.prisma").write_text(SNAKE)
    env = {"NO_COLOR": no_color} if no_color else {}
    done = run(*select("PL101"), "--color", "auto", str(tmp_path / "schema.prisma"), env=env)
    assert "\033[" not in done.stdout
    forced = run(*select("PL101"), "--color", "always", str(tmp_path / "schema.prisma"))
    assert "\033[31m" in forced.stdout


def test_ast_json_schema_describes_the_dump(tmp_path: Path) -> None:
    done = run("--ast-json-schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert {"blocks", "comments", "files"} <= set(schema["properties"])
    (tmp_path / "schema.prisma").write_text(CLEAN)
    dumped = json.loads(run("--dump-ast", str(tmp_path / "schema.prisma")).stdout)
    assert set(dumped) <= set(schema["properties"])


def test_markdown_verification_table_is_computed(tmp_path: Path) -> None:
    folder = tmp_path / "services" / "billing" / "prisma"
    folder.mkdir(parents=True)
    (folder / "schema.prisma").write_text(
        "model Invoice {\n  id        String   @id @default(uuid())\n  createdAt DateTime @default(now())\n}\n")
    report = run("--format", "markdown", str(tmp_path / "services")).stdout
    rows = {line.split("|")[1].strip(): line for line in report.splitlines() if line.startswith("| ")}
    assert "| INCONSISTENT (1) |" in rows["Audit columns (createdAt, updatedAt)"]
    assert "billing (1)" in rows["Audit columns (createdAt, updatedAt)"]
    assert "| CONSISTENT " in rows["UUID primary keys"]
    only_naming = run("--format", "markdown", "--select", "naming", str(tmp_path / "services")).stdout
    assert "not checked" in only_naming
