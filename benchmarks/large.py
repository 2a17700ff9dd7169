"""Does lint time stay linear up to a 50 MB schema (issue 12's "done when")?

    python benchmarks/large.py [--sizes 1,50] [--repeat 3] [--keep]

Generates schemas of about 1 MB and 50 MB (small models of ~380 bytes: 50 MB is about 138,000 models) into
a temporary folder (never committed), and lints each with the command-line tool in a fresh process, with
the default (strategy) preset, as a CI gate would. Start-up is measured the same way on a one-model schema
and subtracted. Prints, per size: wall time (best of `--repeat`), time minus start-up, seconds per MB, peak
RSS of the linting process, and the ratio of each size's seconds per MB to the smallest size's (the target:
within 1.5).

Every command is timed by a small wrapper process that starts it, waits and reports the wall time and
`getrusage(RUSAGE_CHILDREN).ru_maxrss`, so the peak RSS is the linter's own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv" / "bin" / "python").exists() else sys.executable

_MODEL = """\
/// Entity {i} of the benchmark platform.
model Entity{i} {{
  id        String   @id @default(uuid())
  name      String   @db.VarChar(120)
  status    String?  @db.VarChar(32)
  quantity  Int      @default(0)
  note      String?  @db.Text
  ownerId   String   @db.Uuid
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt

  @@index([ownerId])
}}

"""
_HEAD = """\
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "prisma-client-js"
}

"""

_TIMER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def generate(megabytes: float) -> str:
    target = int(megabytes * 1024 * 1024)
    parts = [_HEAD]
    size = len(_HEAD)
    i = 0
    while size < target:
        part = _MODEL.format(i=i)
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)


def timed(path: Path) -> tuple[float, int, int]:
    out = subprocess.run([PY, "-c", _TIMER, PY, "-m", "prisma_lint", str(path)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,50", help="sizes in MB, comma-separated (the first is the reference)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated schemas (printed path)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="prisma-lint-large-"))
    tiny = folder / "tiny.prisma"
    tiny.write_text(_HEAD + _MODEL.format(i=0), encoding="utf-8")
    startup = min(timed(tiny)[0] for _ in range(args.repeat))
    print(f"start-up (one model): {startup:.2f} s")
    print(f"{'size':>8} {'models':>8} {'wall s':>8} {'lint s':>8} {'s/MB':>7} {'peak MB':>8} {'exit':>5} {'ratio':>6}")
    rows = []
    for megabytes in (float(s) for s in args.sizes.split(",")):
        text = generate(megabytes)
        path = folder / f"schema-{megabytes:g}mb.prisma"
        path.write_text(text, encoding="utf-8")
        actual = len(text.encode("utf-8")) / 1024 / 1024
        runs = [timed(path) for _ in range(args.repeat)]
        wall, peak, code = min(runs)
        lint = wall - startup
        per_mb = lint / actual
        rows.append({"mb": round(actual, 2), "models": text.count("\nmodel "), "wall_s": round(wall, 2),
                     "lint_s": round(lint, 2), "s_per_mb": round(per_mb, 3), "peak_rss_mb": round(peak / 1024),
                     "exit": code, "all_walls": [round(r[0], 2) for r in runs]})
        ratio = per_mb / rows[0]["s_per_mb"] if rows[0]["s_per_mb"] else float("nan")
        rows[-1]["ratio"] = round(ratio, 2)
        print(f"{actual:7.1f}M {rows[-1]['models']:8} {wall:8.2f} {lint:8.2f} {per_mb:7.3f} {peak / 1024:8.0f} "
              f"{code:5} {ratio:6.2f}", flush=True)
        if not args.keep:
            path.unlink()
    verdict = all(row["ratio"] <= 1.5 for row in rows)
    print(f"time per MB within 1.5x of the {rows[0]['mb']} MB schema's: {'yes' if verdict else 'NO'}")
    print(json.dumps({"startup_s": round(startup, 2), "rows": rows}))
    if args.keep:
        print(f"schemas kept in {folder}")


if __name__ == "__main__":
    main()
