"""Fuzzing the whole command line with Hypothesis (issue 12, "keep finding them").

Each example builds a folder of schemas with random directives and mutations, special files (FIFOs,
symlinks to `/dev/zero`, dangling symlinks, symlink loops), and a configuration with random mutations,
then runs `prisma-lint` in process with random options. The promises checked on every run: it ends with
exit code 0, 1 or 2; never an internal error or a traceback; JSON on stdout is valid JSON. And a typo
never silences the gate: a comment that is not exactly a directive changes no other rule's findings.

The example count follows the Hypothesis profile (tests/conftest.py): short locally, long in CI.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_lint import lint_text
from prisma_lint.cli import main
from prisma_lint.config import config_from_dict
from prisma_lint.directives import KINDS

SCHEMA = """\
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Patient {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  AETitle   String
  Other_Bad String
  doctorId  String
  doctor    Doctor   @relation(fields: [doctorId], references: [id])
}

model doctor_record {
  id       String    @id @default(uuid())
  Far_Away String
}

model Doctor {
  id       String    @id @default(uuid())
  patients Patient[]
}

enum status {
  Active
  INACTIVE
}
"""
RULES = ["field-name-camel-case", "PL102", "model-name-pascal-case", "PL101", "missing-relation-index", "nope", ""]
CONFIG = 'extends = "strategy"\nignore = ["missing-query-index"]\n\n[rules]\nfield-name-camel-case = "warning"\n'

directive_words = st.sampled_from([*KINDS, "disable-nextline", "disable-lines", "Disable-Line", "ignore-model",
                                   "disable_next_line", "enable-all", ""])
directives = st.builds(
    lambda prefix, kind, rules, reason: f"{prefix}{kind} {' '.join(rules)}{reason}",
    st.sampled_from(["// prisma-lint-", "/// prisma-lint-", "// prisma-lint ", "//prisma-lint-", "/* prisma-lint-",
                     "// prismalint-", "/// prisma-lint-ignore-"]),
    directive_words, st.lists(st.sampled_from(RULES), max_size=3), st.sampled_from(["", " -- legacy", "--"]))


def _mutate(text: str, data: st.DataObject) -> str:
    """Random damage: a directive inserted at a random line, a slice cut out, a few characters replaced."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(0, 3), label="directives")):
        lines.insert(data.draw(st.integers(0, len(lines)), label="at"), data.draw(directives, label="directive"))
    text = "\n".join(lines)
    if data.draw(st.booleans(), label="cut"):
        start = data.draw(st.integers(0, len(text)), label="cut start")
        text = text[:start] + text[start + data.draw(st.integers(0, 40), label="cut length"):]
    for _ in range(data.draw(st.integers(0, 3), label="replacements")):
        at = data.draw(st.integers(0, max(len(text) - 1, 0)), label="replace at")
        text = text[:at] + data.draw(st.sampled_from(list('{}()[]@"\\\n/ *#=,:?!') + ["\x00", "é", "\u2028"]),
                                     label="char") + text[at + 1:]
    return text


def _special_files(folder: Path, data: st.DataObject) -> None:
    kinds = data.draw(st.sets(st.sampled_from(["fifo", "zero", "dangling", "loop", "folder-loop", "not-utf8",
                                               "empty"])), label="special files")
    if "fifo" in kinds and hasattr(os, "mkfifo"):
        os.mkfifo(folder / "x.prisma")
    if "zero" in kinds and Path("/dev/zero").exists():
        (folder / "z.prisma").symlink_to("/dev/zero")
    if "dangling" in kinds:
        (folder / "dangling.prisma").symlink_to(folder / "nowhere.prisma")
    if "loop" in kinds:
        (folder / "l1.prisma").symlink_to(folder / "l2.prisma")
        (folder / "l2.prisma").symlink_to(folder / "l1.prisma")
    if "folder-loop" in kinds:
        (folder / "up").symlink_to(folder, target_is_directory=True)
    if "not-utf8" in kinds:
        (folder / "latin1.prisma").write_bytes(b"model Caf\xe9 {\n  id String @id\n}\n")
    if "empty" in kinds:
        (folder / "empty.prisma").write_bytes(b"")


@settings(max_examples=settings.default.max_examples)
@given(st.data())
def test_the_cli_never_crashes_and_always_gives_an_exit_code(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "services" / "a" / "prisma").mkdir(parents=True)
        (folder / "services" / "a" / "prisma" / "schema.prisma").write_text(_mutate(SCHEMA, data), encoding="utf-8")
        (folder / "second.prisma").write_text(_mutate(SCHEMA, data), encoding="utf-8")
        _special_files(folder, data)
        args = data.draw(st.lists(st.sampled_from([
            ["--format", "json"], ["--format", "markdown"], ["--format", "text"], ["--select", "naming"],
            ["--select", "PL102,nope"], ["--ignore", "PL003"], ["--select", ""], ["--exit-zero"], ["--statistics"],
            ["--config", str(folder / "prisma-lint.toml")],
        ]), max_size=3), label="options")
        if data.draw(st.booleans(), label="config file"):
            (folder / "prisma-lint.toml").write_text(_mutate(CONFIG, data), encoding="utf-8")
        target = data.draw(st.sampled_from([folder, folder / "second.prisma", folder / "x.prisma",
                                            folder / "dangling.prisma", folder / "services"]), label="path")
        argv = [part for option in args for part in option] + [str(target)]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    assert code in (0, 1, 2), (argv, err.getvalue())
    assert "internal error" not in err.getvalue() and "Traceback" not in err.getvalue(), (argv, err.getvalue())
    assert "internal-error" not in out.getvalue(), (argv, out.getvalue())
    formats = [argv[i + 1] for i, part in enumerate(argv[:-1]) if part == "--format"]
    if formats and formats[-1] == "json" and out.getvalue():  # the last --format wins, as argparse reads it
        json.loads(out.getvalue())


# -- A typo never silences the gate ----------------------------------------------------------------------------

_EXACT = re.compile(r"^//\s*prisma-lint-(%s)(\s|$)" % "|".join(map(re.escape, KINDS)))
_ALL_BUT_PL003 = config_from_dict({"extends": "all", "ignore": ["PL003"]})


def _findings(text: str) -> list[tuple[int, int, str]]:
    return sorted((d.line, d.column, d.code) for d in lint_text(text, "s.prisma", _ALL_BUT_PL003))


@pytest.fixture(scope="module")
def baseline() -> list[tuple[int, int, str]]:
    return _findings(SCHEMA)


near_directives = st.builds(
    lambda kind, cut, extra, rules: "// prisma-lint-" + kind[:cut] + extra + kind[cut:] + " " + " ".join(rules),
    st.sampled_from(KINDS), st.integers(0, 17), st.sampled_from(["", "s", "-", "_", "x", ":", "line", "next"]),
    st.lists(st.sampled_from(RULES), max_size=2))


@settings(max_examples=settings.default.max_examples)
@given(near_directives, st.integers(0, SCHEMA.count("\n")))
def test_a_comment_that_is_not_exactly_a_directive_changes_no_finding(baseline, comment: str, at: int) -> None:
    if _EXACT.match(comment):
        return  # a real directive (the mutation left it intact): it may suppress, by design
    lines = SCHEMA.split("\n")
    lines.insert(at, comment)  # it becomes line at + 1; the lines after it move down by one
    found = _findings("\n".join(lines))
    assert [f for f in found if f[0] == at + 1] == [], comment  # the comment itself is no finding
    assert [(line - (line > at + 1), column, code) for line, column, code in found] == baseline, comment
