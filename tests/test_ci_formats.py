"""The CI output formats on the example platform: SARIF (checked by Microsoft's SARIF validator),
GitHub workflow commands, GitLab Code Quality, JUnit XML (checked against the JUnit schema) and the
concise format. Each maps the run's findings one to one; these tests pin the exact shape of each."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from prisma_lint.diagnostics import Edit
from prisma_lint.linter import LintResult, lint_paths
from prisma_lint.reporters import render
from prisma_lint.reporters.github import escape_data, escape_property
from prisma_lint.reporters.locations import fingerprints

from tests.oracle import sarif_validator

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "fixtures" / "platform"
SERVICES = ROOT / "services"


@pytest.fixture(scope="module")
def platform() -> LintResult:
    return lint_paths([SERVICES])


def rel(path: str) -> str:
    return Path(path).resolve().relative_to(ROOT.resolve()).as_posix()


# -- a small project with what the platform lacks: a suppression, a syntax error, an edit ---------------

SUPPRESSED = """model Patient {
  id        String   @id @default(uuid())
  // prisma-lint-disable-next-line field-name-camel-case -- column name fixed by the HL7 feed
  MRN       String
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}

model lab_result {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
"""


@pytest.fixture()
def extras(tmp_path: Path) -> tuple[LintResult, Path]:
    (tmp_path / "services" / "records" / "prisma").mkdir(parents=True)
    (tmp_path / "services" / "broken" / "prisma").mkdir(parents=True)
    schema = tmp_path / "services" / "records" / "prisma" / "schema.prisma"
    schema.write_text(SUPPRESSED)
    (tmp_path / "services" / "broken" / "prisma" / "schema.prisma").write_text("model A {\n  id Int @id\n  this is junk\n}\n")
    result = lint_paths([tmp_path / "services"], None)
    # A finding that carries an edit (what `--fix` applies): rename the model in place.
    start = SUPPRESSED.encode().index(b"lab_result")
    result.diagnostics = [dataclasses.replace(d, edits=(Edit(start, start + len("lab_result"), "LabResult"),),
                                              fix_hint="Rename the model to `LabResult`.")
                          if d.code == "PL101" else d for d in result.diagnostics]
    return result, tmp_path


# -- SARIF -----------------------------------------------------------------------------------------------


def test_sarif_shape_on_the_platform(platform: LintResult) -> None:
    log = json.loads(render("sarif", platform, root=ROOT))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "prisma-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(platform.rules_run | {d.code for d in platform.diagnostics})
    for rule in driver["rules"]:
        assert set(rule) >= {"id", "name", "shortDescription", "fullDescription", "helpUri", "help",
                             "defaultConfiguration"}
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['name']}.md")
        assert (REPO / "docs" / "rules" / f"{rule['name']}.md").is_file()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": ROOT.resolve().as_uri() + "/"}}
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert len(run["results"]) == len(platform.diagnostics)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, d in zip(run["results"], platform.diagnostics):
        fixes = {"fixes": [{
            "description": {"text": d.fix_hint},
            "artifactChanges": [{"artifactLocation": {"uri": rel(d.path), "uriBaseId": "%SRCROOT%"},
                                 "replacements": [{"deletedRegion": {"byteOffset": e.start, "byteLength": e.end - e.start},
                                                   "insertedContent": {"text": e.replacement}} for e in d.edits]}],
            "properties": {"unsafe": d.unsafe_fix}}]} if d.edits else {}
        assert result == {
            "ruleId": d.code,
            "ruleIndex": ids.index(d.code),
            "level": levels[d.severity.value],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": rel(d.path), "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": d.line, "startColumn": d.column,
                           "endLine": d.end_line, "endColumn": d.end_column}}}],
            "partialFingerprints": {"prismaLint/v1": result["partialFingerprints"]["prismaLint/v1"]},
            **fixes,
        }
    assert any("fixes" in r for r in run["results"])  # the platform has a fixable finding (a missing index)
    prints = [r["partialFingerprints"]["prismaLint/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints) and all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)
    lab = next(r for r in run["results"] if r["ruleId"] == "PL101")
    assert lab["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "services/laboratory-service/prisma/schema.prisma"
    assert lab["locations"][0]["physicalLocation"]["region"] == {"startLine": 85, "startColumn": 7,
                                                                 "endLine": 85, "endColumn": 26}


def test_fingerprints_survive_line_shifts(tmp_path: Path, platform: LintResult) -> None:
    copy = tmp_path / "platform"
    shutil.copytree(ROOT, copy)
    for schema in (copy / "services").glob("*/prisma/schema.prisma"):
        schema.write_text("// moved down by a new header\n\n\n" + schema.read_text())
    shifted = lint_paths([copy / "services"])
    assert [d.line for d in shifted.diagnostics if d.path.endswith(".prisma")] == \
        [d.line + 3 for d in platform.diagnostics if d.path.endswith(".prisma")]
    assert fingerprints(shifted.diagnostics, copy) == fingerprints(platform.diagnostics, ROOT)


def test_sarif_suppressions_fixes_and_notifications(extras) -> None:
    result, root = extras
    run = json.loads(render("sarif", result, root=root))["runs"][0]
    schema_uri = "services/records/prisma/schema.prisma"
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["message"]["text"], r["suppressions"]) for r in suppressed] == [
        ("PL102", "Field name `MRN` is not camelCase.",
         [{"kind": "inSource", "status": "accepted", "justification": "column name fixed by the HL7 feed"}])]
    (fixed,) = [r for r in run["results"] if r["ruleId"] == "PL101"]
    start = SUPPRESSED.encode().index(b"lab_result")
    assert fixed["fixes"] == [{
        "description": {"text": "Rename the model to `LabResult`."},
        "artifactChanges": [{"artifactLocation": {"uri": schema_uri, "uriBaseId": "%SRCROOT%"},
                             "replacements": [{"deletedRegion": {"byteOffset": start, "byteLength": 10},
                                               "insertedContent": {"text": "LabResult"}}]}],
        "properties": {"unsafe": False}}]
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "error" and notification["associatedRule"]["id"] == "PL001"
    location = notification["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "services/broken/prisma/schema.prisma"
    assert location["region"]["startLine"] == 3
    # The syntax error is a result too (it fails the gate like any error).
    assert [r["ruleId"] for r in run["results"] if "suppressions" not in r].count("PL001") == 1


def _validator():
    try:
        bin_js, reason = sarif_validator.ensure_installed()
    except RuntimeError as error:
        pytest.fail(str(error))
    if bin_js is None:
        pytest.skip(f"the SARIF validator needs node: {reason}")
    return bin_js


def test_sarif_passes_microsofts_validator(tmp_path: Path, platform: LintResult, extras) -> None:
    bin_js = _validator()
    result, root = extras
    for name, log in (("platform", render("sarif", platform, root=ROOT)), ("extras", render("sarif", result, root=root))):
        path = tmp_path / f"{name}.sarif"
        path.write_text(log)
        found, console = sarif_validator.validate(bin_js, path, tmp_path)
        errors = [f for f in found if f[0] == "error"]
        assert not errors, f"the SARIF validator reports errors for {name}:\n{console}"


def test_sarif_for_a_configuration_error_passes_the_validator(tmp_path: Path) -> None:
    from prisma_lint.reporters.sarif import render_failure

    log = json.loads(render_failure("prisma-lint.toml: select: unknown rule `PL999`", "prisma-lint.toml", tmp_path))
    run = log["runs"][0]
    assert run["results"] == [] and run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].endswith("`PL999`")
    bin_js = _validator()
    path = tmp_path / "failure.sarif"
    path.write_text(json.dumps(log))
    found, console = sarif_validator.validate(bin_js, path, tmp_path)
    assert not [f for f in found if f[0] == "error" and f[1] != "execution"], console


# -- GitHub workflow commands ----------------------------------------------------------------------------


def test_github_commands_on_the_platform(platform: LintResult) -> None:
    lines = render("github", platform, root=ROOT).splitlines()
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    assert lines == [
        f"::{commands[d.severity.value]} file={rel(d.path)},line={d.line},col={d.column},endLine={d.end_line},"
        f"endColumn={d.end_column},title={d.code} {d.rule}::{escape_data(d.message)}"
        for d in platform.diagnostics]
    assert "::error file=services/laboratory-service/prisma/schema.prisma,line=85,col=7,endLine=85,endColumn=26," \
           "title=PL101 model-name-pascal-case::Model name `lab_reference_range` is not PascalCase." in lines


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("dir: a,b%\n") == "dir%3A a%2Cb%25%0A"


# -- GitLab Code Quality ---------------------------------------------------------------------------------


def test_gitlab_code_quality_on_the_platform(platform: LintResult) -> None:
    issues = json.loads(render("gitlab", platform, root=ROOT))
    severities = {"error": "critical", "warning": "major", "info": "info"}
    assert issues == [{
        "type": "issue",
        "description": d.message,
        "check_name": f"{d.code} {d.rule}",
        "fingerprint": issue["fingerprint"],
        "severity": severities[d.severity.value],
        "location": {"path": rel(d.path), "lines": {"begin": d.line, "end": d.end_line}},
    } for issue, d in zip(issues, platform.diagnostics)]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    allowed = {"info", "minor", "major", "critical", "blocker"}
    assert {i["severity"] for i in issues} <= allowed


def test_gitlab_syntax_error_is_a_blocker(extras) -> None:
    result, root = extras
    issues = json.loads(render("gitlab", result, root=root))
    assert [i["severity"] for i in issues if i["check_name"].startswith("PL001")] == ["blocker"]


# -- JUnit XML -------------------------------------------------------------------------------------------


def _junit_schema():
    import xmlschema

    return xmlschema.XMLSchema(REPO / "tests" / "data" / "junit.xsd")


def test_junit_on_the_platform(platform: LintResult) -> None:
    text = render("junit", platform, root=ROOT)
    _junit_schema().validate(text)
    suites = ET.fromstring(text)
    files = sorted(rel(f) for f in platform.files)
    assert [s.get("name") for s in suites] == files
    codes = sorted(platform.rules_run)
    for suite in suites:
        assert [c.get("name").split()[0] for c in suite] == codes
        assert all(c.get("classname") == c.get("file") == suite.get("name") for c in suite)
        assert suite.get("tests") == str(len(codes))
    failures = {(s.get("name"), c.get("name").split()[0]): c.find("failure") for s in suites for c in s
                if c.find("failure") is not None}
    # Each failing case holds exactly its rule's findings in that file (migration findings count for
    # the schema whose folder holds them).
    expected: dict = {}
    for d in platform.diagnostics:
        owner = rel(d.path) if d.path.endswith(".prisma") else rel(str(Path(d.path).parents[
            len(Path(rel(d.path)).parts) - 4] / "schema.prisma"))
        expected.setdefault((owner, d.code), []).append(f"{rel(d.path)}:{d.line}:{d.column}: "
                                                        f"{d.severity.value}: {d.message}")
    assert {key: element.text.splitlines() for key, element in failures.items()} == expected
    assert suites.get("failures") == str(len(expected)) and suites.get("errors") == "0"
    assert suites.get("tests") == str(len(files) * len(codes))


def test_junit_syntax_error_is_an_error_and_skips_the_rest(extras) -> None:
    result, root = extras
    text = render("junit", result, root=root)
    _junit_schema().validate(text)
    suite = next(s for s in ET.fromstring(text) if s.get("name") == "services/broken/prisma/schema.prisma")
    cases = {c.get("name").split()[0]: c for c in suite}
    assert cases["PL001"].find("error").get("type") == "PL001"
    assert all(c.find("skipped") is not None for code, c in cases.items() if code != "PL001")
    assert suite.get("errors") == "1" and suite.get("skipped") == str(len(cases) - 1)


def test_junit_schema_rejects_a_malformed_report() -> None:
    import xmlschema

    with pytest.raises(xmlschema.XMLSchemaValidationError):
        _junit_schema().validate('<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>')


# -- concise ---------------------------------------------------------------------------------------------


def test_concise_on_the_platform(platform: LintResult) -> None:
    lines = render("concise", platform).splitlines()
    assert lines == [f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}"
                     for d in platform.diagnostics]
