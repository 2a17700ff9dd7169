"""Configuration: discovery, presets, selection, per-rule settings, overrides, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prisma_lint import lint_paths
from prisma_lint.config import ConfigError, config_from_dict, default_config, find_config, load_config

SNAKE_MODEL = "model lab_result {\n  id String @id\n}\n"


def codes(config, path="x.prisma"):
    return {s.rule.code for s in config.rules_for(path)}


def test_default_is_the_strategy_preset() -> None:
    enabled = codes(default_config())
    assert "PL101" in enabled and "PL003" in enabled


def test_select_extend_select_and_ignore() -> None:
    assert codes(config_from_dict({"extends": "none", "select": ["PL101"]})) == {"PL101"}
    assert "PL101" not in codes(config_from_dict({"extends": "none", "select": ["naming"], "ignore": ["PL101"]}))
    assert "PL003" in codes(config_from_dict({"extends": "none", "select": ["PL101"], "extend-select": ["PL003"]}))
    assert codes(config_from_dict({"extends": "none", "select": ["ALL"]})) >= {"PL001", "PL003", "PL101"}


def test_rule_severity_and_off() -> None:
    config = config_from_dict({"rules": {"model-name-pascal-case": "warning"}})
    (setting,) = [s for s in config.rules_for("x.prisma") if s.rule.code == "PL101"]
    assert setting.severity.value == "warning"
    assert "PL101" not in codes(config_from_dict({"rules": {"PL101": "off"}}))


def test_options_in_any_spelling() -> None:
    for key in ("allow-list", "allow_list", "allowList"):
        config = config_from_dict({"rules": {"model-name-pascal-case": {key: ["lab_result"]}}})
        (setting,) = [s for s in config.rules_for("x.prisma") if s.rule.code == "PL101"]
        assert setting.options.allow_list == ["lab_result"]


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ({"select": ["no-such-rule"]}, "select: unknown rule 'no-such-rule'"),
        ({"rules": {"no-such-rule": "error"}}, "rules.no-such-rule: unknown rule"),
        ({"rules": {"model-name-pascal-case": {"colour": "red"}}}, "rules.model-name-pascal-case.colour: unknown option"),
        ({"rules": {"model-name-pascal-case": {"allow-list": 3}}}, "rules.model-name-pascal-case.allow-list"),
        ({"rules": {"model-name-pascal-case": "loud"}}, "'loud' is not a severity"),
        # A bad regular expression in any option holding patterns is caught when the config is read.
        ({"rules": {"model-name-pascal-case": {"allow-list": ["/(/"]}}}, "rules.model-name-pascal-case.allow-list"),
        ({"rules": {"constraint-name-convention": {"allow-list": ["/[/"]}}},
         "rules.constraint-name-convention.allow-list"),
        ({"rules": {"table-name-convention": {"allow-list": ["/(/"]}}}, "invalid regular expression"),
        ({"rules": {"model-name-mapping-snake-case": {"compound-words": ["(GraphQL"]}}}, "compound-words"),
        ({"rules": {"require-field": {"require": [{"name": "a", "if-sibling": "/(/"}]}}}, "invalid regular"),
        ({"rules": {"forbid-field": {"forbid": ["/(/"]}}}, "rules.forbid-field.forbid"),
        ({"colour": "red"}, "colour: unknown key"),
        ({"extends": "nonexistent-preset"}, "extends: no preset or config file"),
    ],
)
def test_mistakes_name_the_key(table, fragment) -> None:
    with pytest.raises(ConfigError) as error:
        config_from_dict(table)
    assert fragment in str(error.value)


def test_closest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-lint]\nextends = "none"\nselect = ["PL101"]\n')
    service = tmp_path / "services" / "legacy" / "prisma"
    service.mkdir(parents=True)
    (service / "schema.prisma").write_text(SNAKE_MODEL)
    (tmp_path / "services" / "legacy" / "prisma-lint.toml").write_text(
        'extends = "../../pyproject.toml"\n[rules]\nmodel-name-pascal-case = "off"\n')
    other = tmp_path / "services" / "api" / "prisma"
    other.mkdir(parents=True)
    (other / "schema.prisma").write_text(SNAKE_MODEL)
    assert find_config(service / "schema.prisma") == tmp_path / "services" / "legacy" / "prisma-lint.toml"
    assert find_config(other / "schema.prisma") == tmp_path / "pyproject.toml"
    result = lint_paths([tmp_path / "services"])
    assert [(Path(d.path).parts[-3], d.code) for d in result.diagnostics] == [("api", "PL101")]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "schema.prisma").write_text(SNAKE_MODEL)
    assert find_config(tmp_path / "schema.prisma") is None


def test_overrides_by_glob(tmp_path: Path) -> None:
    config_file = tmp_path / "prisma-lint.toml"
    config_file.write_text('[[overrides]]\nfiles = ["legacy/**"]\nignore = ["PL101"]\n')
    config = load_config(config_file)
    assert "PL101" in codes(config, str(tmp_path / "api" / "schema.prisma"))
    assert "PL101" not in codes(config, str(tmp_path / "legacy" / "prisma" / "schema.prisma"))


def test_npm_prismalintrc(tmp_path: Path) -> None:
    rc = tmp_path / ".prismalintrc.json"
    rc.write_text(json.dumps({"rules": {"model-name-pascal-case": ["error", {"allowList": ["lab_result"]}]}}))
    config = load_config(rc)
    assert codes(config) == {"PL101"}  # only what it names, as the npm tool runs it
    rc.write_text("{ not json")
    with pytest.raises(ConfigError, match="invalid JSON"):
        load_config(rc)


def test_bad_toml_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "prisma-lint.toml"
    bad.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad)


def test_the_module_docs_example_is_a_valid_config() -> None:
    """The example in `prisma_lint.config`'s docstring is read as a config, so it cannot go stale."""
    import re
    import tomllib

    import prisma_lint.config as config_module

    (example,) = re.findall(r"```toml\n(.*?)```", config_module.__doc__, re.DOTALL)
    table = tomllib.loads(example)["tool"]["prisma-lint"]
    config = config_from_dict(table)
    (setting,) = [s for s in config.rules_for("x.prisma") if s.rule.name == "require-field"]
    assert setting.options.require == ["tenantId"]
