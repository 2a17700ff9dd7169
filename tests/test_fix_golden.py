"""Each fixable rule against a golden file: `tests/golden/fixes/<CODE>[-what].prisma` fixed with only that
rule on (`--fix --unsafe-fixes`, and the rule's options from `<CODE>.toml` when there is one) must give
`<same name>.fixed` byte for byte, and a second fix must change nothing. Regenerate the expected files after an intended change with
`UPDATE_GOLDEN=1 bash scripts/test.sh tests/test_fix_golden.py`, and read the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prisma_lint.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden" / "fixes"
INPUTS = sorted(GOLDEN.glob("*.prisma"))
FIXABLE = ("PL003", "PL102", "PL104", "PL111", "PL201", "PL202", "PL203", "PL301", "PL305")


def _fix(tmp_path: Path, source: Path, code: str) -> bytes:
    work = tmp_path / source.name
    work.write_bytes(source.read_bytes())
    select = f"{code},PL102" if code == "PL003" else code  # PL003 needs the rules its comments name
    options = GOLDEN / f"{code}.toml"
    common = ["--select", select, "--unsafe-fixes", *(["--config", str(options)] if options.is_file() else [])]
    assert main([*common, "--fix-only", str(work)]) == 0
    fixed = work.read_bytes()
    assert main([*common, "--diff", str(work)]) == 0  # nothing left to fix
    return fixed


@pytest.mark.parametrize("source", INPUTS, ids=[p.stem for p in INPUTS])
def test_golden_fix(tmp_path: Path, source: Path, capsys) -> None:
    code = source.stem.split("-")[0]
    fixed = _fix(tmp_path, source, code)
    expected = source.with_suffix(".prisma.fixed")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_bytes(fixed)
    assert fixed != source.read_bytes(), "the golden input has nothing to fix"
    assert fixed == expected.read_bytes()


def test_every_fixable_rule_has_a_golden_file() -> None:
    assert sorted({p.stem.split("-")[0] for p in INPUTS}) == sorted(FIXABLE)
