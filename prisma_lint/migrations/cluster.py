"""A throwaway PostgreSQL cluster: `initdb` and `pg_ctl` in a temporary folder, reached only through a
Unix socket in that folder (no TCP port), removed when done, also when the run is interrupted.

PostgreSQL refuses to run as root; as root the cluster runs as an unprivileged user (`postgres` when it
exists, else `nobody`) through `runuser`, and the folder is handed to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

__all__ = ["ClusterError", "Cluster", "find_binaries"]


class ClusterError(RuntimeError):
    pass


def find_binaries() -> Optional[Path]:
    """The folder holding `initdb` and `pg_ctl`: on PATH, else Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").is_file() and Path(folder, "pg_ctl").is_file():
            return Path(folder)
    return None


def _run_as() -> Optional[str]:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise ClusterError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


class Cluster:
    """`with Cluster() as cluster: psycopg.connect(cluster.conninfo)`."""

    def __init__(self, binaries: Optional[Path] = None) -> None:
        self.binaries = binaries or find_binaries()
        if self.binaries is None:
            raise ClusterError("PostgreSQL's initdb and pg_ctl were not found (install PostgreSQL, or pass "
                               "--database-url)")
        self.folder: Optional[Path] = None
        self.user = _run_as()
        self._started = False

    @property
    def data(self) -> Path:
        assert self.folder is not None
        return self.folder / "data"

    @property
    def conninfo(self) -> str:
        return f"host={self.folder} port=5432 user=postgres dbname=postgres"

    def _command(self, *args: str) -> list[str]:
        command = [str(self.binaries / args[0]), *args[1:]]
        return ["runuser", "-u", self.user, "--", *command] if self.user else command

    def _call(self, *args: str, timeout: float = 120) -> None:
        # From the cluster's own folder: the unprivileged user may not be allowed into the caller's.
        done = subprocess.run(self._command(*args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, timeout=timeout, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise ClusterError(f"{args[0]} failed: {done.stdout.strip()[-800:]}")

    def start(self) -> "Cluster":
        self.folder = Path(tempfile.mkdtemp(prefix="prisma-lint-pg-"))
        try:
            if self.user:
                entry = pwd.getpwnam(self.user)
                os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            self._call("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                       "--locale=C", "--no-sync")
            options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
            self._started = True
            self._call("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"),
                       "-w", "-t", "60", "start")
        except BaseException:
            self.stop()
            raise
        return self

    def _postmaster_pid(self) -> Optional[int]:
        try:
            return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        """Stop the server (immediately: nothing in it is kept) and remove the folder; safe to call twice."""
        if self.folder is None:
            return
        if self._started:
            pid = self._postmaster_pid()
            try:
                self._call("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "-t", "30", "stop", timeout=40)
            except (ClusterError, subprocess.TimeoutExpired, OSError):
                if pid is not None:  # pg_ctl could not stop it: the postmaster takes its children down with it
                    try:
                        os.kill(pid, signal.SIGQUIT)
                    except OSError:
                        pass
            self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
