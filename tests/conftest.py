"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

try:
    from tests.oracle import Oracle, ensure_installed, unavailable_reason
except ImportError:  # tests/ itself on sys.path (pytest's rootdir-relative import without the repo root)
    from oracle import Oracle, ensure_installed, unavailable_reason  # type: ignore[no-redef]


@pytest.fixture(scope="session")
def oracle() -> Iterator[Oracle]:
    """Prisma's own parser (npm `@prisma/prisma-schema-wasm`, pinned) in one node process for the session.

    Skips the tests that use it when node or npm is missing or the package cannot be installed."""
    directory = ensure_installed()
    if directory is None:
        reason = unavailable_reason() or "unknown reason"
        if "not found" in reason:
            pytest.skip(f"node/npm not found: the Prisma conformance oracle needs them ({reason})")
        pytest.skip(f"the Prisma conformance oracle is unavailable: {reason}")
    with Oracle(directory) as prisma:
        yield prisma


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite may itself run in GitHub Actions: the command line would then choose the `github`
    format and write job summaries. Tests that want that behaviour set the variables themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
