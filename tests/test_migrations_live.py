"""The migrations on a real PostgreSQL: one throwaway cluster for the session (initdb + pg_ctl on a Unix
socket in a temporary folder, removed at the end). The offline replay and the live catalog must agree on
every service of the example platform, after the migrations and after each rollback; `verify-migrations`
reports exactly the platform's planted migration defects; an interrupted run leaves no cluster behind.

Skipped only where PostgreSQL's binaries are not installed (`.ci/run` installs Debian's `postgresql`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from prisma_lint.migrations.analysis import analyse_service
from prisma_lint.migrations.cluster import Cluster, find_binaries
from prisma_lint.migrations.model import compare

ROOT = Path(__file__).resolve().parents[1]
SERVICES = sorted(p for p in (ROOT / "fixtures" / "platform" / "services").iterdir() if p.is_dir())

pytestmark = pytest.mark.skipif(find_binaries() is None,
                                reason="PostgreSQL's initdb and pg_ctl are not installed (.ci/run installs Debian's "
                                       "postgresql)")


@pytest.fixture(scope="session")
def cluster():
    with Cluster() as started:
        yield started


def _service(folder: Path):
    from prisma_lint.migrations.verify_cli import _services

    [(service, schema)] = _services([str(folder)])
    return service, schema


@pytest.mark.parametrize("folder", SERVICES, ids=lambda p: p.name)
def test_offline_replay_and_live_catalog_agree(cluster, folder: Path) -> None:
    from prisma_lint.migrations.live import verify_service

    service, schema = _service(folder)
    offline = analyse_service(service, schema)
    live = verify_service(service, schema, cluster.conninfo)
    assert live.applied == len(offline.runs)
    assert compare(offline.final, live.catalog) == [], "the replay and PostgreSQL built different databases"
    # Live, the rollbacks run newest first, each from the state the previous one left; offline, each from
    # right after its migration. The states are comparable while every newer rollback undid its migration.
    for run, after in zip(reversed(offline.runs), live.after_rollbacks):
        assert compare(run.after_rollback, after) == [], f"rollback of {run.migration.name}"
        if compare(run.before, run.after_rollback):
            break
    def words(differences) -> list[tuple[str, ...]]:
        return [(d.change, d.what, d.name, d.detail) for d in differences]

    assert words(compare(offline.expected, offline.final)) == words(compare(offline.expected, live.catalog))


def _verify(*args: str, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prisma_lint", "verify-migrations", *args], capture_output=True,
                          text=True, env=env, timeout=300, **kwargs)


def test_verify_migrations_reports_the_platforms_planted_defects(cluster) -> None:
    done = _verify(*map(str, SERVICES), "--database-url", cluster.conninfo)
    assert done.returncode == 1, done.stderr
    problems = [line.split(": ", 1)[0].split("/services/", 1)[1] + ": " + line.split(": ", 2)[1]
                for line in done.stdout.splitlines() if "/services/" in line]
    assert problems == [
        "auth-service/prisma/schema.prisma:177:3: drift",
        "mental-health-service/prisma/migrations/rollbacks/20241224090000_rollback.sql:1:1: rollback",
        # The table the rollback left is still there when its migration is applied again.
        "mental-health-service/prisma/migrations/20241224090000_create_safety_plan_review/migration.sql:2:1: redeploy",
    ], done.stdout
    assert "Does not drop table `SafetyPlanReview`" in done.stdout
    assert "relation \"SafetyPlanReview\" already exists" in done.stdout
    assert "telehealth-service: 2 migration(s) applied, 2 rolled back, 2 re-applied: ok" in done.stdout
    assert ("pharmacy-service: 1 migration(s) applied, 0 rolled back (`20241222120300_initial_schema` has no "
            "rollback script), 0 re-applied: ok") in done.stdout
    # Rolling back stops at the rollback that did not undo its migration: older ones expect another state.
    assert "mental-health-service: 3 migration(s) applied, 1 rolled back, 0 re-applied: 2 problem(s)" in done.stdout
    # No database of the run is left on the server.
    from prisma_lint.migrations.live import connect

    with connect(cluster.conninfo) as conn:
        names = [row[0] for row in conn.execute("SELECT datname FROM pg_database").fetchall()]
    assert [n for n in names if n.startswith("prisma_lint_verify_")] == []


def test_failing_migration_is_reported_at_its_line(cluster, tmp_path: Path) -> None:
    from migration_service import write_service

    write_service(tmp_path / "svc", "model A {\n  id String @id\n}\n", {
        "20241222120000_create_a/migration.sql": 'CREATE TABLE "A" ("id" TEXT NOT NULL, CONSTRAINT "A_pkey" PRIMARY KEY ("id"));\n'
                                                 'ALTER TABLE "A" ADD COLUMN "b" NOSUCHTYPE;\n'})
    done = _verify(str(tmp_path / "svc"), "--database-url", cluster.conninfo)
    assert done.returncode == 1
    assert "20241222120000_create_a/migration.sql:2:32: apply: PostgreSQL refused this: type \"nosuchtype\" does " \
           "not exist" in done.stdout, done.stdout


def _postgres_processes_using(folder: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if folder in command:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_interrupted_run_removes_its_cluster(signum) -> None:
    process = subprocess.Popen([sys.executable, "-m", "prisma_lint", "verify-migrations", *map(str, SERVICES)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("Started a throwaway PostgreSQL cluster in "), line + process.stderr.read()
        folder = line.rsplit(" ", 1)[1].strip()
        assert Path(folder).is_dir() and _postgres_processes_using(folder)
        # At once: the whole verification of eight services is still ahead. (A 0.5 s sleep here let a
        # loaded machine finish the run before the signal arrived: exit 1, not an interruption.)
        process.send_signal(signum)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    # 130 is the command's own exit code for an interruption; on a loaded machine a SIGINT was once seen to
    # end the interpreter itself (-2) after the clean-up ran. What matters is that nothing is left behind.
    assert process.returncode in (130, -signal.SIGINT), process.stderr.read()
    assert not Path(folder).exists()
    assert _postgres_processes_using(folder) == []


def test_without_postgresql_it_says_so_and_exits_2(monkeypatch, capsys, tmp_path: Path) -> None:
    from migration_service import write_service
    from prisma_lint.migrations import cluster as cluster_module
    from prisma_lint.migrations.verify_cli import main

    write_service(tmp_path / "svc", "", {"20241222120000_init/migration.sql": "SELECT 1;\n"})
    monkeypatch.setattr(cluster_module, "find_binaries", lambda: None)
    assert main([str(tmp_path / "svc")]) == 2
    assert "initdb and pg_ctl are not on this machine" in capsys.readouterr().err


def _clean_drift_cases():
    import tomllib

    data = tomllib.loads((ROOT / "rules" / "cases" / "PL510.toml").read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in data["cases"] if not case.get("violations")]


@pytest.mark.parametrize("case", _clean_drift_cases())
def test_clean_drift_cases_are_clean_on_postgresql_too(cluster, case, tmp_path: Path) -> None:
    """PL510's clean cases (enums, maps, arrays, defaults, implicit many-to-many join tables): the
    offline replay finds no drift, and neither does the live catalog."""
    from migration_service import write_service
    from prisma_lint.migrations.live import verify_service

    write_service(tmp_path / "svc", case["schema"], case["migrations"])
    service, schema = _service(tmp_path / "svc")
    offline = analyse_service(service, schema)
    assert compare(offline.expected, offline.final) == []
    live = verify_service(service, schema, cluster.conninfo)
    assert live.findings == [] and compare(offline.final, live.catalog) == []
