"""Benchmark: replaying and checking 500 generated migrations (target: under 5 s).

    .venv/bin/python benchmarks/migrations.py [--migrations 500] [--runs 3]

Generates a service (benchmarks/out/migrations/) whose 500 migrations, in groups of five per table (create
enum + table + foreign key + index, add a column, index it, add an enum value, a batched DO-block data
migration), each with its rollback script, build exactly its schema. Then measures, in the same run:

  ours        `prisma-lint --no-cache --select migrations SCHEMA` as a whole process: every migration and rollback
              parsed, replayed, checked by PL501-PL513, drift compared (min and max over the runs)
  parse only  pglast parsing the same files in-process, nothing else (the floor any SQL checker pays)
  PostgreSQL  the same migrations applied by a real PostgreSQL in one connection, each in a transaction,
              when its binaries are on the machine (what `prisma migrate deploy` would spend; a throwaway
              cluster, started outside the timing)

and prints the figures with the ratios against the two peers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "migrations"


def generate(count: int) -> Path:
    """Write the service; return its schema file."""
    import shutil

    shutil.rmtree(OUT, ignore_errors=True)
    migrations = OUT / "prisma" / "migrations"
    (migrations / "rollbacks").mkdir(parents=True)
    (migrations / "migration_lock.toml").write_text('provider = "postgresql"\n')
    tables = (count + 4) // 5
    models, enums = [], []
    for k in range(tables):
        steps = count - 5 * k  # how many of this table's five migrations exist
        extra = "  extra     String?\n" if steps > 1 else ""
        parent = (f"  parentId  String?\n  parent    T{k - 1}? @relation(fields: [parentId], references: [id], "
                  f"onDelete: SetNull)\n") if k else ""
        child = f"  children  T{k + 1}[]\n" if k + 1 < tables else ""
        indexes = ("  @@index([parentId])\n" if k else "") + ("  @@index([extra])\n" if steps > 2 else "")
        models.append(f"model T{k} {{\n  id        String   @id @default(uuid())\n  name      String?\n"
                      f"  status    S{k}      @default(a)\n{extra}{parent}{child}"
                      f"  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n\n{indexes}}}\n")
        values = "a\n  b" + ("\n  c" if steps > 3 else "")
        enums.append(f"enum S{k} {{\n  {values}\n}}\n")
    (OUT / "prisma" / "schema.prisma").write_text(
        'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'
        + "\n".join(enums) + "\n" + "\n".join(models))
    for i in range(count):
        k, step = divmod(i, 5)
        stamp = f"2025{1 + i // 28000:02d}{1 + (i // 1000) % 28:02d}{(i // 100) % 24:02d}{(i // 10) % 60:02d}{i % 60:02d}"
        stamp = f"20250101{i // 3600:02d}{(i // 60) % 60:02d}{i % 60:02d}"
        name, sql, undo = _step(k, step)
        folder = f"{stamp}_{name}"
        (migrations / folder).mkdir()
        (migrations / folder / "migration.sql").write_text(sql)
        (migrations / "rollbacks" / f"{stamp}_rollback.sql").write_text(
            f"-- Rollback for: {folder}\n{undo}DELETE FROM \"_prisma_migrations\" WHERE migration_name = '{folder}';\n")
    return OUT / "prisma" / "schema.prisma"


def _step(k: int, step: int) -> tuple[str, str, str]:
    t = f'"T{k}"'
    if step == 0:
        fk = (f'ALTER TABLE {t} ADD COLUMN "parentId" TEXT;\nCREATE INDEX "T{k}_parentId_idx" ON {t}("parentId");\n'
              f'ALTER TABLE {t} ADD CONSTRAINT "T{k}_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "T{k - 1}"("id") '
              "ON DELETE SET NULL ON UPDATE CASCADE;\n") if k else ""
        sql = (f"CREATE TYPE \"S{k}\" AS ENUM ('a', 'b');\n"
               f'CREATE TABLE {t} (\n    "id" TEXT NOT NULL,\n    "name" TEXT,\n    "status" "S{k}" NOT NULL DEFAULT \'a\',\n'
               f'    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "updatedAt" TIMESTAMP(3) NOT NULL,\n\n'
               f'    CONSTRAINT "T{k}_pkey" PRIMARY KEY ("id")\n);\n' + fk)
        undo = (f'ALTER TABLE {t} DROP CONSTRAINT IF EXISTS "T{k}_parentId_fkey";\n' if k else "") + \
            f'DROP TABLE IF EXISTS {t};\nDROP TYPE IF EXISTS "S{k}";\n'
        return f"create_t{k}", sql, undo
    if step == 1:
        return f"add_t{k}_extra", f'ALTER TABLE {t} ADD COLUMN "extra" TEXT;\n', \
            f'ALTER TABLE {t} DROP COLUMN IF EXISTS "extra";\n'
    if step == 2:
        return f"add_index_on_t{k}_extra", f'CREATE INDEX "T{k}_extra_idx" ON {t}("extra");\n', \
            f'DROP INDEX IF EXISTS "T{k}_extra_idx";\n'
    if step == 3:  # an enum value cannot be removed: the rollback recreates the type without it
        return f"alter_s{k}_add_c", f"ALTER TYPE \"S{k}\" ADD VALUE 'c';\n", (
            f'ALTER TABLE {t} ALTER COLUMN "status" DROP DEFAULT;\nALTER TYPE "S{k}" RENAME TO "S{k}_old";\n'
            f"CREATE TYPE \"S{k}\" AS ENUM ('a', 'b');\n"
            f'ALTER TABLE {t} ALTER COLUMN "status" TYPE "S{k}" USING ("status"::text::"S{k}");\n'
            f"ALTER TABLE {t} ALTER COLUMN \"status\" SET DEFAULT 'a';\nDROP TYPE \"S{k}_old\";\n")
    return f"migrate_t{k}_extra", (
        "DO $$\nDECLARE\n    batch_size INT := 1000;\n    row_count INT;\nBEGIN\n    LOOP\n"
        f'        UPDATE {t} SET "extra" = "name"\n        WHERE id IN (SELECT id FROM {t} WHERE "extra" IS NULL '
        "AND \"name\" IS NOT NULL ORDER BY id LIMIT batch_size);\n"
        "        GET DIAGNOSTICS row_count = ROW_COUNT;\n        EXIT WHEN row_count = 0;\n    END LOOP;\nEND $$;\n"), ""


def _ours(schema: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process, its summary line). On a shared machine the wall time
    includes waiting for a core; the CPU time does not."""
    import resource

    exe = ROOT / ".venv" / "bin" / "prisma-lint"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # --no-cache: every run does the whole work (the result cache would answer a repeated run).
    done = subprocess.run([str(exe), "--no-cache", "--select", "migrations", str(schema)], capture_output=True,
                          text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr


def _parse_only(schema: Path) -> float:
    import pglast

    files = sorted((schema.parent / "migrations").rglob("*.sql"))
    start = time.perf_counter()
    for path in files:
        pglast.parse_sql(path.read_text())
    return time.perf_counter() - start


def _postgres(schema: Path) -> float | None:
    sys.path.insert(0, str(ROOT))
    from prisma_lint.migrations.cluster import Cluster, find_binaries
    from prisma_lint.migrations.live import connect

    if find_binaries() is None:
        return None
    folders = sorted(p for p in (schema.parent / "migrations").iterdir() if p.is_dir() and p.name != "rollbacks")
    with Cluster() as cluster:
        with connect(cluster.conninfo, autocommit=True) as conn:
            start = time.perf_counter()
            for folder in folders:
                with conn.transaction():
                    conn.execute((folder / "migration.sql").read_text())
            return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrations", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    schema = generate(args.migrations)
    ours, cpus = [], []
    for _ in range(args.runs):
        seconds, cpu, summary = _ours(schema)
        ours.append(seconds)
        cpus.append(cpu)
    print(f"{args.migrations} migrations + {args.migrations} rollbacks ({schema.parent / 'migrations'})")
    print(f"  lint result: {summary}")
    print(f"  load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  ours (whole process, PL501-PL513): wall min {min(ours):.2f} s, max {max(ours):.2f} s; CPU min "
          f"{min(cpus):.2f} s, max {max(cpus):.2f} s over {args.runs} runs"
          f"  -> target < 5 s: {'met' if max(ours) < 5 else 'NOT met'} (wall)")
    parse = min(_parse_only(schema) for _ in range(args.runs))
    print(f"  parse only (pglast, in-process):  {parse:.2f} s   ours / parse only = {min(ours) / parse:.1f}x")
    live = _postgres(schema)
    if live is None:
        print("  PostgreSQL: skipped (initdb/pg_ctl not installed)")
    else:
        print(f"  PostgreSQL applying the migrations: {live:.2f} s   ours / PostgreSQL = {min(ours) / live:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
