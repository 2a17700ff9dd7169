"""`prisma-lint verify-migrations SERVICE_DIRS... [--database-url URL]`.

Without `--database-url`, a throwaway cluster is started (and removed afterwards, also on Ctrl-C or
SIGTERM) when PostgreSQL's binaries are on the machine; else the command says so and exits 2. With it,
each service gets a database of its own, created and dropped by this command: no other database on that
server is touched. Exit codes: 0 every service verified, 1 a problem found, 2 usage or setup error.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Optional, Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    from prisma_lint.cli import _Parser

    parser = _Parser(prog="prisma-lint verify-migrations",
                     description="Apply each service's migrations, rollbacks and migrations again on a real "
                                 "PostgreSQL, comparing the catalog with the schema after the migrations and with "
                                 "the state before each migration after its rollback.")
    parser.add_argument("services", nargs="+", metavar="SERVICE_DIR",
                        help="service folders (each holding prisma/schema.prisma and prisma/migrations/), or schema files")
    parser.add_argument("--database-url", metavar="URL",
                        help="a PostgreSQL server to use (a database is created and dropped there for each service); "
                             "default: a throwaway cluster started for this run")
    return parser


def _services(paths: list[str]):
    """(migrations, schema) of each service the paths stand for, as the project finds them."""
    from prisma_lint.migrations.service import from_project
    from prisma_lint.parser import PrismaSyntaxError
    from prisma_lint.parser.parser import parse_texts, read_schema_file
    from prisma_lint.project import InputError, SchemaUnit, build_project, discover

    found = []
    for service in build_project(discover(paths)).services:
        texts = {str(p): read_schema_file(p) for p in service.schema_files}
        try:
            schema = parse_texts(texts)
        except PrismaSyntaxError as error:
            problem = error.errors[0]
            raise InputError(f"{problem.path}:{problem.line}:{problem.column}: {problem.message}") from None
        service.units.append(SchemaUnit(str(service.schema_files[0]), schema, texts, service.name))
        found.append((from_project(service), schema))
    return found


def _raise_interrupt(signum, frame):  # SIGTERM/SIGHUP end the run like Ctrl-C: the cluster is cleaned up
    raise KeyboardInterrupt


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    from prisma_lint.project import InputError

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupt)
    try:
        services = _services(args.services)
    except InputError as error:
        print(f"prisma-lint: {error}", file=sys.stderr)
        return 2
    checked = []
    for service, schema in services:
        if service.folder is None:
            print(f"{service.name}: skipped: no migrations folder beside {service.schema_path}")
        elif not service.is_postgres:
            print(f"{service.name}: skipped: the `{service.provider}` provider is not PostgreSQL")
        else:
            checked.append((service, schema))
    if not checked:
        return 0
    cluster = None
    try:
        conninfo = args.database_url
        if conninfo is None:
            from prisma_lint.migrations.cluster import Cluster, ClusterError, find_binaries

            if find_binaries() is None:
                print("prisma-lint: PostgreSQL's initdb and pg_ctl are not on this machine: install PostgreSQL "
                      "or give --database-url", file=sys.stderr)
                return 2
            try:
                cluster = Cluster().start()
            except ClusterError as error:
                print(f"prisma-lint: cannot start a PostgreSQL cluster: {error}", file=sys.stderr)
                return 2
            conninfo = cluster.conninfo
            print(f"Started a throwaway PostgreSQL cluster in {cluster.folder}", flush=True)
        from prisma_lint.migrations.live import verify_service

        problems = 0
        for service, schema in checked:
            try:
                report = verify_service(service, schema, conninfo)
            except Exception as error:  # noqa: BLE001 - a connection failure is the user's setup, not a crash
                print(f"prisma-lint: {service.name}: cannot use the database: {type(error).__name__}: "
                      f"{str(error).strip()}", file=sys.stderr)
                return 2
            for finding in report.findings:
                print(finding)
            print(report.summary(), flush=True)
            problems += len(report.findings)
        return 1 if problems else 0
    except KeyboardInterrupt:
        print("prisma-lint: interrupted", file=sys.stderr)
        return 130
    finally:
        if cluster is not None:
            cluster.stop()
            print(f"Removed the throwaway cluster", file=sys.stderr)
