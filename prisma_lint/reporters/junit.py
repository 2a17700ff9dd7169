"""JUnit XML, the test report Jenkins, GitLab (`artifacts:reports:junit`) and most CI systems display.

One test suite per schema file, one test case per rule in it: a case fails with the rule's findings
in that file, errors for a syntax error or a rule crash, and is skipped when a syntax error kept the
rules from running. Findings on a migration file count for the schema whose folder holds it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Optional

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.linter import LintResult
from prisma_lint.rules.schema import PL000_internal_error as internal_error
from prisma_lint.rules.schema import PL001_syntax_error as syntax_error
from prisma_lint.reporters.locations import relative_path

ERRORS = {syntax_error.CODE, internal_error.CODE}


def _owner(path: Optional[str], result: LintResult) -> str:
    """The schema file a finding's test suite is named after."""
    if path is None or path in result.files:
        return path or "<string>"
    for unit in result.units:
        folder = Path(unit.path).parent
        if Path(path).is_relative_to(folder):
            return next(iter(unit.texts)) or path
    return path


def _rule_names(result: LintResult) -> dict[str, str]:
    registry = result.rule_registry()
    return {code: rule.name for code in result.rules_run if (rule := registry.find(code)) is not None}


def _case(suite: ET.Element, name: str, classname: str, file: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": classname, "name": name, "file": file})


def render(result: LintResult, *, color: bool = False, show_source: bool = False,
           root: Optional[Path] = None) -> str:
    root = root or Path.cwd()
    names = _rule_names(result)
    by_file: dict[str, dict[str, list[Diagnostic]]] = defaultdict(lambda: defaultdict(list))
    for path in result.files:
        by_file[path]
    for d in result.diagnostics:
        by_file[_owner(d.path, result)][d.code].append(d)
        names.setdefault(d.code, d.rule)
    suites = ET.Element("testsuites", {"name": "prisma-lint"})
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for path in sorted(by_file):
        found = by_file[path]
        file = relative_path(path, root) or path
        unparsed = syntax_error.CODE in found
        suite = ET.SubElement(suites, "testsuite", {"name": file})
        counts = dict.fromkeys(totals, 0)
        for code in sorted(names):
            case = _case(suite, f"{code} {names[code]}", file, file)
            counts["tests"] += 1
            findings = found.get(code)
            if findings:
                kind = "error" if code in ERRORS else "failure"
                counts["errors" if kind == "error" else "failures"] += 1
                count = f"{len(findings)} finding{'s' * (len(findings) != 1)}"
                element = ET.SubElement(case, kind, {"type": code, "message": f"{count}: {findings[0].message}"})
                element.text = "\n".join(f"{relative_path(d.path, root) or d.path}:{d.line}:{d.column}: "
                                         f"{d.severity.value}: {d.message}" for d in findings)
            elif unparsed:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", {"message": "not checked: the schema has syntax errors"})
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
