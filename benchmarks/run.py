"""Benchmark prisma-lint (this project) against the npm prisma-lint 0.13.1, measured in the same run.

    python benchmarks/run.py [--sizes 10,100,1000,10000] [--quick] [--timeout 300] [--no-project]

Steps:

1. Generate the schemas (benchmarks/generate.py: `clean`, `violations` and `realistic` at each size, and a
   project of 100 realistic schemas) into benchmarks/out/ (gitignored).
2. Find npm prisma-lint@0.13.1 (the tests' copy in .cache/, else installed under benchmarks/out/npm) if
   node and npm exist; otherwise say why the peer is skipped.
3. Parse: in-process throughput of `prisma_lint.parse(text)` on the clean and realistic files (best of 3,
   in a fresh interpreter per file, which also reports that interpreter's peak RSS).
4. Lint: whole-process wall time and peak RSS of
     ours (default)  `prisma-lint --no-cache FILE`
     ours (config)   `prisma-lint --no-cache --config benchmarks/prismalintrc.json FILE`
     theirs          `node .../prisma-lint -c benchmarks/prismalintrc.json FILE`
   on every variant, runs interleaved (ours, theirs, ours, ...), median (min-max) of 3 runs (1 at >= 10,000
   models with --quick), a time limit per run (300 s by default).
5. Project: the result cache (first run with an empty cache, then a repeat run) and --jobs (-j 1 against
   -j <cores>, with the default preset and with the npm config, outputs compared, with the CPU time of
   each process) on the 100-schema project, with the npm tool on the same folder.

Every command is timed by a small wrapper process (`python -c`) that starts it, waits for it and prints
the wall time and `getrusage(RUSAGE_CHILDREN).ru_maxrss`, so the peak RSS is the measured process's own,
not the harness's. Output (stdout) of the measured tools goes to /dev/null, stderr to a scratch file.

Figures are printed as tables, checked against the targets of issue 10 (benchmarks/README.md), and
written to benchmarks/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
NPM_DIR = OUT / "npm"
CONFIG = HERE / "prismalintrc.json"
NPM_PACKAGE = "prisma-lint"
NPM_VERSION = "0.13.1"
VENV_BIN = REPO / ".venv" / "bin"
OUR_CLI = VENV_BIN / "prisma-lint"
PY = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable

DEFAULT_SIZES = (10, 100, 1000, 10000)
VARIANTS = ("clean", "violations", "realistic")
PARSE_REPS = 3
LINT_REPS = 3

# Targets (see README.md and issue 10).
T_PARSE_MBPS = 6.0  # MB/s in-process, generated (clean) file at the largest size
T_PARSE_REAL_MBPS = 4.0  # MB/s in-process, realistic file at the largest size
T_SMALL_S = 0.10  # s, `prisma-lint FILE` on the 10-model file, whole process
T_TIME_RATIO = 0.5  # ours / theirs, every size and variant
T_MEM_RATIO = 0.25  # ours / theirs, every size and variant
T_CACHE_SPEEDUP = 5.0  # first run / repeat run on the 100-schema project
PROJECT_SCHEMAS = 100

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

# Runs one command and reports on it. argv[1]: JSON [cmd, cwd, timeout_s, stderr_file].
WRAPPER = r"""
import json, os, resource, signal, subprocess, sys, threading, time
cmd, cwd, timeout, errfile = json.loads(sys.argv[1])
res = {"rc": None, "timeout": False, "error": None}
try:
    with open(errfile, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=err, start_new_session=True)
        # A blocking wait, with a timer for the time limit: Popen.wait(timeout=...) polls with sleeps of
        # up to 50 ms, which would round every measurement up to the next poll.
        def _kill():
            res["timeout"] = True
            os.killpg(p.pid, signal.SIGKILL)
        timer = threading.Timer(timeout, _kill)
        timer.start()
        res["rc"] = p.wait()
        timer.cancel()
        res["elapsed"] = time.perf_counter() - t0
except OSError as e:
    res["error"] = f"{type(e).__name__}: {e}"
res["maxrss_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps(res))
"""

# In-process parse throughput. argv: path, reps.
PARSE_SCRIPT = r"""
import json, resource, sys, time, traceback
try:
    import prisma_lint
    path, reps = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        text = f.read()
    best = best_cpu = float("inf")
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        schema = prisma_lint.parse(text, path)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        del schema
    # This process's own peak: VmHWM belongs to the memory map exec() made. ru_maxrss would also count
    # the benchmark's own process, whose peak Linux carries over into a child through fork and exec.
    try:
        with open("/proc/self/status") as f:
            peak_kb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"best": best, "best_cpu": best_cpu, "bytes": len(text.encode("utf-8")),
                      "maxrss_kb": peak_kb}))
except BaseException as e:
    print(json.dumps({"error": "".join(traceback.format_exception_only(type(e), e)).strip()}))
"""


def log(msg: str = "") -> None:
    print(msg, flush=True)


# --------------------------------------------------------------------------- measuring


def measure(cmd: list[str], timeout: float, cwd: Path = OUT) -> dict:
    """Run `cmd` once under the wrapper; return rc, elapsed (s), peak (MiB), timeout, error."""
    fd, errfile = tempfile.mkstemp(prefix="stderr-", suffix=".txt", dir=OUT)
    os.close(fd)
    try:
        p = subprocess.run(
            [sys.executable, "-c", WRAPPER, json.dumps([cmd, str(cwd), timeout, errfile])],
            capture_output=True,
            text=True,
            timeout=timeout + 60,
        )
        try:
            res = json.loads(p.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            res = {"rc": None, "timeout": False, "error": f"wrapper failed: {p.stderr.strip()[-500:]}"}
        res["peak_mb"] = res.pop("maxrss_kb", 0) / 1024
        if res.get("error") is None and res.get("rc") not in (0, 1) and not res.get("timeout"):
            tail = Path(errfile).read_text(errors="replace").strip()[-800:]
            res["error"] = f"exit {res.get('rc')}: {tail}"
        return res
    finally:
        os.unlink(errfile)


def summarize(runs: list[dict]) -> dict:
    """Median wall time and max peak RSS over the good runs; flags timeouts and errors."""
    good = [r for r in runs if r.get("error") is None and not r.get("timeout")]
    out: dict = {"runs": len(runs), "ok": len(good)}
    if any(r.get("timeout") for r in runs):
        out["timeout"] = True
    errors = [r["error"] for r in runs if r.get("error")]
    if errors:
        out["error"] = errors[0]
    if good:
        out["s"] = statistics.median(r["elapsed"] for r in good)
        out["s_min"] = min(r["elapsed"] for r in good)
        out["s_max"] = max(r["elapsed"] for r in good)
        out["peak_mb"] = max(r["peak_mb"] for r in good)
        out["rc"] = sorted({r["rc"] for r in good})
    elif runs and all(r.get("timeout") for r in runs):
        out["peak_mb"] = max(r["peak_mb"] for r in runs)  # at the kill
    return out


# --------------------------------------------------------------------------- setup


def make_schemas(sizes: list[int]) -> dict[tuple[int, str], Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    files = {}
    for n in sizes:
        for v in VARIANTS:
            path = OUT / f"schema-{n}-{v}.prisma"
            text = generate(n, v)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            files[(n, v)] = path
    return files


_BLOCK_COMMENT = re.compile(r"/\*[\s\S]*?\*/")


def for_npm(path: Path) -> Path:
    """The file the npm tool reads: `path` itself, or for a schema with `/* */` comments a copy (beside it,
    `.npm.prisma`) where each such comment is written as `//` lines instead. prisma-lint 0.13.1's parser
    (@mrleebo/prisma-ast) has no block comments: it reads their words as schema, and fails on a comment
    such as "Review prescription: ..." (it takes the `view` in `Review` for a view block) with exit code 2.
    Prisma itself accepts block comments, so ours reads the original. The copy differs by a few bytes per
    comment."""
    text = path.read_text(encoding="utf-8")
    if "/*" not in text:
        return path

    def as_line_comments(m: re.Match) -> str:
        lines = m.group()[2:-2].split("\n")
        return "\n".join("// " + line.strip().lstrip("*").strip() for line in lines)

    copy = path.with_suffix(".npm.prisma")
    converted = _BLOCK_COMMENT.sub(as_line_comments, text)
    if not copy.exists() or copy.read_text(encoding="utf-8") != converted:
        copy.write_text(converted, encoding="utf-8")
    return copy


def compile_ours() -> None:
    """Byte-compile the package before measuring: the environment may set PYTHONDONTWRITEBYTECODE, and an
    editable install does not compile, so every measured start would otherwise compile from source."""
    subprocess.run([PY, "-m", "compileall", "-q", str(REPO / "prisma_lint")], cwd=REPO, check=False,
                   capture_output=True)


def ensure_npm() -> tuple[list[str] | None, str]:
    """Return (command prefix for the npm prisma-lint, description) or (None, why it is skipped)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        missing = " and ".join(x for x, p in (("node", node), ("npm", npm)) if not p)
        return None, f"{missing} not found on PATH"
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    pkg_json = NPM_DIR / "node_modules" / NPM_PACKAGE / "package.json"

    def installed_version() -> str | None:
        try:
            return json.loads(pkg_json.read_text())["version"]
        except (OSError, ValueError, KeyError):
            return None

    tests_copy = REPO / ".cache" / "npm-prisma-lint" / "node_modules" / NPM_PACKAGE / "package.json"
    if installed_version() != NPM_VERSION and tests_copy.is_file() and json.loads(tests_copy.read_text())["version"] == NPM_VERSION:
        pkg_json = tests_copy  # the copy the npm parity tests installed (scripts/test.sh)
    elif installed_version() != NPM_VERSION:
        log(f"installing npm {NPM_PACKAGE}@{NPM_VERSION} (cached under {_rel(NPM_DIR)}) ...")
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="npm-install-", dir=OUT))
        try:
            p = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--prefix", str(tmp), f"{NPM_PACKAGE}@{NPM_VERSION}"],
                capture_output=True,
                text=True,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            shutil.rmtree(tmp, ignore_errors=True)
            return None, "npm install timed out after 600 s"
        if p.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            return None, f"npm install failed (exit {p.returncode}): {(p.stderr or p.stdout).strip()[-800:]}"
        shutil.rmtree(NPM_DIR, ignore_errors=True)
        tmp.rename(NPM_DIR)
    if installed_version() != NPM_VERSION:
        return None, f"npm install did not produce {NPM_PACKAGE}@{NPM_VERSION}"
    cli = json.loads(pkg_json.read_text())["bin"]
    cli_path = pkg_json.parent / (cli if isinstance(cli, str) else cli[NPM_PACKAGE])
    return [node, str(cli_path)], f"{NPM_PACKAGE}@{NPM_VERSION} on node {node_version}"


def _rel(path: Path) -> str:
    path = Path(path).resolve()
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def check_ours() -> tuple[bool, str]:
    if not OUR_CLI.exists():
        return False, f"{_rel(OUR_CLI)} not found (install the project with `pip install -e .`)"
    return True, _rel(OUR_CLI)


# --------------------------------------------------------------------------- sections


def parse_section(files: dict, sizes: list[int]) -> dict[tuple[int, str], dict]:
    log("\n== parse: in-process prisma_lint.parse(text), best of %d ==" % PARSE_REPS)
    results: dict[tuple[int, str], dict] = {}
    for n, variant in [(n, v) for n in sizes for v in ("clean", "realistic")]:
        path = files[(n, variant)]
        try:
            p = subprocess.run([PY, "-c", PARSE_SCRIPT, str(path), str(PARSE_REPS)], capture_output=True, text=True,
                               cwd=REPO, timeout=1800)
            lines = p.stdout.strip().splitlines()
            r = json.loads(lines[-1]) if lines else {"error": p.stderr.strip()[-800:] or f"exit {p.returncode}"}
        except subprocess.TimeoutExpired:
            r = {"error": "timed out after 1800 s"}
        except ValueError:
            r = {"error": f"unreadable output: {p.stdout.strip()[-300:]} {p.stderr.strip()[-500:]}"}
        if "error" in r:
            log(f"  {n:>6} models {variant}: parse failed: {r['error']}")
            results[(n, variant)] = r
            continue
        r["mb"] = r["bytes"] / 1e6
        r["mbps"] = r["mb"] / r["best"] if r["best"] > 0 else float("inf")
        r["mbps_cpu"] = r["mb"] / r["best_cpu"] if r["best_cpu"] > 0 else float("inf")
        r["peak_mb"] = r.pop("maxrss_kb") / 1024
        results[(n, variant)] = r
        log(f"  {n:>6} models {variant:<10} {r['mb']:8.2f} MB  {r['best']:8.3f} s  {r['mbps']:7.2f} MB/s  "
            f"({r['mbps_cpu']:.2f} MB/s of CPU time)  peak {r['peak_mb']:.0f} MB")
    return results


def lint_section(files: dict, sizes: list[int], ours_ok: bool, theirs: list[str] | None, quick: bool,
                 timeout: float) -> dict:
    log("\n== lint: whole process, median of %d (runs interleaved) ==" % LINT_REPS)
    # --no-cache: every run does the whole work (the cache has its own section).
    ours_default = [str(OUR_CLI), "--no-cache"] if ours_ok else None
    ours_config = [str(OUR_CLI), "--no-cache", "--config", str(CONFIG)] if ours_ok else None
    their_cmd = theirs + ["-c", str(CONFIG)] if theirs else None
    modes: list[tuple[str, list[str] | None]] = [
        ("ours-default", ours_default), ("theirs", their_cmd), ("ours-config", ours_config)]
    if not any(cmd for _, cmd in modes):
        log("  nothing to run")
        return {}

    last_error: dict[str, str] = {}
    # Warm-up (page cache, .pyc files, node's compile cache), not timed.
    small = files[(sizes[0], "clean")]
    for name, cmd in modes:
        if cmd:
            r = measure(cmd + [str(small)], timeout)
            if r.get("error"):
                log(f"  warm-up {name}: {r['error']}")
                last_error[name] = r["error"]

    results: dict = {}
    for n in sizes:
        reps = 1 if (quick and n >= 10000) else LINT_REPS
        for v in VARIANTS:
            path = str(files[(n, v)])
            npm_path = str(for_npm(files[(n, v)]))
            runs: dict[str, list[dict]] = {name: [] for name, _ in modes}
            dead: set[str] = set()  # failed or timed out: not run again at this size/variant
            for _ in range(reps):
                for name, cmd in modes:
                    if cmd is None or name in dead:
                        continue
                    r = measure(cmd + [npm_path if name == "theirs" else path], timeout)
                    runs[name].append(r)
                    if r.get("error") or r.get("timeout"):
                        dead.add(name)
                        if r.get("error"):
                            same = r["error"] == last_error.get(name)
                            log(f"  {n} {v} {name}: " + ("failed (same error as above)" if same else r["error"]))
                            last_error[name] = r["error"]
                        else:
                            log(f"  {n} {v} {name}: timed out after {timeout:g} s")
            results[(n, v)] = {name: summarize(rs) for name, rs in runs.items() if rs}
            parts = []
            for name, _ in modes:
                s = results[(n, v)].get(name)
                if s:
                    parts.append(f"{name} {fmt_s(s, timeout)} / {fmt_mb(s)}")
            log(f"  {n:>6} {v:<10} " + "   ".join(parts))
    return results


# --------------------------------------------------------------------------- output


def fmt_s(s: dict | None, timeout: float) -> str:
    if not s:
        return "-"
    if "s" in s:
        return f"{s['s']:.3f}"
    if s.get("timeout"):
        return f">{timeout:g}"
    return "error"


def fmt_mb(s: dict | None) -> str:
    if not s or "peak_mb" not in s:
        return "-"
    return f"{s['peak_mb']:.0f}"


def ratio(a: dict | None, b: dict | None, key: str, timeout: float) -> tuple[str, float | None]:
    if not a or not b or key not in a:
        return "-", None
    if key == "s" and "s" not in b and b.get("timeout"):
        return f"<{a['s'] / timeout:.3f}", a["s"] / timeout  # theirs took > timeout: an upper bound
    if key not in b or not b[key]:
        return "-", None
    x = a[key] / b[key]
    return f"{x:.3f}", x


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    fmt = lambda cells: "  ".join(c.rjust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])


def fmt_range(s: dict | None, timeout: float) -> str:
    if not s or "s_min" not in s:
        return fmt_s(s, timeout)
    return f"{s['s']:.3f} ({s['s_min']:.3f}-{s['s_max']:.3f})"


def make_project(count: int) -> Path:
    """`count` realistic schemas of 10 to 49 models, one per service (services/svcNNN/prisma/)."""
    root = OUT / f"project-{count}"
    for k in range(count):
        path = root / "services" / f"svc{k:03d}" / "prisma" / "schema.prisma"
        text = generate(10 + (k * 7) % 40, "realistic").replace("// Realistic schema", f"// Service {k} schema")
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


# The CLI run in-process, its report written to a file; prints the exit code and the CPU time of this
# process and of the processes it started (`--jobs`). argv: report path, then the CLI's arguments.
CPU_SCRIPT = r"""
import json, resource, sys
from prisma_lint.cli import main
rc = main(sys.argv[2:] + ["--output-file", sys.argv[1]])
own, others = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"rc": rc, "own": own.ru_utime + own.ru_stime, "others": others.ru_utime + others.ru_stime}))
"""


def cpu_run(args: list[str], cwd: Path, timeout: float) -> tuple[str, dict]:
    """`prisma-lint ARGS` in-process (CPU_SCRIPT): its report, and the CPU seconds of the process itself
    (`own`) and of its worker processes (`others`)."""
    fd, report_file = tempfile.mkstemp(prefix="report-", suffix=".txt", dir=OUT)
    os.close(fd)
    try:
        done = subprocess.run([PY, "-c", CPU_SCRIPT, report_file, *args], cwd=cwd, capture_output=True, text=True,
                              timeout=timeout)
        try:
            figures = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            figures = {"error": done.stderr.strip()[-500:]}
        return Path(report_file).read_text(encoding="utf-8", errors="replace"), figures
    finally:
        os.unlink(report_file)


def project_section(ours_ok: bool, theirs: list[str] | None, timeout: float) -> dict:
    """The result cache and --jobs on a project of PROJECT_SCHEMAS schemas (median of 3, interleaved).

    cache: `prisma-lint FILES` (default preset, which has project-scope rules) with an empty cache, then
    again with the cache it wrote. jobs, with `--no-cache`: the default preset (project-scope rules: the
    other processes send their ASTs back) and `--config prismalintrc.json` (none: each process finishes
    its own part), each with -j 1 and with -j <cores>; outputs must be identical. Each of these four is
    also run in-process once per round for its report and its CPU time (own process / the others).
    theirs: npm prisma-lint on the same files with the same config."""
    root = make_project(PROJECT_SCHEMAS)
    size = sum(p.stat().st_size for p in root.rglob("*.prisma")) / 1e6
    cores = os.cpu_count() or 1
    log(f"\n== project: {PROJECT_SCHEMAS} schemas, {size:.2f} MB, {cores} cores ==")
    if not ours_ok:
        return {}
    cache = root / ".bench-cache"
    env_cache = {"PRISMA_LINT_CACHE_DIR": str(cache)}
    # The files named one by one, as a shell expands services/*/prisma/schema.prisma (benchmarks/out/ is
    # git-ignored, and folders skip git-ignored files).
    files = sorted(str(p.relative_to(root)) for p in root.glob("services/*/prisma/schema.prisma"))
    jobs_args = {
        "default-j1": ["--no-cache", "-j", "1", *files],
        "default-jN": ["--no-cache", "-j", str(cores), *files],
        "config-j1": ["--no-cache", "-j", "1", "--config", str(CONFIG), *files],
        "config-jN": ["--no-cache", "-j", str(cores), "--config", str(CONFIG), *files],
    }
    modes = {"first": [str(OUR_CLI), *files], "repeat": [str(OUR_CLI), *files],
             **{name: [str(OUR_CLI), *args] for name, args in jobs_args.items()}}
    if theirs:
        modes["theirs"] = theirs + ["-c", str(CONFIG), *files]
    runs: dict[str, list[dict]] = {name: [] for name in modes}
    outputs: dict[str, set[str]] = {name: set() for name in jobs_args}
    cpu: dict[str, list[dict]] = {name: [] for name in jobs_args}
    for _ in range(LINT_REPS):
        for name, cmd in modes.items():
            if name == "first":
                shutil.rmtree(cache, ignore_errors=True)
            wrapped = ["env", *(f"{k}={v}" for k, v in env_cache.items()), *cmd]
            runs[name].append(measure(wrapped, timeout, cwd=root))
            if name in jobs_args:
                output, figures = cpu_run(jobs_args[name], root, timeout)
                outputs[name].add(output)
                cpu[name].append(figures)
    results = {name: summarize(rs) for name, rs in runs.items()}
    for preset in ("default", "config"):
        results[f"{preset}-identical"] = len(outputs[f"{preset}-j1"] | outputs[f"{preset}-jN"]) == 1
    for name, figures in cpu.items():
        good = [f for f in figures if "own" in f]
        if good:
            best = min(good, key=lambda f: f["own"])
            results[name]["cpu_own"], results[name]["cpu_others"] = best["own"], best["others"]
            results[name]["cpu_own_range"] = (min(f["own"] for f in good), max(f["own"] for f in good))
    for name in modes:
        res = results[name]
        line = f"  {name:<10} {fmt_range(res, timeout)} s  peak {fmt_mb(res)} MB"
        if "cpu_own" in res:
            low, high = res["cpu_own_range"]
            line += f"  CPU: this process {low:.2f}-{high:.2f} s, the others {res['cpu_others']:.2f} s"
        log(line)
    for preset in ("default", "config"):
        log(f"  {preset}: -j 1 and -j {cores} outputs identical: {results[f'{preset}-identical']}")
    log("  (CPU: in-process runs, min-max of this process's own CPU time; the others: its worker processes,"
        " in the run with the least; with -j N, this process's CPU time bounds the wall time on idle cores from below)")
    return results


def report(sizes, parse_res, lint_res, project_res, timeout, theirs_desc) -> list[str]:
    failures: list[str] = []
    checks: list[tuple[str, bool | None, str]] = []

    log("\n== parse (in-process, best of 3) ==")
    rows = []
    for n in sizes:
        for v in ("clean", "realistic"):
            p = parse_res.get((n, v), {})
            rows.append([str(n), v, f"{p['mb']:.2f}" if "mb" in p else "-",
                         f"{p['mbps']:.2f}" if "mbps" in p else ("error" if "error" in p else "-"),
                         f"{p['mbps_cpu']:.2f}" if "mbps_cpu" in p else "-",
                         f"{p['peak_mb']:.0f}" if "peak_mb" in p else "-"])
    log(table(["models", "variant", "MB", "parse MB/s", "MB/s of CPU time", "parse peak MB"], rows))
    log("(CPU time: the process's own, which other processes on a loaded machine do not inflate)")

    log(f"\n== lint, whole process (theirs: {theirs_desc}) ==")
    rows = []
    for n in sizes:
        for v in VARIANTS:
            res = lint_res.get((n, v), {})
            th = res.get("theirs")
            for mode in ("ours-default", "ours-config"):
                ours = res.get(mode)
                rt, _ = ratio(ours, th, "s", timeout)
                rm, _ = ratio(ours, th, "peak_mb", timeout)
                rows.append([str(n), v, mode.split("-")[1], fmt_range(ours, timeout), fmt_range(th, timeout), rt,
                             fmt_mb(ours), fmt_mb(th), rm,
                             ",".join(map(str, ours.get("rc", []))) or "-" if ours else "-",
                             ",".join(map(str, th.get("rc", []))) or "-" if th else "-"])
    log(table(["models", "variant", "ours", "ours s (min-max)", "theirs s (min-max)", "ratio", "our peak MB",
               "their peak MB", "ratio", "our rc", "their rc"], rows))
    log("(ours: `prisma-lint --no-cache FILE` (default) / `... --config benchmarks/prismalintrc.json FILE` (config);"
        " theirs: npm prisma-lint -c benchmarks/prismalintrc.json FILE; s: median of the runs (min-max);"
        " ratio = ours / theirs of the medians; rc: exit codes seen, 0 clean, 1 findings)")

    # Targets.
    big, small = max(sizes), min(sizes)
    for v, target in (("clean", T_PARSE_MBPS), ("realistic", T_PARSE_REAL_MBPS)):
        p = parse_res.get((big, v), {})
        checks.append((f"parse >= {target} MB/s ({v}, {big} models)", p["mbps"] >= target if "mbps" in p else None,
                       f"{p['mbps']:.2f} MB/s ({p['mbps_cpu']:.2f} MB/s of CPU time)" if "mbps" in p
                       else "not measured"))
    if small == 10:
        cli = lint_res.get((small, "clean"), {}).get("ours-default")
        th = lint_res.get((small, "clean"), {}).get("theirs")
        checks.append((f"start-up: prisma-lint FILE <= {T_SMALL_S} s at 10 models",
                       cli["s"] <= T_SMALL_S if cli and "s" in cli else None,
                       (f"{fmt_range(cli, timeout)} s (npm: {fmt_range(th, timeout)} s)") if cli and "s" in cli
                       else "not measured"))
    for n in sizes:
        for v in VARIANTS:
            res = lint_res.get((n, v), {})
            for mode in ("ours-default", "ours-config"):
                _, rt = ratio(res.get(mode), res.get("theirs"), "s", timeout)
                _, rm = ratio(res.get(mode), res.get("theirs"), "peak_mb", timeout)
                checks.append((f"time ratio <= {T_TIME_RATIO} ({n} {v} {mode})",
                               None if rt is None else rt <= T_TIME_RATIO, "-" if rt is None else f"{rt:.3f}"))
                checks.append((f"memory ratio <= {T_MEM_RATIO} ({n} {v} {mode})",
                               None if rm is None else rm <= T_MEM_RATIO, "-" if rm is None else f"{rm:.3f}"))
    first, repeat = project_res.get("first"), project_res.get("repeat")
    if first and repeat and "s" in first and "s" in repeat:
        speedup = first["s"] / repeat["s"]
        checks.append((f"cache: first / repeat run >= {T_CACHE_SPEEDUP}x ({PROJECT_SCHEMAS} schemas)",
                       speedup >= T_CACHE_SPEEDUP, f"{speedup:.1f}x ({first['s']:.3f} s -> {repeat['s']:.3f} s)"))
    for preset in ("default", "config"):
        j1, jn = project_res.get(f"{preset}-j1"), project_res.get(f"{preset}-jN")
        if j1 and jn and "s" in j1 and "s" in jn:
            cpu = (f"; CPU of the first process {j1['cpu_own']:.2f} -> {jn['cpu_own']:.2f} s "
                   f"({j1['cpu_own'] / jn['cpu_own']:.2f}x)") if "cpu_own" in j1 and "cpu_own" in jn else ""
            checks.append((f"parallel ({preset}): -j {os.cpu_count()} reports what -j 1 does ({PROJECT_SCHEMAS} schemas)",
                           project_res.get(f"{preset}-identical"),
                           f"-j 1 {j1['s']:.3f} s, -j {os.cpu_count()} {jn['s']:.3f} s ({j1['s'] / jn['s']:.2f}x){cpu}"))

    log("\n== targets ==")
    unmeasured = 0
    for what, ok, value in checks:
        if ok is None:
            unmeasured += 1
            continue
        log(f"  {'PASS' if ok else 'FAIL'}  {what}: {value}")
        if not ok:
            failures.append(what)
    if unmeasured:
        log(f"  ({unmeasured} of {len(checks)} targets not measured: a tool was missing, failed or timed out)")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark prisma-lint against the npm prisma-lint 0.13.1.")
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                    help="comma-separated model counts (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="one lint run instead of three at >= 10,000 models")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per lint run (default: %(default)s)")
    ap.add_argument("--no-npm", action="store_true", help="do not install or run the npm prisma-lint")
    ap.add_argument("--no-project", action="store_true", help="skip the cache and --jobs section")
    ap.add_argument("--parse-only", action="store_true", help="only the in-process parse section")
    ap.add_argument("--project-schemas", type=int, default=PROJECT_SCHEMAS,
                    help="schemas in the cache and --jobs project (default: %(default)s)")
    ap.add_argument("--json", default=str(OUT / "results.json"), help="where to write the figures")
    ap.add_argument("--ours", default=str(OUR_CLI), help="our console script (default: %(default)s)")
    args = ap.parse_args(argv)
    globals()["OUR_CLI"] = Path(args.ours)
    globals()["PROJECT_SCHEMAS"] = args.project_schemas
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        ap.error("--sizes takes comma-separated integers")
    if not sizes or sizes[0] < 1:
        ap.error("--sizes needs positive integers")

    t_start = time.time()
    log(f"prisma-lint benchmarks  {time.strftime('%Y-%m-%d %H:%M:%S')}  {platform.platform()}  "
        f"{os.cpu_count()} CPUs  python {platform.python_version()} ({PY})")
    files = make_schemas(sizes)
    for n in sizes:
        log(f"  schema {n:>6} models: " + ", ".join(
            f"{v} {files[(n, v)].stat().st_size / 1e6:.2f} MB" for v in VARIANTS))

    if args.no_npm:
        theirs, theirs_desc = None, "--no-npm given"
    else:
        theirs, theirs_desc = ensure_npm()
    if theirs is None:
        log(f"npm prisma-lint: skipped: {theirs_desc}")
        theirs_desc = f"skipped: {theirs_desc}"
    else:
        log(f"npm prisma-lint: {theirs_desc}")
    ours_ok, ours_desc = check_ours()
    compile_ours()
    log(f"our prisma-lint: {ours_desc}")

    parse_res = parse_section(files, sizes)
    if args.parse_only:
        report(sizes, parse_res, {}, {}, args.timeout, theirs_desc)
        return 0
    lint_res = lint_section(files, sizes, ours_ok, theirs, args.quick, args.timeout)
    project_res = {} if args.no_project else project_section(ours_ok, theirs, args.timeout)
    failures = report(sizes, parse_res, lint_res, project_res, args.timeout, theirs_desc)

    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({
        "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "theirs": theirs_desc,
        "ours": ours_desc,
        "timeout_s": args.timeout,
        "quick": args.quick,
        "parse": {f"{n}-{v}": r for (n, v), r in parse_res.items()},
        "project": project_res,
        "lint": {f"{n}-{v}": r for (n, v), r in lint_res.items()},
        "failed_targets": failures,
    }, indent=2) + "\n")
    log(f"\nfigures written to {_rel(Path(args.json))}; total {time.time() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
