"""Suppression comments and npm ignore comments, through the real linter."""

from __future__ import annotations

from prisma_lint import lint_text
from prisma_lint.config import config_from_dict

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


def test_disable_without_rule_covers_every_rule() -> None:
    assert found("// prisma-lint-disable-next-line\n" + BAD) == []


def test_other_rules_are_not_suppressed() -> None:
    # The directive names another rule: PL101 still fires, and the directive is unused.
    text = "// prisma-lint-disable-next-line field-name-camel-case\n" + BAD
    assert found(text) == [(1, "PL003"), (2, "PL101")]


def test_documentation_comments_are_not_directives() -> None:
    assert found("/// prisma-lint-disable-next-line PL101\n" + BAD) == [(2, "PL101")]


def test_npm_ignore_model_comments() -> None:
    assert found("/// prisma-lint-ignore-model\n" + BAD) == []
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
