"""Line-shape statistics of Prisma schemas, to check that `generate.py --variant realistic` looks like real
schemas (run it on public schemas you have checked out; do not commit them here).

    python benchmarks/schema_stats.py path/to/schema.prisma [more.prisma ...]

One column per file: size, blocks, fields per model, how fields carry attributes, comment density,
enum sizes, alignment, and how often lines (and their token-type shapes) repeat, which is what decides
how much a tokenizer's line cache can save.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisma_lint import parse  # noqa: E402

_SHAPE = re.compile(r'"(?:[^"\\]|\\.)*"|@@?[\w.]+|[\w.-]+|\S')


def _shape(line: str) -> str:
    out = []
    for token in _SHAPE.findall(line.strip()):
        if token.startswith('"'):
            out.append("S")
        elif token.startswith("@"):
            out.append(token)  # attribute names are part of a line's shape
        elif token[0].isalnum() or token[0] in "_-":
            out.append("N")
        else:
            out.append(token)
    return " ".join(out)


def stats(text: str) -> dict[str, str]:
    schema = parse(text)
    lines = text.splitlines()
    nonblank = [line for line in lines if line.strip()]
    models = [*schema.models, *schema.views, *schema.types]
    fields = [f for m in models for f in m.fields]
    attrs = [len(f.attributes) for f in fields]
    code = [line for line in nonblank if not line.strip().startswith("//")]
    field_lines = [line for line in code if re.match(r"\s+\w+\s+\w", line) and not line.strip().startswith("@")]
    aligned = sum(1 for line in field_lines if re.match(r"\s+\w+\s{2,}\S", line))
    enum_sizes = [len(e.values) for e in schema.enums] or [0]
    pct = lambda part, whole: f"{100 * part / max(whole, 1):.0f}%"  # noqa: E731
    return {
        "KB": f"{len(text.encode()) / 1000:.0f}",
        "models / views / types / enums": f"{len(schema.models)}/{len(schema.views)}/{len(schema.types)}/{len(schema.enums)}",
        "bytes per model": f"{len(text.encode()) / max(len(models), 1):.0f}",
        "fields per model (median, max)": f"{statistics.median([len(m.fields) for m in models] or [0]):.0f}, "
                                          f"{max([len(m.fields) for m in models] or [0])}",
        "fields with 0 / 1 / 2 / 3+ attributes": "/".join(
            pct(sum(1 for a in attrs if (a == k if k < 3 else a >= 3)), len(attrs)) for k in range(4)),
        "optional / list fields": f"{pct(sum(f.optional for f in fields), len(fields))}/"
                                  f"{pct(sum(f.list for f in fields), len(fields))}",
        "@relation / @map / @db.* / @default on fields": "/".join(
            pct(sum(1 for f in fields if any(a.name == n or a.name.startswith(n + ".") for a in f.attributes)),
                len(fields)) for n in ("relation", "map", "db", "default")),
        "block attributes per model": f"{sum(len(m.attributes) for m in models) / max(len(models), 1):.1f}",
        "blank lines": pct(len(lines) - len(nonblank), len(lines)),
        "// lines / /// lines / trailing comments": "/".join([
            pct(sum(1 for s in nonblank if s.strip().startswith("//") and not s.strip().startswith("///")), len(nonblank)),
            pct(sum(1 for s in nonblank if s.strip().startswith("///")), len(nonblank)),
            pct(sum(1 for s in code if "//" in s), len(nonblank))]),
        "enum values (median, max)": f"{statistics.median(enum_sizes):.0f}, {max(enum_sizes)}",
        "aligned field lines": pct(aligned, len(field_lines)),
        "distinct lines / lines": pct(len({s.strip() for s in nonblank}), len(nonblank)),
        "distinct shapes / lines": pct(len({_shape(s) for s in nonblank}), len(nonblank)),
    }


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    columns = {Path(p).name: stats(Path(p).read_text(encoding="utf-8")) for p in argv}
    keys = list(next(iter(columns.values())))
    width = max(map(len, keys))
    print(" " * width + "".join(f"  {name[:16]:>16}" for name in columns))
    for key in keys:
        print(f"{key:<{width}}" + "".join(f"  {column[key]:>16}" for column in columns.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
