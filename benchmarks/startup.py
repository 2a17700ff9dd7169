"""Start-up of `prisma-lint FILE` on the 10-model schema (issue 10, target 1: <= 0.10 s), whole process.

    python benchmarks/startup.py [--runs 7] [--importtime] [--no-npm]

Runs, interleaved, `runs` times each:

    floor         `python -c pass` (the interpreter with this venv's site, editable-install finder included)
    ours          `prisma-lint --no-cache FILE` (default preset, no config file)
    ours cached   `prisma-lint FILE` with a warm result cache
    theirs        the npm prisma-lint 0.13.1 with benchmarks/prismalintrc.json (as in run.py)

and prints for each: best and median wall time, best user+sys CPU time (what a loaded machine distorts
least) and peak RSS, each command measured on its own (`os.wait4` in a small wrapper process). `--importtime` then prints the 15
largest cumulative entries of `python -X importtime -m prisma_lint --no-cache FILE` (best of 5 runs per
module). The package is byte-compiled first: stale or missing .pyc files would make every start compile.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
VENV_BIN = REPO / ".venv" / "bin"
PY = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
OURS = str(VENV_BIN / "prisma-lint")
TARGET_S = 0.10

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# Starts one command and reports on it: a process's peak RSS counts its parent's at the fork, so the
# measured command is started by this small interpreter (`-S`: 8 MB), not by the harness.
WRAPPER = r"""
import json, os, subprocess, sys, time
cmd, env = json.loads(sys.argv[1])
start = time.perf_counter()
child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
_pid, status, usage = os.wait4(child.pid, 0)
print(json.dumps([time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                  os.waitstatus_to_exitcode(status)]))
"""


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall s, user+sys CPU s, peak RSS MiB) of one run of `cmd`."""
    done = subprocess.run([sys.executable, "-S", "-c", WRAPPER, json.dumps([cmd, env])], cwd=OUT,
                          capture_output=True, text=True, check=True)
    wall, cpu, peak_kb, code = json.loads(done.stdout)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited with {code}")
    return wall, cpu, peak_kb / 1024


def importtime(schema: Path, env: dict[str, str], runs: int = 5) -> list[tuple[str, int, int]]:
    """(module, best self us, best cumulative us), the largest cumulative first."""
    best: dict[str, list[int]] = {}
    for _ in range(runs):
        err = subprocess.run([PY, "-X", "importtime", "-m", "prisma_lint", "--no-cache", str(schema)], env=env,
                             cwd=OUT, capture_output=True, text=True).stderr
        for line in err.splitlines():
            if not line.startswith("import time:") or "[us]" in line:
                continue
            self_us, cumulative, name = line[len("import time:"):].split("|")
            entry = best.setdefault(name.strip(), [int(self_us), int(cumulative)])
            entry[0], entry[1] = min(entry[0], int(self_us)), min(entry[1], int(cumulative))
    return sorted(((n, s, c) for n, (s, c) in best.items()), key=lambda row: -row[2])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="runs of each command (default: %(default)s)")
    ap.add_argument("--importtime", action="store_true", help="also print the 15 largest imports")
    ap.add_argument("--no-npm", action="store_true", help="do not run the npm prisma-lint")
    args = ap.parse_args(argv)

    OUT.mkdir(parents=True, exist_ok=True)
    schema = OUT / "startup-10-clean.prisma"
    schema.write_text(generate(10, "clean"), encoding="utf-8")
    env = _env()
    subprocess.run([PY, "-m", "compileall", "-q", str(REPO / "prisma_lint")], env=env, capture_output=True)
    cache = Path(tempfile.mkdtemp(prefix="startup-cache-", dir=OUT))
    cached_env = {**env, "PRISMA_LINT_CACHE_DIR": str(cache)}
    commands = {
        "floor (python -c pass)": ([PY, "-c", "pass"], env),
        "ours --no-cache": ([OURS, "--no-cache", str(schema)], env),
        "ours, cache warm": ([OURS, str(schema)], cached_env),
    }
    if not args.no_npm:
        from run import CONFIG, ensure_npm

        theirs, description = ensure_npm()
        if theirs is None:
            print(f"npm prisma-lint skipped: {description}")
        else:
            commands["theirs (npm)"] = ([*theirs, "-c", str(CONFIG), str(schema)], env)
    for cmd, run_env in commands.values():  # warm-up: .pyc files, the result cache, the OS's file cache
        measure(cmd, run_env)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    try:
        for _ in range(args.runs):
            for name, (cmd, run_env) in commands.items():
                results[name].append(measure(cmd, run_env))
    finally:
        shutil.rmtree(cache, ignore_errors=True)

    print(f"prisma-lint start-up, 10-model schema ({schema.stat().st_size / 1024:.1f} KB), {args.runs} runs each, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'command':<24} {'best s':>7} {'median s':>9} {'best CPU s':>11} {'peak MB':>8}")
    for name, runs in results.items():
        walls, cpus, peaks = zip(*runs)
        print(f"{name:<24} {min(walls):7.3f} {statistics.median(walls):9.3f} {min(cpus):11.3f} {max(peaks):8.1f}")
    ours = min(w for w, _c, _p in results["ours --no-cache"])
    print(f"target <= {TARGET_S:.2f} s (best wall, --no-cache): {'PASS' if ours <= TARGET_S else 'FAIL'} ({ours:.3f} s)")
    if "theirs (npm)" in results:
        theirs_best = min(w for w, _c, _p in results["theirs (npm)"])
        theirs_peak = max(p for _w, _c, p in results["theirs (npm)"])
        ours_peak = max(p for _w, _c, p in results["ours --no-cache"])
        print(f"ours / theirs: time {ours / theirs_best:.2f}x, peak memory {ours_peak / theirs_peak:.2f}x")
    if args.importtime:
        print("\npython -X importtime -m prisma_lint --no-cache FILE, 15 largest (best of 5, ms):")
        print(f"{'cumulative':>10} {'self':>6}  module")
        for name, self_us, cumulative in importtime(schema, env)[:15]:
            print(f"{cumulative / 1000:10.1f} {self_us / 1000:6.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
