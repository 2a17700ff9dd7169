"""Every rule's pass/fail cases, kept as data in `rules/cases/<CODE>.toml` (sqlfluff's way).

Each file names its rule and lists cases: a `schema`, optional `options` for the rule, and the
`violations` the rule must report (`line`, `column`, and optionally a `message` fragment); a case with
no violations must be clean for that rule. Each failing case is also run with the rule configured as
before but switched off (`ignore`), and with a `// prisma-lint-disable-file` comment for it: both must
silence it. A case whose findings have a fix gives the `fixed` schema (after `--fix --unsafe-fixes`
with only that rule on), which the rule must then find clean.

A case for a rule that reads migration SQL adds a `migrations` table: paths under the service's
`migrations/` folder and their text (`"20241222120000_init/migration.sql" = "..."`). The case is then
written to a temporary service folder (`prisma/schema.prisma` holds `schema`, which may be empty) and
linted from disk; its violations name their `file` (a path under `migrations/`, or `schema.prisma`, the
default). Its disable-file run adds the comment to every file of the service.

A project-scope rule's case gives a `platform` instead of a `schema` (several services in one text, see
`prisma_lint.project.fixture`), and its violations name their `service`.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
import tomllib
from pathlib import Path

import pytest

from migration_service import write_service
from prisma_lint import lint_paths, lint_text
from prisma_lint.project.fixture import write_platform
from prisma_lint.fixes.engine import fix_texts
from prisma_lint.config import config_from_dict
from prisma_lint.rules.registry import default_registry

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases"


def _load():
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data.get("cases", [])):
            yield pytest.param(data["rule"], case, id=f"{path.stem}-{case.get('name', index)}")


ALL_CASES = list(_load())


def _config(rule_code: str, case: dict, ignored: bool = False, project: dict | None = None):
    rule = default_registry().get(rule_code)
    table = {"extends": "none", "rules": {rule.name: dict(case.get("options", {}), severity="error")}}
    if ignored:
        table["ignore"] = [rule.name]
    return config_from_dict({**table, "project": project or {}})


def _run_platform(rule_code: str, case: dict, ignored: bool = False) -> list[tuple]:
    """(service, line, column, message) of the rule's findings on the case's platform."""
    with tempfile.TemporaryDirectory() as folder:
        services, project = write_platform(case["platform"], Path(folder))
        result = lint_paths([services], _config(rule_code, case, ignored, project))
        assert result.syntax_errors == 0, [d.message for d in result.diagnostics if d.code == "PL001"]
        return [(Path(d.path).resolve().relative_to(services.resolve()).parts[0] if d.path else None,
                 d.line, d.column, d.message) for d in result.diagnostics if d.code == rule_code]


def _relative(path: Path, prisma: Path) -> str:
    path = path.resolve().relative_to(prisma.resolve())
    return str(path.relative_to("migrations")) if path.parts[0] == "migrations" else str(path)


def _run_on_disk(rule_code: str, case: dict, ignored: bool = False, suppressed: bool = False):
    """A case with `migrations`: written to a temporary service folder and linted from there."""
    rule = default_registry().get(rule_code)
    schema, files = case.get("schema", ""), dict(case["migrations"])
    if suppressed:
        schema = schema.rstrip("\n") + f"\n// prisma-lint-disable-file {rule.name}\n"
        files = {name: text.rstrip("\n") + f"\n-- prisma-lint-disable-file {rule.name}\n" for name, text in files.items()}
    with tempfile.TemporaryDirectory() as folder:
        schema_path = write_service(Path(folder), schema, files)
        found = lint_paths([schema_path], _config(rule_code, case, ignored)).diagnostics
        return [replace(d, path=_relative(Path(d.path), schema_path.parent)) for d in found if d.code == rule.code]


def _run(rule_code: str, case: dict, ignored: bool = False, suppressed: bool = False, schema: str | None = None):
    if "migrations" in case:
        return _run_on_disk(rule_code, case, ignored, suppressed)
    rule = default_registry().get(rule_code)
    schema = case["schema"] if schema is None else schema
    if suppressed:
        schema = schema.rstrip("\n") + f"\n// prisma-lint-disable-file {rule.name}\n"
    diagnostics = lint_text(schema, "case.prisma", _config(rule_code, case, ignored))
    syntax = [d for d in diagnostics if d.code == "PL001"]
    assert not syntax, f"case schema does not parse: {syntax}"
    return [d for d in diagnostics if d.code == rule.code]


@pytest.mark.parametrize(("rule_code", "case"), ALL_CASES)
def test_rule_case(rule_code: str, case: dict) -> None:
    if "platform" in case:
        found = _run_platform(rule_code, case)
        expected = case.get("violations", [])
        assert [f[:3] for f in found] == [(v.get("service"), v["line"], v["column"]) for v in expected], (
            "\n".join(f"{f[0]}:{f[1]}:{f[2]} {f[3]}" for f in found) or "no diagnostics")
        for (*_where, message), violation in zip(found, expected):
            assert violation.get("message", "") in message
        if expected:
            assert _run_platform(rule_code, case, ignored=True) == [], "the rule still reports with `ignore`"
        return
    found = _run(rule_code, case)
    expected = case.get("violations", [])
    if "migrations" in case:
        assert [(d.path, d.line, d.column) for d in found] == [
            (v.get("file", "schema.prisma"), v["line"], v["column"]) for v in expected], (
            "\n".join(f"{d.path}:{d.line}:{d.column} {d.message}" for d in found) or "no diagnostics")
    else:
        assert [(d.line, d.column) for d in found] == [(v["line"], v["column"]) for v in expected], (
            "\n".join(f"{d.line}:{d.column} {d.message}" for d in found) or "no diagnostics"
        )
    for diagnostic, violation in zip(found, expected):
        if "message" in violation:
            assert violation["message"] in diagnostic.message
    if expected:
        assert _run(rule_code, case, ignored=True) == [], "the rule still reports with `ignore` naming it"
        if rule_code != "PL003":  # reported after suppressions are applied, about suppressions
            assert _run(rule_code, case, suppressed=True) == [], "`prisma-lint-disable-file` does not silence it"
    fixable = [d for d in found if d.edits]
    if "fixed" in case:
        assert fixable, "the case gives a `fixed` schema but no finding has a fix"
        outcome = fix_texts([[Path("case.prisma")]], {"case.prisma": case["schema"]}, _config(rule_code, case),
                            unsafe=True)
        assert outcome.texts["case.prisma"] == case["fixed"]
        assert outcome.settled and not outcome.rejected
        assert [d for d in _run(rule_code, case, schema=case["fixed"]) if d.edits] == []
    else:
        assert not fixable, "findings with a fix: give the case a `fixed` schema"


def test_every_rule_has_cases() -> None:
    codes_with_cases = {p.stem.split("_")[0] for p in CASES.glob("*.toml")}
    missing = sorted(r.code for r in default_registry() if r.code not in codes_with_cases
                     and r.code not in ("PL000", "PL001", "PL007", "PL550"))  # reported by the engine, not on a schema
    assert not missing, f"rules without a case file in rules/cases/: {missing}"


def test_case_files_name_known_rules() -> None:
    registry = default_registry()
    for path in CASES.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert registry.find(data["rule"]) is not None, f"{path.name}: unknown rule {data['rule']}"
        assert data.get("cases"), f"{path.name} has no cases"
