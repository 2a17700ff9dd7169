"""The registry: built-in rules, plugin packs through entry points, and rules that misbehave."""

from __future__ import annotations

import sys
import types

import pytest

from prisma_lint.config import config_from_dict
from prisma_lint.linter import _lint_units
from prisma_lint.parser import parse
from prisma_lint.rules import registry as registry_module
from prisma_lint.rules.base import Rule, SchemaUnit
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
    schema = parse("model TmpThing {\n  id Int @id\n}\n", "s.prisma")
    result = _lint_units([SchemaUnit("s.prisma", schema, {"s.prisma": ""})], [], config.rules_for)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("AC001", 1, 7)]


def test_a_rule_that_raises_is_reported_and_the_others_still_run() -> None:
    def explode(schema, ctx):
        raise RuntimeError("boom")

    registry = Registry([Rule.from_module(_module("bad", "ZZ001", "explodes", explode))])
    for rule in default_registry():
        if rule.code == "PL101":
            registry.add(rule)
    config = config_from_dict({"extends": "none", "select": ["ZZ001", "PL101"]}, registry)
    schema = parse("model bad_name {\n  id Int @id\n}\n", "s.prisma")
    result = _lint_units([SchemaUnit("s.prisma", schema, {"s.prisma": ""})], [], config.rules_for)
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
    from prisma_lint import lint_paths

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
    assert out.strip() == "['prisma_lint.rules.naming.PL101_model_name_pascal_case']"
