"""Platform benchmarks: what the project view (issue 6) costs.

1. Linearity: 200 generated services of 50 models each, linted as one project (one `lint_paths` call,
   every platform rule on), against the same 200 schemas linted one by one (200 `lint_paths` calls of
   one schema each, so no cross-service work). Target: the project run takes under 3x the one-by-one
   total.
2. Overhead on the example platform (`fixtures/platform/services`, eight services): a lint run with the
   strategy preset against the same run with the `platform` rules (PL601-PL608) switched off. Target:
   the project checks add at most 20%.

Both are measured in one process (warm: parser tables built, rule modules imported) in CPU time of the
process (the machine is shared: wall-clock time would measure the neighbours), best of `--runs`
repetitions, min-max printed. The command-line equivalents are timed too (one run each, start-up
included) for reference.

    .venv/bin/python benchmarks/services.py [--services 200] [--models 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "services"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from prisma_lint import lint_paths  # noqa: E402
from prisma_lint.config import config_from_dict  # noqa: E402

_DECLARATION = re.compile(r"^(?:model|enum) (\w+)", re.MULTILINE)


def service_schema(k: int, models: int) -> tuple[str, list[str]]:
    """A generated schema whose model and enum names are its own (suffix `S<k>`), plus a model that
    holds ids of two earlier services' models (the cross-service references the graph infers)."""
    text = generate(models, "clean")
    names = sorted(set(_DECLARATION.findall(text)), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    text = pattern.sub(lambda m: f"{m.group(1)}S{k}", text)
    return text, [f"{n}S{k}" for n in sorted(names) if not n.endswith("State")]


def write_platform(folder: Path, services: int, models: int) -> list[Path]:
    paths = []
    owned: list[list[str]] = []
    for k in range(services):
        text, names = service_schema(k, models)
        targets = sorted({j for j in (k - 1, k // 2) if 0 <= j < k})
        if targets:
            lines = [f"model Link{k} {{", "  id        String   @id @default(uuid())"]
            for j in targets:
                field = owned[j][0][:1].lower() + owned[j][0][1:] + "Id"
                lines.append(f"  {field} String")
            lines += ["  createdAt DateTime @default(now())", "  updatedAt DateTime @updatedAt"]
            lines += [f"  @@index([{owned[j][0][:1].lower() + owned[j][0][1:]}Id])" for j in targets]
            text += "\n" + "\n".join(lines) + "\n}\n"
        owned.append(names)
        path = folder / f"service-{k:03d}" / "prisma" / "schema.prisma"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def best(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times), max(times)


def cli(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "prisma-lint"), *args], capture_output=True, check=False)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Platform benchmarks (issue 6).")
    ap.add_argument("--services", type=int, default=200)
    ap.add_argument("--models", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    strategy = config_from_dict({})
    no_platform = config_from_dict({"ignore": ["platform"]})

    # 1. Linearity
    folder = OUT / f"{args.services}x{args.models}"
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    paths = write_platform(folder, args.services, args.models)
    lint_paths([paths[0]], strategy)  # warm up: parser tables, rule modules
    result = lint_paths([folder], strategy)
    edges = result.project.graph.graph.number_of_edges()
    project_time = best(lambda: lint_paths([folder], strategy), args.runs)
    single_time = best(lambda: [lint_paths([p], strategy) for p in paths], args.runs)
    ratio = project_time[0] / single_time[0]
    print(f"{args.services} services x {args.models} models ({len(result.diagnostics)} findings, {edges} "
          f"dependency edges):")
    print(f"  as one project   {project_time[0]:7.2f} s (min-max {project_time[0]:.2f}-{project_time[1]:.2f})")
    print(f"  one by one       {single_time[0]:7.2f} s (min-max {single_time[0]:.2f}-{single_time[1]:.2f})")
    print(f"  ratio            {ratio:7.2f}x  (target < 3x: {'met' if ratio < 3 else 'NOT met'})")

    # 2. Overhead on the example platform
    services = ROOT / "fixtures" / "platform" / "services"
    lint_paths([services], strategy)
    with_rules = best(lambda: lint_paths([services], strategy), max(args.runs, 5))
    without = best(lambda: lint_paths([services], no_platform), max(args.runs, 5))
    overhead = with_rules[0] / without[0] - 1
    print("example platform (8 services):")
    print(f"  strategy preset          {with_rules[0] * 1000:7.0f} ms (min-max {with_rules[0] * 1000:.0f}-"
          f"{with_rules[1] * 1000:.0f})")
    print(f"  without platform rules   {without[0] * 1000:7.0f} ms (min-max {without[0] * 1000:.0f}-"
          f"{without[1] * 1000:.0f})")
    print(f"  overhead                 {overhead * 100:6.1f} %  (target <= 20%: {'met' if overhead <= 0.2 else 'NOT met'})")
    cli_with = cli([str(services), "--format", "markdown"])
    cli_without = cli([str(services), "--format", "markdown", "--ignore", "platform"])
    print(f"  command line, markdown   {cli_with:.2f} s with, {cli_without:.2f} s without (one run each, start-up "
          "included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
