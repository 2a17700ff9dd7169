"""Rule documentation: same headings everywhere, examples that really trigger (or pass) their rule,
generated pages in docs/rules/ in step with the rule modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from prisma_lint import lint_paths, lint_text
from prisma_lint.project.fixture import is_platform, write_platform
from prisma_lint.config import config_from_dict
from prisma_lint.rules.docs import HEADINGS, examples, options_section, render_index, render_page, sections
from prisma_lint.rules.registry import default_registry
from prisma_lint.rules.options import option_fields

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"
RULES = list(default_registry())
# Diagnostics made by the linter itself rather than by checking a parsed schema.
ENGINE_RULES = {"PL001"}
# Reported when another rule raises: no schema triggers it on purpose (tests/test_registry.py makes a
# rule raise); reported for a path that cannot be read, which no schema text shows (tests/test_hardening.py
# makes such paths).
NO_EXAMPLE_RULES = {"PL000", "PL007"}
# Rules that read files beside the schema (its migrations folder): an Example cannot show those as text;
# tests/test_migration_rules.py checks PL501 on real folders, tests/migrations/test_sql_rule_docs.py the
# SQL rules' ```sql Examples.
FILE_RULES = {"PL501"} | {r.code for r in RULES if r.category == "migrations"}


def _only(rule, options=None):
    return config_from_dict({"extends": "none", "rules": {rule.name: dict(options or {}, severity="error")}})


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_headings_in_order(rule) -> None:
    written = [h for h in sections(rule) if h in HEADINGS]
    assert written == [h for h in HEADINGS if h != "Options"], \
        f"{rule.module}: headings {list(sections(rule))} (`## Options` is generated from the Options model)"
    page = [line[3:] for line in render_page(rule).splitlines() if line.startswith("## ")]
    assert [h for h in page if h in HEADINGS] == list(HEADINGS)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_option_is_documented(rule) -> None:
    undocumented = [spec.name for spec in option_fields(rule.options) if not spec.description]
    assert undocumented == [], f"{rule.module}: give these options option(default, description=...): {undocumented}"
    section = options_section(rule)
    for spec in option_fields(rule.options):
        assert f"- `{spec.name.replace('_', '-')}` (" in section


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_example_triggers_and_use_instead_is_clean(rule, tmp_path) -> None:
    if rule.code in NO_EXAMPLE_RULES:
        pytest.skip("no schema text triggers it (see NO_EXAMPLE_RULES)")
    if rule.code in FILE_RULES:
        pytest.skip("reads the migrations folder beside a schema file; see tests/test_migration_rules.py")
    bad, good = examples(rule)
    assert bad and good, f"{rule.module}: the Example needs a ```prisma block, then 'Use instead:' and another"
    if rule.scope == "project":
        # Several services in one block (prisma_lint.project.fixture), linted as a project.
        assert is_platform(bad) and is_platform(good), f"{rule.name}: write its Example as a platform"
        for name, text, expect in (("bad", bad, True), ("good", good, False)):
            services, project = write_platform(text, tmp_path / name)
            config = config_from_dict({"extends": "none", "project": project,
                                       "rules": {rule.name: dict(rule.default_options, severity="error")}})
            found = lint_paths([services], config).diagnostics
            assert [d for d in found if d.code == "PL001"] == [], f"{rule.name}: its {name} Example must parse"
            assert any(d.code == rule.code for d in found) is expect, (name, [d.message for d in found])
        return
    config = _only(rule, rule.default_options)
    bad_found = lint_text(bad, "example.prisma", config)
    if rule.code in ENGINE_RULES:
        assert any(d.code == rule.code for d in bad_found)
    else:
        assert [d for d in bad_found if d.code == "PL001"] == [], "the Example must parse"
        assert any(d.code == rule.code for d in bad_found), f"{rule.name}: its Example does not trigger it"
    good_found = [d for d in lint_text(good, "example.prisma", config) if d.code == rule.code or d.code == "PL001"]
    assert good_found == [], f"{rule.name}: its 'Use instead' is not clean: {good_found}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_generated_page_is_up_to_date(rule) -> None:
    page = DOCS / f"{rule.name}.md"
    assert page.is_file(), f"missing {page}: run `python -m prisma_lint.rules.docs`"
    assert page.read_text(encoding="utf-8") == render_page(rule), f"{page} is stale: run `python -m prisma_lint.rules.docs`"


def test_index_is_up_to_date() -> None:
    assert (DOCS / "index.md").read_text(encoding="utf-8") == render_index(RULES)


def test_no_page_without_a_rule() -> None:
    names = {r.name for r in RULES} | {"index"}
    assert sorted(p.stem for p in DOCS.glob("*.md") if p.stem not in names) == []
