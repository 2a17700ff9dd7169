"""Which files a run lints: folders and globs skip git-ignored files and the config's `exclude`; a file
named on the command line is always linted; a migration's .sql path stands for its schema."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BAD = "model {name} {{\n  id String @id @default(uuid())\n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}}\n"


def lint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prisma_lint", "--format", "concise", "--select", "PL101", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


def models(done: subprocess.CompletedProcess) -> list[str]:
    return sorted(line.split("`")[1] for line in done.stdout.splitlines())


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    for service, model in (("alpha", "alpha_row"), ("beta", "beta_row"), ("legacy-one", "legacy_row")):
        folder = tmp_path / "services" / service / "prisma"
        folder.mkdir(parents=True)
        (folder / "schema.prisma").write_text(BAD.format(name=model))
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "schema.prisma").write_text(BAD.format(name="built_row"))
    (tmp_path / ".gitignore").write_text("build/\n")
    (tmp_path / "prisma-lint.toml").write_text('exclude = ["services/legacy-*"]\n')
    return tmp_path


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_and_exclude_in_a_repository(tree: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tree, check=True)
    assert models(lint(tree, ".")) == ["alpha_row", "beta_row"]
    assert models(lint(tree, "build/schema.prisma", "services/legacy-one/prisma/schema.prisma")) == \
        ["built_row", "legacy_row"]  # named files are always linted
    assert models(lint(tree, "services/*/prisma/schema.prisma")) == ["alpha_row", "beta_row"]


def test_exclude_without_git(tree: Path) -> None:
    # No repository: .gitignore means nothing, the config's exclude still applies.
    assert models(lint(tree, ".")) == ["alpha_row", "beta_row", "built_row"]


def test_everything_excluded_is_a_clear_error(tree: Path) -> None:
    done = lint(tree, "services/legacy-one")
    assert done.returncode == 2 and "excluded by the configuration" in done.stderr


def test_unknown_exclude_type_is_a_config_error(tree: Path) -> None:
    (tree / "prisma-lint.toml").write_text("exclude = 3\n")
    done = lint(tree, ".")
    assert done.returncode == 2 and "prisma-lint.toml: exclude" in done.stderr and "Traceback" not in done.stderr


def test_a_migration_path_stands_for_its_schema(tree: Path) -> None:
    migration = tree / "services" / "alpha" / "prisma" / "migrations" / "20240101000000_initial_schema"
    migration.mkdir(parents=True)
    (migration / "migration.sql").write_text("SELECT 1;\n")
    done = lint(tree, str(migration / "migration.sql"), "services/alpha/prisma/schema.prisma")
    assert models(done) == ["alpha_row"]  # once
    loose = tree / "loose.sql"
    loose.write_text("SELECT 1;\n")
    done = lint(tree, str(loose))
    assert done.returncode == 2 and "outside a migrations folder" in done.stderr
