"""Suppression comments and npm ignore comments, through the real linter."""

from __future__ import annotations

import pytest

from prisma_lint import lint_text
from prisma_lint.cli import main
from prisma_lint.config import config_from_dict, default_config
from prisma_lint.diagnostics import Diagnostic, Severity

CONFIG = config_from_dict({"extends": "none", "select": ["PL101", "PL003"]})


def found(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint_text(text, "s.prisma", CONFIG)]


BAD = "model bad_one {\n  id String @id\n}\n"


def test_without_directives_the_rule_fires() -> None:
    assert found(BAD) == [(1, "PL101")]


def test_disable_next_line_by_name_and_by_code_with_reason() -> None:
    assert found("// prisma-lint-disable-next-line model-name-pascal-case -- legacy\n" + BAD) == []
    assert found("// prisma-lint-disable-next-line PL101\n" + BAD) == []
    # only the next line
    assert found("// prisma-lint-disable-next-line PL101\n\n" + BAD) == [(1, "PL003"), (3, "PL101")]


def test_disable_enable_range_and_file() -> None:
    text = ("// prisma-lint-disable PL101\n" + BAD + "// prisma-lint-enable PL101\n" + BAD.replace("bad_one", "bad_two"))
    assert found(text) == [(6, "PL101")]
    assert found("// prisma-lint-disable-file PL101\n" + BAD + BAD.replace("bad_one", "bad_two")) == []


def test_disable_without_rule_covers_every_rule_and_is_reported() -> None:
    assert found("// prisma-lint-disable-next-line\n" + BAD) == [(1, "PL003")]
    allowed = config_from_dict({"extends": "none", "select": ["PL101"],
                                "rules": {"PL003": {"allow-blanket": True}}})
    assert lint_text("// prisma-lint-disable-next-line\n" + BAD, "s.prisma", allowed) == []


def test_other_rules_are_not_suppressed() -> None:
    # The directive names another rule: PL101 still fires, and the directive is unused.
    text = "// prisma-lint-disable-next-line field-name-camel-case\n" + BAD
    assert found(text) == [(1, "PL003"), (2, "PL101")]


def test_documentation_comments_are_not_directives_and_are_reported() -> None:
    # `///` is documentation Prisma copies into the client: not honoured (PL101 still fires), but reported.
    for kind in ("disable-next-line", "disable", "enable", "disable-file", "disable-nextline"):
        diagnostics = lint_text(f"/// prisma-lint-{kind} PL101\n" + BAD, "s.prisma", CONFIG)
        assert [(d.line, d.code, d.severity) for d in diagnostics] == [(1, "PL003", Severity.ERROR),
                                                                       (2, "PL101", Severity.ERROR)], kind
        assert "`//`" in diagnostics[0].message
    # prose documentation that mentions the tool is not addressed to it
    assert found("/// Checked by prisma-lint in CI.\n" + BAD) == [(2, "PL101")]


def test_npm_ignore_model_comments() -> None:
    assert found("/// prisma-lint-ignore-model\n" + BAD) == [(1, "PL003")]  # blanket: reported, still ignores
    assert found("/// prisma-lint-ignore-model model-name-pascal-case\n" + BAD) == []
    assert found("/// prisma-lint-ignore-model field-name-camel-case\n" + BAD) == [(2, "PL101")]


def test_npm_ignore_comment_inside_the_block_body() -> None:
    # Where the npm tool's docs put it: the first line of the body.
    assert found("model bad_one {\n  /// prisma-lint-ignore-model model-name-pascal-case\n  id String @id\n}\n") == []


def test_npm_ignore_field_with_several_rules() -> None:
    config = config_from_dict({"extends": "none", "select": ["field-name-camel-case", "PL003"]})
    text = ("model Patient {\n  id String @id\n  /// prisma-lint-ignore-field field-name-camel-case, model-name-pascal-case\n"
            "  First_Name String\n  Last_Name String\n}\n")
    assert [(d.line, d.code) for d in lint_text(text, "s.prisma", config)] == [(5, "PL102")]


# -- A typo must never silence the gate (issue 12) ------------------------------------------------------

ISSUE_SCHEMA = """\
model Patient {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  // prisma-lint-disable-nextline field-name-camel-case
  AETitle String
  Other_Bad String
}
model Doctor {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  Far_Away String
}
"""


def _with_strategy(text: str) -> list[Diagnostic]:
    return lint_text(text, "s.prisma", default_config())


@pytest.mark.parametrize("word", ["disable-nextline", "disable-lines", "disable-next-lines", "disablenext-line",
                                  "Disable-Next-Line", "disable_next_line", "disable-next-line:"])
def test_a_misspelt_directive_disables_nothing_and_is_an_error(word: str) -> None:
    diagnostics = _with_strategy(ISSUE_SCHEMA.replace("disable-nextline", word))
    assert [(d.line, d.code) for d in diagnostics if d.code == "PL102"] == [(6, "PL102"), (7, "PL102"), (13, "PL102")]
    (problem,) = [d for d in diagnostics if d.code == "PL003"]
    assert (problem.line, problem.severity) == (5, Severity.ERROR)
    assert "Unknown suppression directive" in problem.message


def test_a_misspelt_directive_fails_the_cli(tmp_path, capsys) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text(ISSUE_SCHEMA, encoding="utf-8")
    assert main([str(path)]) == 1
    out = capsys.readouterr().out
    assert "Did you mean `prisma-lint-disable-next-line`?" in out and "Far_Away" in out


@pytest.mark.parametrize("text", ["// prisma-lint disable-next-line PL101", "// prismalint-disable-next-line PL101",
                                  "// prisma_lint_disable PL101", "// prisma-lint:disable PL101",
                                  "// prisma-lint-ignore-model PL101"])
def test_other_misspellings_of_the_prefix_are_errors(text: str) -> None:
    assert found(text + "\n" + BAD) == [(1, "PL003"), (2, "PL101")]


def test_prose_mentioning_the_tool_is_not_a_directive() -> None:
    assert found("// this schema is checked by prisma-lint in CI\n" + BAD) == [(2, "PL101")]


def test_unknown_rule_is_an_error_and_only_known_rules_are_suppressed() -> None:
    diagnostics = lint_text("// prisma-lint-disable-next-line PL101, model-name-pascal-cas\n" + BAD, "s.prisma", CONFIG)
    (problem,) = diagnostics
    assert problem.severity == Severity.ERROR and "Did you mean `model-name-pascal-case`?" in problem.message
    assert found("// prisma-lint-disable-next-line nope\n" + BAD) == [(1, "PL003"), (2, "PL101")]


def test_reason_without_separator_is_an_unknown_rule() -> None:
    assert found("// prisma-lint-disable-next-line PL101 legacy table\n" + BAD) == [(1, "PL003"), (1, "PL003")]


def test_unclosed_disable_is_reported_unless_allowed() -> None:
    text = "// prisma-lint-disable PL101\n" + BAD + BAD.replace("bad_one", "bad_two")
    diagnostics = lint_text(text, "s.prisma", CONFIG)
    assert [(d.line, d.code, d.severity) for d in diagnostics] == [(1, "PL003", Severity.WARNING)]
    assert "never re-enabled" in diagnostics[0].message
    allowed = config_from_dict({"extends": "none", "select": ["PL101"],
                                "rules": {"unused-suppression": {"allowUnclosed": True}}})
    assert lint_text(text, "s.prisma", allowed) == []


def test_enable_with_nothing_open_is_reported() -> None:
    assert found("// prisma-lint-enable PL101\n" + BAD) == [(1, "PL003"), (2, "PL101")]


def test_blanket_disable_file_is_reported() -> None:
    assert found("// prisma-lint-disable-file\n" + BAD) == [(1, "PL003")]


def test_npm_ignore_comment_with_a_misspelt_rule_is_reported() -> None:
    diagnostics = lint_text("/// prisma-lint-ignore-model model-name-pascal-cas\n" + BAD, "s.prisma", CONFIG)
    assert [(d.line, d.code, d.severity) for d in diagnostics] == [(1, "PL003", Severity.ERROR), (2, "PL101", Severity.ERROR)]
    assert "unknown rule `model-name-pascal-cas`" in diagnostics[0].message
    # a second word after a rule that takes no arguments is a misspelt rule too
    assert found("/// prisma-lint-ignore-model model-name-pascal-case fild-name\n" + BAD) == [(1, "PL003")]
    field = "model Patient {\n  id String @id\n  /// prisma-lint-ignore-field field-name-camel-cas\n  First_Name String\n}\n"
    config = config_from_dict({"extends": "none", "select": ["field-name-camel-case", "PL003"]})
    assert [(d.line, d.code) for d in lint_text(field, "s.prisma", config)] == [(3, "PL003"), (4, "PL102")]


def test_npm_ignore_arguments_of_rules_that_take_them_are_not_rules() -> None:
    config = config_from_dict({"extends": "none", "select": ["require-field", "PL003"],
                               "rules": {"require-field": {"require": ["tenantId"]}}})
    text = "/// prisma-lint-ignore-model require-field tenantId\nmodel Patient {\n  id String @id\n}\n"
    assert lint_text(text, "s.prisma", config) == []


def test_npm_ignore_comment_of_unknown_kind_is_reported() -> None:
    assert found("/// prisma-lint-ignore-modle model-name-pascal-case\n" + BAD) == [(1, "PL003"), (2, "PL101")]
    assert found("/// prisma-lint-ignore-model-name-pascal-case\n" + BAD) == [(1, "PL003"), (2, "PL101")]


def test_blanket_npm_ignore_is_reported_unless_allowed() -> None:
    assert found("/// prisma-lint-ignore-model\n" + BAD) == [(1, "PL003")]


ENUM = "enum Status {\n  ACTIVE\n}\n"
ENUM_CONFIG = config_from_dict({"extends": "none", "select": ["PL101", "PL102", "PL003"]})


def npm_found(text: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.message) for d in lint_text(text, "s.prisma", ENUM_CONFIG)]


@pytest.mark.parametrize("text, line, right", [
    ("/// prisma-lint-ignore-model PL101\n" + ENUM, 1, "enum"),  # above an enum
    ("enum Status {\n  /// prisma-lint-ignore-model PL101\n  ACTIVE\n}\n", 2, "enum"),  # in its body
    ("enum Status {\n  ACTIVE /// prisma-lint-ignore-field PL101\n}\n", 2, "enum"),
    ("/// prisma-lint-ignore-enum PL101\n" + BAD, 1, "model"),  # on a model
    ("/// prisma-lint-ignore-field PL101\n" + BAD, 1, "model"),  # a field comment above the model
    ("model Patient {\n  id String @id\n  /// prisma-lint-ignore-field PL102\n  @@index([id])\n}\n", 3, "model"),
])
def test_npm_ignore_comment_of_the_wrong_kind_is_an_error(text: str, line: int, right: str) -> None:
    problems = [d for d in lint_text(text, "s.prisma", ENUM_CONFIG) if d.code == "PL003"]
    assert [(d.line, d.severity) for d in problems] == [(line, Severity.ERROR)]
    assert f"Did you mean `prisma-lint-ignore-{right}`?" in problems[0].message


def test_npm_ignore_comment_that_documents_nothing_is_an_error() -> None:
    # a blank line detaches `///` documentation from the model: the comment ignores nothing
    assert [(n, c) for n, c, _ in npm_found("/// prisma-lint-ignore-model PL101\n\n" + BAD)] == [(1, "PL003"),
                                                                                                (3, "PL101")]
    assert [(n, c) for n, c, _ in npm_found("/// prisma-lint-ignore-model PL101\n" + DATASOURCE)] == [(1, "PL003")]


DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n'


def test_npm_ignore_comments_of_the_right_kind_are_not_reported() -> None:
    fields = ("model Patient {\n  id String @id\n  /// prisma-lint-ignore-field PL102\n  /// more documentation\n"
              "  First_Name String\n  Last_Name String /// prisma-lint-ignore-field PL102\n"
              "  /// prisma-lint-ignore-model PL101\n}\n")
    assert npm_found(fields) == []
    assert npm_found("/// prisma-lint-ignore-model PL101\n/// the legacy table\n" + BAD) == []
    assert npm_found("/// prisma-lint-ignore-enum PL101\n" + ENUM) == []
    assert npm_found("enum Status {\n  /// prisma-lint-ignore-enum PL101\n  ACTIVE\n}\n") == []
