"""Python side of the Prisma conformance oracle.

`ensure_installed()` installs the pinned `@prisma/prisma-schema-wasm` with npm into a cache folder
(`$PRISMA_LINT_ORACLE_DIR`, else `<repo>/.cache/prisma-oracle`) and returns that folder, or None when node or
npm is missing or the install failed (`unavailable_reason()` then says why). `Oracle` starts
`prisma_oracle.js` once and answers `check(text)` for as many schemas as needed over a JSON-lines pipe.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel

PACKAGE = "@prisma/prisma-schema-wasm"
VERSION = "6.19.0-26.2ba551f319ab1df4bc874a89965d8b3641056773"

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("prisma_oracle.js")

_reason: Optional[str] = None
_lock = threading.Lock()


class OracleError(RuntimeError):
    """The oracle process failed or answered something unexpected."""


class Diagnostic(BaseModel):
    message: str
    start: int
    end: int
    is_warning: bool
    # "syntax" | "legacy" (both count as syntax errors) | "validation" | "warning": see prisma_oracle.js.
    category: Literal["syntax", "legacy", "validation", "warning"]

    @property
    def is_syntax(self) -> bool:
        return self.category in ("syntax", "legacy")


class DmmfField(BaseModel):
    name: str
    type: str
    kind: str
    isList: bool
    isRequired: bool


class DmmfModel(BaseModel):
    """A model, view or composite type of the DMMF datamodel."""

    name: str
    fields: list[DmmfField]


class DmmfEnum(BaseModel):
    name: str
    values: list[str]


class OracleResult(BaseModel):
    syntax_ok: bool
    valid: bool
    diagnostics: list[Diagnostic]
    models: Optional[list[DmmfModel]] = None  # models and views; None unless the schema is valid
    enums: Optional[list[DmmfEnum]] = None
    types: Optional[list[DmmfModel]] = None
    datamodel_error: Optional[str] = None

    @property
    def syntax_errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_syntax]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_warning]


def cache_dir() -> Path:
    configured = os.environ.get("PRISMA_LINT_ORACLE_DIR")
    return Path(configured) if configured else REPO_ROOT / ".cache" / "prisma-oracle"


def unavailable_reason() -> Optional[str]:
    """Why the last `ensure_installed()` returned None (None when it did not)."""
    return _reason


def _installed_version(directory: Path) -> Optional[str]:
    manifest = directory / "node_modules" / "@prisma" / "prisma-schema-wasm" / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def ensure_installed() -> Optional[Path]:
    """The folder holding the pinned package (installing it first if needed), or None."""
    global _reason
    with _lock:
        _reason = None
        if shutil.which("node") is None:
            _reason = "node not found on PATH"
            return None
        directory = cache_dir()
        if _installed_version(directory) == VERSION:
            return directory
        npm = shutil.which("npm")
        if npm is None:
            _reason = "npm not found on PATH (needed once, to install the oracle's package)"
            return None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            completed = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--save-exact", "--prefix", str(directory),
                 f"{PACKAGE}@{VERSION}"],
                capture_output=True,
                text=True,
                timeout=600,
            )
        except (OSError, subprocess.SubprocessError) as error:
            _reason = f"npm install of {PACKAGE}@{VERSION} failed: {error}"
            return None
        if completed.returncode != 0 or _installed_version(directory) != VERSION:
            tail = (completed.stderr or completed.stdout).strip()[-2000:]
            _reason = f"npm install of {PACKAGE}@{VERSION} failed (exit {completed.returncode}): {tail}"
            return None
        return directory


class Oracle:
    """One long-running node process answering schema checks.

        with Oracle() as oracle:
            result = oracle.check(text)
    """

    def __init__(self, directory: Optional[Path] = None, timeout: float = 60.0) -> None:
        if directory is None:
            directory = ensure_installed()
            if directory is None:
                raise OracleError(f"the Prisma oracle is unavailable: {unavailable_reason()}")
        self.directory = Path(directory)
        self.timeout = timeout
        self._process: Optional[subprocess.Popen[str]] = None
        self._next_id = 0
        self.version: Optional[str] = None

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> "Oracle":
        if self._process is not None:
            return self
        node = shutil.which("node")
        if node is None:
            raise OracleError("node not found on PATH")
        env = dict(os.environ, PRISMA_LINT_ORACLE_DIR=str(self.directory.resolve()))
        self._process = subprocess.Popen(
            [node, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            bufsize=1,
        )
        self.version = self._request({"op": "ping"}).get("version")
        return self

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin:
                process.stdin.close()
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        finally:
            for stream in (process.stdout, process.stderr):
                if stream:
                    stream.close()

    def __enter__(self) -> "Oracle":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests ----------------------------------------------------------------------------------

    def _request(self, payload: dict[str, Any]) -> dict[str, Any]:
        process = self._process
        if process is None or process.stdin is None or process.stdout is None:
            raise OracleError("the oracle is not started")
        self._next_id += 1
        payload = dict(payload, id=self._next_id)
        try:
            process.stdin.write(json.dumps(payload) + "\n")
            process.stdin.flush()
        except OSError as error:
            raise OracleError(f"the oracle process died: {self._stderr()}") from error
        line = self._read_line(process)
        if not line:
            raise OracleError(f"the oracle process died: {self._stderr()}")
        answer = json.loads(line)
        if answer.get("id") != payload["id"]:
            raise OracleError(f"out-of-order answer {answer.get('id')!r} for request {payload['id']}")
        if not answer.get("ok"):
            raise OracleError(f"the oracle failed: {answer.get('error')}")
        return answer

    def _read_line(self, process: subprocess.Popen[str]) -> str:
        assert process.stdout is not None
        result: list[str] = []

        def read() -> None:
            result.append(process.stdout.readline())  # type: ignore[union-attr]

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(self.timeout)
        if reader.is_alive():
            process.kill()
            self._process = None
            raise OracleError(f"the oracle did not answer within {self.timeout} s")
        return result[0]

    def _stderr(self) -> str:
        process = self._process
        self._process = None
        if process is None or process.stderr is None:
            return ""
        try:
            process.kill()
            return process.stderr.read()[-4000:]
        except OSError:
            return ""

    def check(self, schema_text: str, file_name: str = "schema.prisma") -> OracleResult:
        """Prisma's verdict on one schema: syntax errors, all diagnostics, and the DMMF datamodel."""
        if self._process is None:
            self.start()
        answer = self._request({"op": "check", "schema": schema_text, "file": file_name})
        datamodel = answer.get("datamodel")
        return OracleResult(
            syntax_ok=answer["syntax_ok"],
            valid=answer["valid"],
            diagnostics=answer["diagnostics"],
            models=datamodel["models"] if datamodel else None,
            enums=datamodel["enums"] if datamodel else None,
            types=datamodel["types"] if datamodel else None,
            datamodel_error=answer.get("datamodel_error"),
        )
