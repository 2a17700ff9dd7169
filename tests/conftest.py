"""Shared pytest fixtures, the Hypothesis profiles, and the figures summary.

Hypothesis profiles (`HYPOTHESIS_PROFILE=ci|dev`; default `ci` when `CI=true`, else `dev`): `ci` is the
long run (the CI gate), `dev` a quick one for local iterations. A property test states its weight
relative to the profile's example count (`settings.default.max_examples * 2`), never a fixed count.

Figures (example counts, agreement totals) are recorded with the session fixture `figures` and shown in
a "figures" section of the terminal summary; the tests themselves assert, they do not print.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.oracle import Oracle, ensure_installed, unavailable_reason

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=_QUIET)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
settings.load_profile(PROFILE)

_FIGURES = pytest.StashKey[Counter]()


@pytest.fixture(scope="session")
def figures(pytestconfig) -> Counter:
    """Figures of the run (`figures["roundtrip_examples"] += 1`), listed in the terminal summary."""
    return pytestconfig.stash.setdefault(_FIGURES, Counter())


def pytest_terminal_summary(terminalreporter, config) -> None:
    found = config.stash.get(_FIGURES, None)
    if found:
        terminalreporter.section("figures")
        terminalreporter.write_line(f"hypothesis profile: {PROFILE} "
                                    f"(max_examples={settings.default.max_examples})")
        for key, value in sorted(found.items()):
            terminalreporter.write_line(f"{key}: {value}")


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch) -> None:
    """Runs of the command line do not read or write `.prisma-lint-cache/` in tests (a test that
    patches a rule must see it run); tests of the cache itself switch it back on."""
    monkeypatch.setenv("PRISMA_LINT_NO_CACHE", "1")


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
