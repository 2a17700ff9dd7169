"""What the CI formats share: paths relative to the run's root, rule links, and stable fingerprints.

Code scanning (SARIF), GitLab Code Quality and similar tools de-duplicate findings across runs by a
fingerprint. Ours must survive edits elsewhere in the file, so it is made of the file, the rule and the
message (with any line number in the message blanked), never the finding's line; findings that would
share one are numbered in order of appearance.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Optional, Sequence

from prisma_lint.diagnostics import Diagnostic

# Where the project lives; the SARIF driver's informationUri and the rules' helpUri point here.
PROJECT_URL = "https://github.com/prisma-lint-py/prisma-lint-py"

_LINE_NUMBER = re.compile(r"\b(line|lines|column)\s+\d+")


def rule_docs_url(name: str) -> str:
    """The rule's documentation page (docs/rules/<name>.md)."""
    return f"{PROJECT_URL}/blob/main/docs/rules/{name}.md"


def relative_path(path: Optional[str], root: Path) -> Optional[str]:
    """`path` relative to `root`, with forward slashes; an absolute POSIX path when it lies outside."""
    if path is None:
        return None
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def fingerprints(diagnostics: Sequence[Diagnostic], root: Path) -> list[str]:
    """One hex fingerprint per diagnostic (same order), stable across runs and line shifts."""
    seen: dict[str, int] = {}
    out = []
    for d in diagnostics:
        key = "\0".join((relative_path(d.path, root) or "", d.code, _LINE_NUMBER.sub(r"\1 N", d.message)))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(hashlib.sha256(f"{key}\0{occurrence}".encode("utf-8")).hexdigest()[:32])
    return out
