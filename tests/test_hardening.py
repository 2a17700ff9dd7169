"""Hostile, careless and unlucky input (issue 12): every case ends in a clear message and exit 0/1/2,
in time and memory that grow linearly with the input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lark.parsers.lalr_parser_state import ParserState

from prisma_lint import lint_paths, lint_text, parse
from prisma_lint.config import ConfigError, config_from_dict
from prisma_lint.files import DEFAULT_MAX_FILE_SIZE
from prisma_lint.linter import InputError, discover
from prisma_lint.parser import PrismaSyntaxError

# -- Syntax errors: linear, and at most 1,000 per file ---------------------------------------------------


def _errors(text: str) -> list:
    with pytest.raises(PrismaSyntaxError) as raised:
        parse(text, "s.prisma")
    return raised.value.errors


@pytest.mark.parametrize("text", [
    "}\n" * 1500,
    "model A {\n  id String @id\n" + "  !!! not a field\n" * 1500 + "}\n",
    "".join(f"model M{i} {{\n  id String @id\n  this is bad!\n}}\n" for i in range(1500)),
], ids=["closing-braces", "bad-lines-in-one-model", "broken-models"])
def test_at_most_a_thousand_syntax_errors_then_one_n_more(text: str) -> None:
    errors = _errors(text)
    assert len(errors) == 1001
    assert errors[-1].message == "500 more syntax errors in this file are not listed (only the first 1,000 are)."
    assert [e.line for e in errors[:-1]] == sorted(e.line for e in errors[:-1])


def test_each_error_keeps_its_own_source_line() -> None:
    text = "model A {\r\n  id String @id\r\n  bad one!\r\n  ok String // \u2028 not a break\r\n  bad two!\r\n}\r\n"
    assert [(e.line, e.source_line) for e in _errors(text)] == [(3, "  bad one!"), (5, "  bad two!")]


def _tokens_fed(text: str, monkeypatch) -> int:
    count = 0
    feed = ParserState.feed_token

    def counting(self, token, is_end=False):
        nonlocal count
        count += 1
        return feed(self, token, is_end)

    monkeypatch.setattr(ParserState, "feed_token", counting)
    _errors(text)
    monkeypatch.setattr(ParserState, "feed_token", feed)
    return count


def test_recovery_reads_a_block_once_however_many_lines_are_bad(monkeypatch) -> None:
    # Good and bad lines alternate in one model: re-parsing the block after each bad line (the old way)
    # fed the parser a number of tokens that grows with the square of the lines.
    def schema(n: int) -> str:
        return "model A {\n  id String @id\n" + "".join(f"  f{i} String\n  ? bad\n" for i in range(n)) + "}\n"

    small, large = _tokens_fed(schema(100), monkeypatch), _tokens_fed(schema(400), monkeypatch)
    assert large / small < 4.5  # linear: about 4; quadratic: about 16


# -- Special files, symlinks, permissions and the size limit ----------------------------------------------

GOOD = "model Patient {\n  id String @id @default(uuid())\n  First_Name String\n}\n"


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    # A subprocess with a time limit: before the fix a FIFO hung the run and /dev/zero ate the memory.
    return subprocess.run([sys.executable, "-m", "prisma_lint", "--select", "PL102", *args], capture_output=True,
                          text=True, timeout=60, env={**os.environ, **(env or {})})


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.prisma").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "x.prisma")
    (tmp_path / "z.prisma").symlink_to("/dev/zero")
    (tmp_path / "l1.prisma").symlink_to(tmp_path / "l2.prisma")
    (tmp_path / "l2.prisma").symlink_to(tmp_path / "l1.prisma")
    (tmp_path / "dangling.prisma").symlink_to(tmp_path / "nowhere.prisma")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # a symlinked folder is not entered
    return tmp_path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_special_files_and_broken_symlinks_in_a_folder_are_findings_and_the_run_goes_on(hostile_folder: Path) -> None:
    done = _cli("--format", "json", str(hostile_folder))
    assert done.returncode == 2, done.stderr
    found = {(Path(d["path"]).name, d["code"], d["severity"]) for d in json.loads(done.stdout)["diagnostics"]}
    assert found == {
        ("good.prisma", "PL102", "error"),  # the rest of the run went on
        ("x.prisma", "PL007", "warning"), ("z.prisma", "PL007", "warning"),  # skipped with a warning
        ("l1.prisma", "PL007", "error"), ("l2.prisma", "PL007", "error"), ("dangling.prisma", "PL007", "error"),
    }
    messages = {Path(d["path"]).name: d["message"] for d in json.loads(done.stdout)["diagnostics"]}
    assert "FIFO" in messages["x.prisma"] and "character device" in messages["z.prisma"]
    assert "symlink loop" in messages["l1.prisma"] and "dangling symlink" in messages["dangling.prisma"]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize(("name", "says"), [("x.prisma", "FIFO (named pipe), not a regular file"),
                                            ("z.prisma", "character device, not a regular file"),
                                            ("l1.prisma", "symlink loop"), ("dangling.prisma", "dangling symlink")])
def test_an_explicit_special_or_broken_path_is_one_clear_error(hostile_folder: Path, name: str, says: str) -> None:
    done = _cli(str(hostile_folder / name))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"prisma-lint: {hostile_folder / name}: ") and says in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_an_unreadable_folder_says_permission_denied(tmp_path: Path, monkeypatch) -> None:
    # Simulated (the suite may run as root, who reads everything): listing the folder is refused.
    real = os.scandir

    def refuse(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "s.prisma").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ok.prisma").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(InputError, match="locked: folder: permission denied"):
        discover([tmp_path / "locked"])
    result = lint_paths([tmp_path])
    assert [(Path(d.path).name, d.code, d.message) for d in result.diagnostics if d.code == "PL007"] == [
        ("locked", "PL007", "Cannot read this schema: folder: permission denied.")]
    assert result.exit_code == 2 and any(d.code == "PL102" for d in result.diagnostics)


def test_an_unreadable_file_says_permission_denied(tmp_path: Path, monkeypatch) -> None:
    real = os.open

    def refuse(path, flags, *args):
        if Path(path).name == "secret.prisma":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args)

    (tmp_path / "secret.prisma").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ok.prisma").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(os, "open", refuse)
    result = lint_paths([tmp_path])
    assert [(Path(d.path).name, d.message) for d in result.diagnostics if d.code == "PL007"] == [
        ("secret.prisma", "Cannot read this schema: permission denied.")]
    assert result.exit_code == 2 and any(d.code == "PL102" and "ok.prisma" in d.path for d in result.diagnostics)


def test_a_file_over_the_size_limit_fails_fast(tmp_path: Path) -> None:
    big = tmp_path / "big.prisma"
    big.write_text(GOOD * 2000, encoding="utf-8")  # 138.7 KB
    done = _cli(str(big), env={"PRISMA_LINT_MAX_FILE_SIZE": "100K"})
    assert done.returncode == 2
    assert "big.prisma:1:1: PL007 [unreadable-file] Cannot read this schema: too big: 138.7 KB, over the 100.0 KB limit" \
        in done.stdout and "PRISMA_LINT_MAX_FILE_SIZE" in done.stdout
    assert _cli(str(big)).returncode == 1  # under the default limit (64 MB): linted
    bad = _cli(str(big), env={"PRISMA_LINT_MAX_FILE_SIZE": "lots"})
    assert bad.returncode == 2 and "is not a size" in bad.stderr


def test_the_default_size_limit_is_64_mb() -> None:
    assert DEFAULT_MAX_FILE_SIZE == 64 * 1024 * 1024


# -- Output that cannot be written -------------------------------------------------------------------------


def _run_cli(schema: Path, *, stdout, env: dict | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prisma_lint", str(schema)], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=60, env={**os.environ, **(env or {})}, preexec_fn=preexec_fn)


@pytest.fixture()
def accented(tmp_path: Path) -> Path:
    path = tmp_path / "schema.prisma"
    path.write_text("model Pätient {\n  id String @id\n}\n", encoding="utf-8")
    return path


def test_closed_stdout_is_one_clear_line_and_exit_2(accented: Path) -> None:
    done = _run_cli(accented, stdout=None, preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (2, "prisma-lint: cannot write the report: standard output is closed\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_full_disk_is_one_clear_line_and_exit_2(accented: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _run_cli(accented, stdout=full)
    assert (done.returncode, done.stderr) == (
        2, "prisma-lint: cannot write the report to standard output: No space left on device\n")


def test_unencodable_character_is_one_clear_line_and_exit_2(accented: Path) -> None:
    done = _run_cli(accented, stdout=subprocess.PIPE, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 2
    assert done.stderr == ("prisma-lint: cannot write the report: standard output's encoding (ascii) cannot "
                           "represent '\\xe4'; set PYTHONIOENCODING=utf-8 or use a UTF-8 locale\n")


# -- Configuration mistakes ----------------------------------------------------------------------------------


def _lint_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    (folder / "schema.prisma").write_text(GOOD, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "prisma_lint", *args, str(folder / "schema.prisma")],
                          capture_output=True, text=True, timeout=60)


def test_a_pyproject_with_our_table_and_a_toml_error_elsewhere_is_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-lint]\nextends = "none"\n[other\nx = 1\n', encoding="utf-8")
    done = _lint_in(tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"prisma-lint: {tmp_path / 'pyproject.toml'}: invalid TOML: Expected ']' at the end of "
                           "a table declaration (at line 3, column 7)\n")


def test_another_tools_broken_pyproject_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black\nline-length = 1\n", encoding="utf-8")
    assert _lint_in(tmp_path).returncode == 1  # the strategy preset ran


def test_a_config_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "prisma-lint.toml").write_bytes(b'extends = "none"\n# caf\xe9\n')
    done = _lint_in(tmp_path)
    assert done.returncode == 2
    assert done.stderr == (f"prisma-lint: {tmp_path / 'prisma-lint.toml'}: line 2, column 6: not UTF-8 text "
                           "(byte 0xe9); save the file as UTF-8\n")


def test_an_invalid_regular_expression_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "prisma-lint.toml").write_text('[rules]\nmodel-name-pascal-case = { allow-list = ["/([/"] }\n',
                                               encoding="utf-8")
    done = _lint_in(tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"prisma-lint: {tmp_path / 'prisma-lint.toml'}: "
                                  "rules.model-name-pascal-case.allow-list.0: invalid regular expression '(['")


def test_an_unknown_rule_in_select_is_blamed_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "prisma-lint.toml").write_text('extends = "none"\n', encoding="utf-8")
    for extra in ((), ("--config", str(tmp_path / "prisma-lint.toml"))):
        done = _lint_in(tmp_path, *extra, "--select", "nope")
        assert (done.returncode, done.stderr) == (2, "prisma-lint: command line: --select: unknown rule 'nope'\n")


def test_an_empty_select_is_a_usage_error(tmp_path: Path) -> None:
    done = _lint_in(tmp_path, "--select", "")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "prisma-lint: --select: no rule given (an empty selection would run no rules and always pass)\n"


def test_a_deeply_nested_toml_array_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "prisma-lint.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    done = _lint_in(tmp_path)
    assert (done.returncode, done.stderr) == (
        2, f"prisma-lint: {tmp_path / 'prisma-lint.toml'}: invalid TOML: arrays or tables nested too deeply\n")


def test_an_extends_cycle_is_named(tmp_path: Path) -> None:
    (tmp_path / "prisma-lint.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "prisma-lint.toml"\n', encoding="utf-8")
    done = _lint_in(tmp_path)
    assert done.returncode == 2
    assert "makes a cycle: " in done.stderr and " -> " in done.stderr and "extends itself" not in done.stderr
    cycle = done.stderr.split("makes a cycle: ")[1].strip().split(" -> ")
    assert cycle[0] == cycle[-1] and {Path(c).name for c in cycle} == {"prisma-lint.toml", "b.toml"}


# -- Output and library edges ---------------------------------------------------------------------------------


def test_dump_ast_too_deep_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.prisma"
    path.write_text("model A {\n  id String @id @default(" + "f(" * 130 + ")" * 130 + ")\n}\n", encoding="utf-8")
    parse(path.read_text(encoding="utf-8"))  # it parses
    done = subprocess.run([sys.executable, "-m", "prisma_lint", "--dump-ast", str(path)], capture_output=True,
                          text=True, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"prisma-lint: {path}: the AST is nested too deeply to write as JSON (more than about "
                           "120 levels of nested arguments)\n")


def test_messages_quote_long_source_text_shortened() -> None:
    text = ('model Patient {\n  id String @id @default("' + "a" * 200_000 + '")\n'
            "  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}\n")
    (finding,) = [d for d in lint_text(text, "s.prisma") if d.code == "PL302"]
    assert len(finding.message) < 200 and "…" in finding.message
    assert finding.message.startswith('Primary key `id String @id @default("aaaa')
    assert len(finding.fix_hint or "") < 200


def test_lint_paths_takes_one_path_as_str_or_pathlike(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text(GOOD, encoding="utf-8")
    for one in (str(schema), schema):
        result = lint_paths(one)
        assert result.files == [str(schema)] and any(d.code == "PL102" for d in result.diagnostics)


def test_lint_text_takes_a_config_object_mapping_or_path(tmp_path: Path) -> None:
    config_file = tmp_path / "prisma-lint.toml"
    config_file.write_text('extends = "none"\nselect = ["PL102"]\n', encoding="utf-8")
    expected = [(3, "PL102")]
    for config in (config_from_dict({"extends": "none", "select": ["PL102"]}),
                   {"extends": "none", "select": ["PL102"]}, str(config_file), config_file):
        assert [(d.line, d.code) for d in lint_text(GOOD, "s.prisma", config)] == expected
    with pytest.raises(ConfigError, match="unknown key"):
        lint_text(GOOD, "s.prisma", {"selekt": ["PL102"]})  # a mapping is validated like a config file
    with pytest.raises(TypeError, match="config must be"):
        lint_text(GOOD, "s.prisma", 42)
    with pytest.raises(TypeError, match="config must be"):
        lint_paths(tmp_path, ["PL102"])


def test_lint_text_rejects_a_path_that_is_not_a_path() -> None:
    with pytest.raises(TypeError, match="path must be"):
        lint_text(GOOD, 123)
    with pytest.raises(TypeError, match="text must be"):
        lint_text(b"model A {}", "s.prisma")
