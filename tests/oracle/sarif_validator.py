"""Microsoft's SARIF validator (npm `@microsoft/sarif-multitool`, its `validate` command), installed
with npm into `<repo>/.cache/sarif-multitool` on first use, like the other npm oracles.

`validate(path)` runs it with the SARIF rules and GitHub code scanning's ingestion rules (`Gh`) and
returns its findings as (level, rule id, message) with its console output.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Optional

PACKAGE = "@microsoft/sarif-multitool"
VERSION = "5.7.0"
REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE = REPO_ROOT / ".cache" / "sarif-multitool"
BIN = CACHE / "node_modules" / "@microsoft" / "sarif-multitool" / "bin.js"


def _installed_version() -> Optional[str]:
    try:
        return json.loads((BIN.parent / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def ensure_installed() -> tuple[Optional[Path], str]:
    """(the validator's bin.js, "") or (None, why not)."""
    if shutil.which("node") is None:
        return None, "node not found on PATH"
    if _installed_version() == VERSION:
        return BIN, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm not found on PATH (needed once, to install the SARIF validator)"
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--save-exact", "--prefix", str(CACHE),
                           f"{PACKAGE}@{VERSION}"], capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or _installed_version() != VERSION:
        # An npm failure is a failure to report, not a reason to skip: node is there.
        raise RuntimeError(f"npm install {PACKAGE}@{VERSION} failed (exit {done.returncode}): "
                           f"{(done.stderr or done.stdout)[-2000:]}")
    return BIN, ""


def validate(bin_js: Path, sarif: Path, workdir: Path) -> tuple[list[tuple[str, str, str]], str]:
    """Run `sarif-multitool validate` on a log: its findings (level, rule id, message) and console text."""
    out = workdir / "validation.sarif"
    out.unlink(missing_ok=True)
    # bin.js runs the tool through a shell: the `;` of the rule kinds must be quoted.
    done = subprocess.run(["node", str(bin_js), "validate", str(sarif), "--output", str(out),
                           "--rule-kind", '"Sarif;Gh"'], capture_output=True, text=True, timeout=300)
    console = done.stdout + done.stderr
    if not out.is_file():
        raise RuntimeError(f"the SARIF validator wrote no log (exit {done.returncode}):\n{console}")
    log = json.loads(out.read_text(encoding="utf-8-sig"))
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"].get("rules", [])}
    found = []
    for result in run.get("results", []):
        default = rules.get(result.get("ruleId"), {}).get("defaultConfiguration", {}).get("level", "warning")
        found.append((result.get("level", default), result.get("ruleId", "?"), json.dumps(result["message"])))
    for invocation in run.get("invocations", []):
        for note in invocation.get("toolExecutionNotifications", []) + invocation.get("toolConfigurationNotifications", []):
            if note.get("level", "warning") == "error":
                found.append(("error", "execution", note["message"].get("text", "")))
    return found, console
