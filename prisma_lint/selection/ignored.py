"""Files that folders and globs skip: what git ignores (`.gitignore`, asked of git itself) and the
configuration's `exclude` globs. A file named on the command line is always linted, as in ruff."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Optional

from prisma_lint.config import exclude_patterns, find_config
from prisma_lint.project import InputError


def _git_ignored(files: list[Path], cwd: Path) -> set[Path]:
    """The files git ignores; none when there is no git or no repository."""
    if not files:
        return set()
    import subprocess  # 5-7 ms of start-up: only when folders were searched (a named file is never skipped)

    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, text=True,
                             timeout=60)
        if top.returncode != 0:
            return set()
        root = Path(top.stdout.strip()).resolve()
        inside = [f for f in files if f.is_relative_to(root)]
        done = subprocess.run(["git", "check-ignore", "--no-index", "-z", "--stdin"], cwd=root,
                              input="\0".join(str(f.relative_to(root)) for f in inside), capture_output=True,
                              text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 1: nothing ignored
        return set()
    return {(root / name).resolve() for name in done.stdout.split("\0") if name}


def _excluded(files: list[Path], patterns: list[str], base: Path) -> set[Path]:
    out = set()
    for f in files:
        try:
            relative = f.relative_to(base).as_posix()
        except ValueError:
            continue
        parts = relative.split("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(fnmatch.fnmatchcase(prefix, pattern.rstrip("/")) for pattern in patterns for prefix in prefixes):
            out.add(f)
    return out


def skip_ignored(paths: list[str], groups: list[list[Path]], config_path: Optional[str]) -> list[list[Path]]:
    """`groups` without the files git ignores or the configuration excludes, except files named in
    `paths`. The configuration is `config_path`, else the closest config above the current folder."""
    cwd = Path.cwd()
    named = {Path(p).resolve() for p in paths if Path(p).is_file()}
    found = [f.resolve() for group in groups for f in group if f.resolve() not in named]
    config = Path(config_path) if config_path else find_config(cwd)
    skipped = _git_ignored(found, cwd)
    if config is not None:
        patterns = exclude_patterns(config)
        if patterns:
            skipped |= _excluded(found, patterns, config.resolve().parent)
    if not skipped:
        return groups
    kept = [[f for f in group if f.resolve() not in skipped] for group in groups]
    kept = [group for group in kept if group]
    if not kept:
        raise InputError(f"{', '.join(paths) or 'the default schema'}: every schema found is git-ignored or "
                         "excluded by the configuration")
    return kept
