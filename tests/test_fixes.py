"""The fix engine and `--fix` / `--fix-only` / `--diff`: edits at byte spans, overlaps, and writing files
without losing anything (mode, line endings, byte-order mark, final newline, a concurrent change)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from prisma_lint.cli import main
from prisma_lint.config import config_from_dict
from prisma_lint.diagnostics import Diagnostic, Edit, Severity
from prisma_lint.fixes.builders import remove_comment
from prisma_lint.fixes.edits import EditError, apply_edits, select_fixes
from prisma_lint.fixes.engine import fix_groups, write_fixes
from prisma_lint.parser import parse

MISSING_INDEX = """model Visit {
  id       String        @id @default(uuid())
  messages ChatMessage[]
}

model ChatMessage {
  id      String @id @default(uuid())
  visitId String
  visit   Visit  @relation(fields: [visitId], references: [id], onDelete: Cascade)
}
"""
INDEXED = MISSING_INDEX.replace("onDelete: Cascade)\n}", "onDelete: Cascade)\n\n  @@index([visitId])\n}")
ONLY_PL201 = ["--select", "PL201,PL003"]


def _diagnostic(*edits: Edit, unsafe: bool = False) -> Diagnostic:
    return Diagnostic("a.prisma", 1, 1, 1, 2, "PL999", "test", Severity.ERROR, "m", edits=edits, unsafe_fix=unsafe)


# -- applying edits ---------------------------------------------------------------------------------


def test_edits_are_byte_offsets_and_touch_nothing_else() -> None:
    text = "é = 1\nb = 2\n"  # `é` is two bytes: `b` starts at byte 7, character 6
    assert apply_edits(text, [Edit(7, 8, "c"), Edit.insert(0, "// x\n")]) == "// x\né = 1\nc = 2\n"


def test_inserted_line_breaks_follow_the_file() -> None:
    assert apply_edits("a\r\nb\r\n", [Edit.insert(3, "x\ny\n")]) == "a\r\nx\r\ny\r\nb\r\n"
    assert apply_edits("a\nb\n", [Edit.insert(2, "x\n")]) == "a\nx\nb\n"


def test_overlapping_or_out_of_range_edits_are_refused() -> None:
    with pytest.raises(EditError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    with pytest.raises(EditError):
        apply_edits("abc", [Edit(2, 9, "")])
    with pytest.raises(EditError):
        apply_edits("é", [Edit(1, 2, "")])


def test_select_fixes_defers_the_second_of_two_overlapping_fixes() -> None:
    first, second = _diagnostic(Edit(0, 4, "x")), _diagnostic(Edit(2, 6, "y"))
    same_point = [_diagnostic(Edit.insert(9, "a")), _diagnostic(Edit.insert(9, "b"))]
    duplicate = _diagnostic(Edit(0, 4, "x"))
    edits, fixed, deferred = select_fixes([first, second, duplicate, *same_point])
    assert edits == [Edit(0, 4, "x"), Edit.insert(9, "a"), Edit.insert(9, "b")]
    assert fixed == [first, duplicate, *same_point] and deferred == [second]


def test_remove_comment_alone_on_its_line_or_trailing() -> None:
    text = "model A {\n  id Int @id // keep\n  // drop me\n}"
    schema = parse(text)
    alone, trailing = sorted(schema.comments, key=lambda c: c.span.start_offset)[::-1]
    assert apply_edits(text, [remove_comment(text, alone.span)]) == "model A {\n  id Int @id // keep\n}"
    assert apply_edits(text, [remove_comment(text, trailing.span)]) == "model A {\n  id Int @id\n  // drop me\n}"


# -- the command line ---------------------------------------------------------------------------------


def _schema(tmp_path: Path, text: str, name: str = "schema.prisma", newline: str = "\n", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((("\ufeff" if bom else "") + text.replace("\n", newline)).encode("utf-8"))
    return path


def test_diff_prints_the_fix_writes_nothing_and_exits_1(tmp_path, capsys) -> None:
    path = _schema(tmp_path, MISSING_INDEX)
    assert main([*ONLY_PL201, "--diff", str(path)]) == 1
    out, err = capsys.readouterr()
    assert f"--- a/{path}\n+++ b/{path}\n" in out
    assert "\n+\n+  @@index([visitId])\n }\n" in out
    assert "would fix 1 finding in 1 file" in err
    assert path.read_text() == MISSING_INDEX
    path.write_text(INDEXED)
    assert main([*ONLY_PL201, "--diff", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_fix_writes_reports_what_remains_and_a_second_fix_changes_nothing(tmp_path, capsys) -> None:
    path = _schema(tmp_path, MISSING_INDEX.replace("model Visit {", "model visit_row {").replace("Visit  @", "visit_row  @"))
    assert main(["--select", "PL201,PL101", "--fix", str(path)]) == 1  # PL101 (no fix) remains, an error
    out, err = capsys.readouterr()
    assert "PL101" in out and "PL201" not in out and "fixed 1 finding in 1 file" in err
    after = path.read_bytes()
    assert b"@@index([visitId])" in after
    assert main(["--select", "PL201,PL101", "--fix", str(path)]) == 1
    assert path.read_bytes() == after and "nothing to fix" in capsys.readouterr().err


def test_fix_only_reports_nothing_and_exits_0(tmp_path, capsys) -> None:
    path = _schema(tmp_path, MISSING_INDEX)
    assert main([*ONLY_PL201, "--fix-only", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "fixed 1 finding" in err
    assert path.read_text() == INDEXED


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("final_newline", [True, False])
def test_fix_keeps_line_endings_bom_final_newline_and_mode(tmp_path, newline, bom, final_newline) -> None:
    text = MISSING_INDEX if final_newline else MISSING_INDEX.rstrip("\n")
    path = _schema(tmp_path, text, newline=newline, bom=bom)
    os.chmod(path, 0o640)
    assert main([*ONLY_PL201, "--fix-only", str(path)]) == 0
    expected = INDEXED if final_newline else INDEXED.rstrip("\n")
    assert path.read_bytes() == (("\ufeff" if bom else "") + expected.replace("\n", newline)).encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["schema.prisma"]  # no temporary file left behind


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(tmp_path) -> None:
    path = _schema(tmp_path, MISSING_INDEX)
    config = config_from_dict({"extends": "none", "select": ["PL201"]})
    outcome, problems = fix_groups([[path]], config)
    assert not problems and outcome.changed == [str(path)]
    path.write_text(MISSING_INDEX + "\n// edited by someone else\n")
    assert write_fixes(outcome) == [f"{path}: changed on disk since it was read; not overwritten (run the fix again)"]
    assert path.read_text().endswith("// edited by someone else\n")


def test_fix_keeps_a_symlink_and_writes_its_target(tmp_path) -> None:
    target = _schema(tmp_path, MISSING_INDEX, name="real.prisma")
    link = tmp_path / "schema.prisma"
    link.symlink_to(target.name)
    assert main([*ONLY_PL201, "--fix-only", str(link)]) == 0
    assert link.is_symlink() and target.read_text() == INDEXED


def test_a_fix_is_only_written_when_the_result_parses(tmp_path, monkeypatch, capsys) -> None:
    import prisma_lint.rules.relations.PL201_missing_relation_index as rule

    monkeypatch.setattr(rule, "add_block_attribute", lambda text, model, line: Edit.insert(0, "model {"))
    path = _schema(tmp_path, MISSING_INDEX)
    assert main([*ONLY_PL201, "--fix-only", str(path)]) == 0
    assert "would leave the schema unparsable; not applied" in capsys.readouterr().err
    assert path.read_text() == MISSING_INDEX


def test_fix_reports_in_the_chosen_format_and_refuses_stdin(tmp_path, capsys) -> None:
    import json

    path = _schema(tmp_path, MISSING_INDEX.replace("model Visit {", "model visit_row {").replace("Visit  @", "visit_row  @"))
    assert main(["--select", "PL201,PL101", "--fix", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in report["diagnostics"]] == ["PL101"]
    assert main(["--fix", "-"]) == 2
    assert "stdin" in capsys.readouterr().err


def test_lines_inserted_at_one_point_share_their_blank_line() -> None:
    text = "model A {\n  id Int @id\n}\n"
    first, second = Edit.insert(23, "\n  @@index([a])\n"), Edit.insert(23, "\n  @@index([b])\n")
    assert apply_edits(text, [first, second]) == "model A {\n  id Int @id\n\n  @@index([a])\n  @@index([b])\n}\n"


def test_the_text_report_says_what_is_fixable(tmp_path, capsys) -> None:
    path = _schema(tmp_path, MISSING_INDEX.replace("  visitId String\n", "  visitId String\n  Kind    String\n"))
    assert main(["--select", "PL201,PL102", str(path)]) == 1
    assert capsys.readouterr().out.endswith(
        "1 fixable with `prisma-lint --fix` (1 more with `--fix --unsafe-fixes`).\n")
    assert main(["--select", "PL102", str(path)]) == 1
    assert capsys.readouterr().out.endswith("1 fixable with `prisma-lint --fix --unsafe-fixes`.\n")
    path.write_text(INDEXED)
    assert main(["--select", "PL201", str(path)]) == 0
    assert capsys.readouterr().out.endswith("(1 file).\n")
