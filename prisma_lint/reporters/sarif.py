"""SARIF 2.1.0 (the Static Analysis Results Interchange Format): GitHub code scanning and other viewers.

One run: the driver describes every rule that ran or reported (with a link to its docs page); each
finding is a result with its rule index, level, location relative to `%SRCROOT%` (the directory the
command ran in), a fingerprint that survives line shifts, the fix when the finding carries edits, and
the comment that suppressed it when one did (suppressed findings are listed, not dropped). Syntax
errors, rule crashes and configuration errors are also tool execution notifications.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from prisma_lint import __version__
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.linter import LintResult
from prisma_lint.rules.schema import PL000_internal_error as internal_error
from prisma_lint.rules.schema import PL001_syntax_error as syntax_error
from prisma_lint.reporters.locations import PROJECT_URL, fingerprints, relative_path, rule_docs_url

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "%SRCROOT%"
FINGERPRINT_KEY = "prismaLint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_CRASH = "A rule raised an exception; the other rules still ran. Please report it with the schema that caused it."
_WHAT_IT_DOES = re.compile(r"^## What it does\s*\n(.*?)(?=^## |\Z)", re.S | re.M)


def _driver(rules: list[dict]) -> dict:
    return {"name": "prisma-lint", "version": __version__, "semanticVersion": __version__,
            "informationUri": PROJECT_URL, "rules": rules}


def _log(run: dict) -> dict:
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule_descriptor(registry, code: str, name: str) -> dict:
    rule = registry.find(code)
    if rule is None:  # a code no rule of the run has: results still need a descriptor
        return {"id": code, "name": name,
                "shortDescription": {"text": "A rule failed while checking a schema."},
                "fullDescription": {"text": _CRASH},
                "help": {"text": _CRASH},
                "defaultConfiguration": {"level": "error"}}
    found = _WHAT_IT_DOES.search(rule.doc)
    full = " ".join(found.group(1).split()) if found else rule.summary
    return {"id": rule.code, "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": full},
            "helpUri": rule_docs_url(rule.name),
            "help": {"text": rule.doc, "markdown": rule.doc},  # code scanning shows it beside each alert
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"category": rule.category}}


def _rules(result: LintResult, findings: list[Diagnostic]) -> tuple[list[dict], dict[str, int]]:
    names = {d.code: d.rule for d in findings}
    registry = result.rule_registry()
    for code in result.rules_run:
        if code not in names:
            rule = registry.find(code)
            names[code] = rule.name if rule else code
    codes = sorted(names)
    return [_rule_descriptor(registry, code, names[code]) for code in codes], {code: i for i, code in enumerate(codes)}


def _location(d: Diagnostic, root: Path) -> Optional[dict]:
    artifact = _artifact(d.path, root)
    if artifact is None:
        return None
    region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _artifact(path: Optional[str], root: Path) -> Optional[dict]:
    relative = relative_path(path, root)
    if relative is None:
        return None
    if relative.startswith("/"):  # outside the root: an absolute URI
        return {"uri": Path(relative).as_uri()}
    return {"uri": relative, "uriBaseId": ROOT_ID}


def _fix(d: Diagnostic, root: Path) -> dict:
    replacements = [{"deletedRegion": {"byteOffset": e.start, "byteLength": e.end - e.start},
                     "insertedContent": {"text": e.replacement}} for e in sorted(d.edits, key=lambda e: e.start)]
    # `unsafe`: the fix may change what the schema means for its users (applied only with --unsafe-fixes).
    return {"description": {"text": d.fix_hint or f"Fix {d.rule}"},
            "artifactChanges": [{"artifactLocation": _artifact(d.path, root), "replacements": replacements}],
            "properties": {"unsafe": d.unsafe_fix}}


def _result(d: Diagnostic, index: int, fingerprint: str, root: Path, suppression: Optional[dict]) -> dict:
    out: dict = {"ruleId": d.code, "ruleIndex": index, "level": LEVELS[d.severity], "message": {"text": d.message}}
    location = _location(d, root)
    if location is not None:
        out["locations"] = [location]
    out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    if d.edits and d.path is not None:
        out["fixes"] = [_fix(d, root)]
    if suppression is not None:
        out["suppressions"] = [suppression]
    return out


def _notification(d: Diagnostic, index: int, root: Path) -> dict:
    out: dict = {"level": "error", "message": {"text": d.message},
                 "associatedRule": {"id": d.code, "index": index}}
    location = _location(d, root)
    if location is not None:
        out["locations"] = [location]
    return out


def render(result: LintResult, *, color: bool = False, show_source: bool = False,
           root: Optional[Path] = None) -> str:
    root = root or Path.cwd()
    findings = list(result.diagnostics) + [s.diagnostic for s in result.suppressed]
    rules, index = _rules(result, findings)
    prints = fingerprints(findings, root)
    results = [_result(d, index[d.code], fp, root, None) for d, fp in zip(result.diagnostics, prints)]
    for s, fp in zip(result.suppressed, prints[len(result.diagnostics):]):
        justification = s.reason or f"suppressed by a `{s.comment}` comment"
        suppression = {"kind": "inSource", "status": "accepted", "justification": justification}
        results.append(_result(s.diagnostic, index[s.diagnostic.code], fp, root, suppression))
    notifications = [_notification(d, index[d.code], root) for d in result.diagnostics
                     if d.code in (syntax_error.CODE, internal_error.CODE)]
    run = {"tool": {"driver": _driver(rules)},
           "invocations": [{"executionSuccessful": result.internal_errors == 0,
                            "toolExecutionNotifications": notifications}],
           "originalUriBaseIds": {ROOT_ID: {"uri": root.resolve().as_uri() + "/"}},
           "columnKind": "unicodeCodePoints",
           "results": results}
    return json.dumps(_log(run), indent=2) + "\n"


def render_failure(message: str, path: Optional[str] = None, root: Optional[Path] = None) -> str:
    """A log for a run that could not lint at all (a configuration or input error): no results, one
    notification, execution unsuccessful, so code scanning shows why instead of "no problems"."""
    root = root or Path.cwd()
    notification: dict = {"level": "error", "message": {"text": message}}
    artifact = _artifact(path, root)
    if artifact is not None:
        notification["locations"] = [{"physicalLocation": {"artifactLocation": artifact}}]
    run = {"tool": {"driver": _driver([])},
           "invocations": [{"executionSuccessful": False, "toolExecutionNotifications": [notification]}],
           "originalUriBaseIds": {ROOT_ID: {"uri": root.resolve().as_uri() + "/"}},
           "results": []}
    return json.dumps(_log(run), indent=2) + "\n"
