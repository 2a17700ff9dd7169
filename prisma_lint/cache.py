"""The result cache: what a lint run found, stored by what it depended on, so a run over unchanged
files reads its findings instead of parsing and checking again (ruff's cache, for schemas).

A folder (default `.prisma-lint-cache/` in the folder of the project's configuration file, else the
current folder; `cache-dir` in the configuration, or `PRISMA_LINT_CACHE_DIR`, to move it) holds:

* `CACHEDIR.TAG`, so backup tools skip it, and a `.gitignore` of `*`, so git does too;
* one JSON file per entry, named by its key: a SHA-256 of everything the findings depend on (see
  `runner.py`: the files' text, each schema's resolved rules with their severities and options, the
  rule set, this package's code, and for project-scope rules every schema of the project and its
  migration folders).

Writes go to a temporary file renamed over the entry, so two runs at once (pre-commit in two
terminals) never see half an entry; an entry that cannot be read or does not have the expected shape
is a miss, and the run that misses writes it again. A cache that cannot be written (read-only folder)
only costs the time it would have saved.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

from prisma_lint.diagnostics import Diagnostic, Edit, Severity
from prisma_lint.slots import slot_init

__all__ = ["ResultCache", "DEFAULT_FOLDER", "dump_diagnostic", "load_diagnostic", "new_digest"]

DEFAULT_FOLDER = ".prisma-lint-cache"
_FORMAT = 1  # bump when the entry layout changes
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by prisma-lint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")


def new_digest():
    """A SHA-256 hash object for a cache key, from CPython's built-in implementation rather than hashlib:
    importing hashlib loads OpenSSL, 3.5 MB of memory and 3 ms for every run (a 10-model run peaks at
    18 MB without it, 21.7 MB with it). The digest is the same."""
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # CPython 3.11
        except ImportError:  # another Python
            from hashlib import sha256
    return sha256()


def dump_diagnostic(d: Diagnostic) -> list:
    return [d.path, d.line, d.column, d.end_line, d.end_column, d.code, d.rule, d.severity.value, d.message,
            d.fix_hint, [[e.start, e.end, e.replacement] for e in d.edits], d.unsafe_fix]


_SEVERITIES = {severity.value: severity for severity in Severity}  # a dict lookup, not an Enum call per row


# A cached finding is rebuilt through its slot setters (prisma_lint.slots) rather than by `Diagnostic(...)`:
# its message was shortened when it was first made, so `__post_init__` has nothing to do, and the frozen
# `__init__` pays an `object.__setattr__` per field. A repeat run may load tens of thousands (37,000 on the
# benchmark's 100-schema project: 63-75 -> 36-40 ms).
_fill_diagnostic = slot_init(Diagnostic)
_new = object.__new__


def load_diagnostic(row: list) -> Diagnostic:
    d = _new(Diagnostic)
    edits = row[10]
    _fill_diagnostic(d, row[0], row[1], row[2], row[3], row[4], row[5], row[6], _SEVERITIES[row[7]], row[8], row[9],
                     tuple(Edit(start, end, text) for start, end, text in edits) if edits else (), row[11])
    return d


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ready = False

    def _prepare(self) -> bool:
        if not self._ready:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Created by prisma-lint.\n*\n")):
                    target = self.folder / name
                    if not target.exists():
                        self._write(target, text)
            except OSError:
                return False
            self._ready = True
        return True

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Optional[dict[str, Any]]:
        """The entry stored under `key`, or None (missing, torn, or from another layout)."""
        try:
            with self._entry(key).open(encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != _FORMAT or entry.get("key") != key:
            return None
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        if not self._prepare():
            return
        try:
            self._write(self._entry(key), json.dumps({"format": _FORMAT, "key": key, **entry}, separators=(",", ":")))
        except OSError:
            pass  # a full disk or a read-only folder: the next run lints again

    def _write(self, target: Path, text: str) -> None:
        import tempfile  # with shutil and random, 3-5 ms of start-up: only a run that writes an entry pays it

        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temporary, target)  # atomic: readers see the old entry or the new one, never half
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
