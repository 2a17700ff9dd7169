"""The registry: built-in rules, plugin packs through entry points, and rules that misbehave."""

from __future__ import annotations

import sys
import types

import pytest

from prisma_lint.config import config_from_dict
from prisma_lint import lint_paths, lint_text
from prisma_lint.rules import registry as registry_module
from prisma_lint.rules.base import Rule
from prisma_lint.rules.registry import Registry, UnknownRuleError, default_registry, load_plugins


def _module(name: str, code: str, rule_name: str, check) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__doc__ = "A test rule.\n\n## What it does\nx\n## Why is this bad?\nx\n## Example\nx\n## Options\nNone."
    module.CODE, module.NAME, module.CATEGORY, module.SEVERITY = code, rule_name, "test", "error"
    module.check = check
    return module


def test_builtin_codes_and_names_are_unique_and_well_formed() -> None:
    rules = list(default_registry())
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert all(r.summary and r.doc for r in rules)


def test_selectors() -> None:
    registry = default_registry()
    assert [r.code for r in registry.select("PL101")] == ["PL101"]
    assert [r.code for r in registry.select("model-name-pascal-case")] == ["PL101"]
    assert "PL101" in [r.code for r in registry.select("naming")]
    assert all(r.code.startswith("PL1") for r in registry.select("PL1"))
    with pytest.raises(UnknownRuleError, match="did you mean 'model-name-pascal-case'"):
        registry.select("model-name-pascal")


def test_plugin_pack_through_entry_points(monkeypatch) -> None:
    def check(schema, ctx):
        for model in schema.models:
            if model.name.startswith("Tmp"):
                yield ctx.diagnostic(model.name_span, f"Temporary model `{model.name}`.")

    rule_module = _module("acme_rules.no_tmp", "AC001", "no-temporary-models", check)
    pack = types.ModuleType("acme_rules")
    pack.RULES = [rule_module]
    broken = types.SimpleNamespace(name="broken", value="broken:pack", load=lambda: 1 / 0)
    good = types.SimpleNamespace(name="acme", value="acme_rules", load=lambda: pack)
    monkeypatch.setattr(registry_module, "entry_points", lambda group: [broken, good])
    warnings: list[str] = []
    registry = Registry([])
    load_plugins(registry, warn=warnings.append)
    assert [r.code for r in registry] == ["AC001"]
    assert "skipping rule plugin 'broken'" in warnings[0]

    config = config_from_dict({"extends": "none", "select": ["AC001"]}, registry)
    found = lint_text("model TmpThing {\n  id Int @id\n}\n", "s.prisma", config)
    assert [(d.code, d.line, d.column) for d in found] == [("AC001", 1, 7)]


@pytest.mark.parametrize("how", ["no-temporary-models", "AC001"])
def test_a_plugin_rule_is_suppressed_by_name_and_by_code(how) -> None:
    """Suppressions are read with the run's registry, not the built-in one: a plugin rule's name is
    known to `// prisma-lint-disable...` and to the npm ignore comments, and is not "unknown"."""
    def check(schema, ctx):
        for model in schema.models:
            if model.name.startswith("Tmp"):
                yield ctx.diagnostic(model.name_span, f"Temporary model `{model.name}`.")

    registry = Registry([Rule.from_module(_module("acme_rules.no_tmp", "AC001", "no-temporary-models", check))])
    for rule in default_registry():
        if rule.code == "PL003":
            registry.add(rule)
    config = config_from_dict({"extends": "none", "select": ["AC001", "PL003"]}, registry)
    text = "model TmpA {\n  id Int @id\n}\n\nmodel TmpB {\n  id Int @id\n}\n"
    assert [d.code for d in lint_text(text, "s.prisma", config)] == ["AC001", "AC001"]
    directive = f"// prisma-lint-disable-next-line {how}\n{text}"
    assert [(d.code, d.line) for d in lint_text(directive, "s.prisma", config)] == [("AC001", 6)]
    npm_ignore = text.replace("model TmpB {", f"/// prisma-lint-ignore-model {how}\nmodel TmpB {{")
    assert [(d.code, d.line) for d in lint_text(npm_ignore, "s.prisma", config)] == [("AC001", 1)]
    unknown = lint_text(f"// prisma-lint-disable-next-line no-such-rule\n{text}", "s.prisma", config)
    assert [d.code for d in unknown] == ["PL003", "AC001", "AC001"]


def test_engine_rules_are_registered_and_documented() -> None:
    """Internal errors, syntax errors and unused suppressions are reported by the engine, with the
    code, name and severity of their modules, and listed like every other rule."""
    from prisma_lint.linter import internal_error, syntax_error, unused_suppression

    registry = default_registry()
    for module in (internal_error, syntax_error, unused_suppression):
        rule = registry.get(module.CODE)
        assert (rule.name, rule.severity.value, rule.module) == (module.NAME, module.SEVERITY, module.__name__)


def test_plugins_are_looked_for_only_where_a_distribution_declares_the_group(tmp_path) -> None:
    from prisma_lint.rules.registry import plugins_may_be_installed

    site = tmp_path / "site"
    (site / "other-1.0.dist-info").mkdir(parents=True)
    (site / "other-1.0.dist-info" / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n")
    (site / "nometa-1.0.dist-info").mkdir()
    assert not plugins_may_be_installed(folders=[str(site), str(tmp_path / "missing")])
    (site / "acme_rules-1.0.dist-info").mkdir()
    (site / "acme_rules-1.0.dist-info" / "entry_points.txt").write_text("[prisma_lint.rules]\nacme = acme_rules\n")
    assert plugins_may_be_installed(folders=[str(site)])


def test_a_rule_that_raises_is_reported_and_the_others_still_run(tmp_path) -> None:
    def explode(schema, ctx):
        raise RuntimeError("boom")

    registry = Registry([Rule.from_module(_module("bad", "ZZ001", "explodes", explode))])
    for rule in default_registry():
        if rule.code == "PL101":
            registry.add(rule)
    config = config_from_dict({"extends": "none", "select": ["ZZ001", "PL101"]}, registry)
    schema = tmp_path / "s.prisma"
    schema.write_text("model bad_name {\n  id Int @id\n}\n")
    result = lint_paths([schema], config)
    assert sorted(d.code for d in result.diagnostics) == ["PL000", "PL101"]
    assert result.internal_errors == 1 and result.exit_code == 2
    (internal,) = [d for d in result.diagnostics if d.code == "PL000"]
    assert "explodes" in internal.message and "boom" in internal.message


def test_broken_rule_module_metadata_is_rejected() -> None:
    module = _module("x", "lower1", "fine-name", lambda s, c: ())
    with pytest.raises(ValueError, match="CODE"):
        Rule.from_module(module)


def test_project_scope_rule_sees_every_schema(tmp_path) -> None:
    """A project-scope rule runs once with all schemas of the run (the cross-service checks build on it)."""
    def check(project, ctx):
        owners: dict[str, str] = {}
        for unit in project.units:
            for model in unit.schema.models:
                if model.name in owners:
                    yield ctx.diagnostic(model.name_span, f"`{model.name}` is also defined by {owners[model.name]}.")
                owners.setdefault(model.name, unit.service or unit.path)

    module = _module("xs", "XS001", "shared-model-name", check)
    module.SCOPE = "project"
    registry = Registry([Rule.from_module(module)])
    for service in ("billing", "claims"):
        folder = tmp_path / "services" / service / "prisma"
        folder.mkdir(parents=True)
        (folder / "schema.prisma").write_text("model Invoice {\n  id String @id\n}\n")
    config = config_from_dict({"extends": "none", "select": ["XS001"]}, registry)
    result = lint_paths([tmp_path / "services"], config)
    assert [(d.code, d.message) for d in result.diagnostics] == [("XS001", "`Invoice` is also defined by billing.")]
    assert result.diagnostics[0].path.endswith("claims/prisma/schema.prisma")


def test_manifest_matches_the_rule_modules() -> None:
    from pathlib import Path

    from prisma_lint.rules.registry import render_manifest

    manifest = Path(__file__).resolve().parents[1] / "prisma_lint" / "rules" / "manifest.py"
    assert manifest.read_text(encoding="utf-8") == render_manifest(), \
        "prisma_lint/rules/manifest.py is stale: run `python -m prisma_lint.rules.docs`"


def test_a_run_imports_only_the_enabled_rules() -> None:
    import subprocess
    import sys as _sys

    code = ("import sys, prisma_lint; from prisma_lint.config import config_from_dict; "
            "prisma_lint.lint_text('model A {\\n  id Int @id\\n}\\n', 'a.prisma', "
            "config_from_dict({'extends': 'none', 'select': ['PL101']})); "
            "print(sorted(m for m in sys.modules if m.startswith('prisma_lint.rules.') and '.PL' in m))")
    out = subprocess.run([_sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # The engine's own rules (internal errors, syntax errors, unused suppressions, unreadable files) are
    # tiny modules the linter takes its codes from; no other rule module is imported.
    assert out.strip() == str(["prisma_lint.rules.naming.PL101_model_name_pascal_case",
                               "prisma_lint.rules.schema.PL000_internal_error",
                               "prisma_lint.rules.schema.PL001_syntax_error",
                               "prisma_lint.rules.schema.PL003_unused_suppression",
                               "prisma_lint.rules.schema.PL007_unreadable_file"])


def test_folders_categories_and_code_ranges_agree() -> None:
    """A category is one code range and one folder: `--select keys` and `--select PL3` are the same rules."""
    registry = default_registry()
    builtin = [r for r in registry if r.module.startswith("prisma_lint.rules.")]
    ranges: dict[str, set[str]] = {}
    for rule in builtin:
        assert rule.module.split(".")[2] == rule.category, f"{rule.code} is in the wrong folder"
        ranges.setdefault(rule.category, set()).add(rule.code[:3])
    assert all(len(prefixes) == 1 for prefixes in ranges.values()), ranges
    assert len({prefix for prefixes in ranges.values() for prefix in prefixes}) == len(ranges)
    for category, (prefix,) in ranges.items():
        assert [r.code for r in registry.select(category)] == [r.code for r in registry.select(prefix)]
    assert ranges["keys"] == {"PL3"} and ranges["naming"] == {"PL1"}


def test_reporters_describe_a_plugin_rule_of_the_run(tmp_path) -> None:
    """SARIF takes rule descriptions from the run's registry, so a rule given only to this run is described."""
    import json

    from prisma_lint.reporters.sarif import render

    def check(schema, ctx):
        for model in schema.models:
            yield ctx.diagnostic(model.name_span, "Found a model.")

    registry = Registry([Rule.from_module(_module("acme_rules.any", "AC002", "any-model", check))])
    schema = tmp_path / "s.prisma"
    schema.write_text("model A {\n  id Int @id\n}\n")
    result = lint_paths([schema], config_from_dict({"extends": "none", "select": ["AC002"]}, registry))
    (run,) = json.loads(render(result))["runs"]
    (descriptor,) = run["tool"]["driver"]["rules"]
    assert (descriptor["id"], descriptor["shortDescription"]["text"]) == ("AC002", "A test rule.")
