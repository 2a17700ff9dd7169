"""How lint time grows with the number of syntax errors (issue 12): it must grow linearly.

    python benchmarks/errors.py [--sizes 2000,8000] [--repeat 3]

Each case is generated at every size, linted in this process (`lint_text`, the strategy preset; start-up
excluded) and timed (best of `--repeat`). For each case the script prints the time per thousand units
(a unit is a broken model, a bad line or a byte of junk) at each size, and the ratio of the largest size's
figure to the smallest's: about 1.0 means linear; 4.0 from 2,000 to 8,000 would mean quadratic. It also
prints how many diagnostics were reported (the parser reports at most 1,000 syntax errors per file, then
one "N more").
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisma_lint import lint_text  # noqa: E402


def broken_models(n: int) -> str:
    return "".join(f"model M{i} {{\n  id String @id\n  this is not a field!\n}}\n" for i in range(n))


def closing_braces(n: int) -> str:
    return "}\n" * n


def bad_lines_in_one_model(n: int) -> str:
    return "model Patient {\n  id String @id\n" + "  !!! not a field\n" * n + "}\n"


def good_and_bad_lines_in_one_model(n: int) -> str:
    return "model Patient {\n  id String @id\n" + "".join(f"  f{i} String\n  ? bad\n" for i in range(n)) + "}\n"


def junk(n: int) -> str:
    rng = random.Random(n)
    alphabet = "{}()[]@=\"'!?;:,.\\/ \n\tabcXYZ019"
    return "".join(rng.choice(alphabet) for _ in range(n * 20))


CASES = {
    "broken models": broken_models,
    "lines of `}`": closing_braces,
    "bad lines in one model": bad_lines_in_one_model,
    "good+bad lines in one model": good_and_bad_lines_in_one_model,
    "random junk (x20 chars)": junk,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    lint_text("model A {\n  id String @id\n}\n", "warm.prisma")  # load the parser tables and rules once
    print(f"{'case':30} " + " ".join(f"{f'ms/1k @ {n}':>14}" for n in sizes) + f" {'ratio':>7} {'diagnostics':>12}")
    for name in args.cases.split(","):
        make = CASES[name]
        per_unit = []
        reported = 0
        for n in sizes:
            text = make(n)
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                diagnostics = lint_text(text, "case.prisma")
                best = min(best, time.perf_counter() - start)
            per_unit.append(best * 1000 / (n / 1000))
            reported = len(diagnostics)
        ratio = per_unit[-1] / per_unit[0]
        print(f"{name:30} " + " ".join(f"{v:14.1f}" for v in per_unit) + f" {ratio:7.2f} {reported:12}", flush=True)


if __name__ == "__main__":
    main()
