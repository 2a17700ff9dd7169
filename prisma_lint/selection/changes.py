"""`--changed-since REF`: lint the services a change touches, and check what it deleted.

The services whose schema files or migrations differ from REF (committed since, staged, unstaged or new)
are the ones reported; every service is still parsed and feeds the cross-service checks. For those
services, each model and scalar field that existed at REF and is gone now must have gone through the
migration strategy's transition step ("preserve old columns during transition"): marked `@@ignore` /
`@ignore` at REF, or its table or column kept under another name (`@@map` / `@map` naming it now).
Git is asked through its command line, from the directory the command runs in.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Optional

from prisma_lint.ast.nodes import Model, Schema, View
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.project import InputError, Service
from prisma_lint.rules.migrations import PL550_deleted_without_transition as rule

__all__ = ["GitRepository", "restrict_to_changed"]


class GitRepository:
    """The git repository holding `start`; InputError when there is none (or no git)."""

    def __init__(self, start: Path) -> None:
        self.root = Path(self._git(["rev-parse", "--show-toplevel"], cwd=start,
                                   error=f"{start}: not inside a git repository (--changed-since needs one)"
                                   ).strip()).resolve()

    @staticmethod
    def _git(args: list[str], cwd: Path, error: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)
        except FileNotFoundError:
            raise InputError("--changed-since needs git, and git is not installed") from None
        if done.returncode != 0:
            raise InputError(f"{error}: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}"
                             .rstrip(": "))
        return done.stdout

    def check_ref(self, ref: str) -> None:
        self._git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], self.root,
                  f"--changed-since {ref}: not a commit of this repository")

    def changed_files(self, ref: str) -> set[Path]:
        """Files that differ between REF and the working tree (staged or not), and untracked files that
        are not ignored."""
        diff = self._git(["diff", "--name-only", "-z", ref, "--"], self.root, f"git diff {ref} failed")
        new = self._git(["ls-files", "--others", "--exclude-standard", "-z"], self.root, "git ls-files failed")
        return {(self.root / name).resolve() for name in (diff + new).split("\0") if name}

    def text_at(self, ref: str, path: Path) -> Optional[str]:
        """The file's text at REF; None when it did not exist then."""
        try:
            relative = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None
        done = subprocess.run(["git", "show", f"{ref}:{relative}"], cwd=self.root, capture_output=True,
                              timeout=120)
        return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else None


def _touched(service: Service, changed: set[Path]) -> bool:
    files = {f.resolve() for f in service.schema_files}
    migrations = (service.prisma_dir / "migrations").resolve()
    return any(path in files or path.is_relative_to(migrations) for path in changed)


def _columns(schema: Schema, block) -> dict[str, object]:
    """A block's fields that are database columns (not relation fields), by field name."""
    return {f.name: f for f in block.fields if not isinstance(schema.resolve_type(f), (Model, View))}


def _deletions(service: Service, old: Schema, ref: str, where: str) -> list[Diagnostic]:
    new_models = [m for schema in service.schemas() for m in schema.models]
    by_name = {m.name: m for m in new_models}
    by_table = {m.database_name: m for m in new_models}
    new_schema = next(service.schemas())
    found: list[tuple[Optional[object], str, str]] = []  # (node to point at, message, hint)
    for old_model in old.models:
        current = by_name.get(old_model.name) or by_table.get(old_model.database_name)
        if current is None:
            if not old_model.is_ignored:
                found.append((None, f"Model `{old_model.name}` (table `{old_model.database_name}`) was deleted "
                                    f"since {ref} without the transition step.",
                              f"Restore it with `@@ignore` and drop it in a later change, or keep its table "
                              f"with `@@map(\"{old_model.database_name}\")` on its new name."))
            continue
        if old_model.is_ignored:
            continue
        kept_columns = {f.database_name for f in _columns(new_schema, current).values()}
        for name, old_field in _columns(old, old_model).items():
            if current.field(name) is not None or old_field.has_attribute("ignore"):
                continue
            if old_field.database_name in kept_columns:
                continue
            found.append((current, f"Field `{old_model.name}.{name}` (column `{old_field.database_name}`) was "
                                   f"deleted since {ref} without the transition step.",
                          f"Restore it with `@ignore` and drop it in a later change, or keep its column with "
                          f"`@map(\"{old_field.database_name}\")` on its new name."))
    out = []
    for node, message, hint in found:
        span = node.name_span if node is not None and hasattr(node, "name_span") else None
        if node is not None and span is None:
            span = node.span
        path = span.file if span is not None else where
        line, column = (span.start_line, span.start_column) if span is not None else (1, 1)
        end_line, end_column = (span.end_line, span.end_column) if span is not None else (1, 1)
        out.append(Diagnostic(path, line, column, end_line, end_column, rule.CODE, rule.NAME,
                              Severity(rule.SEVERITY), message, fix_hint=hint))
    return out


def _old_schema(repo: GitRepository, ref: str, service: Service) -> Optional[Schema]:
    from prisma_lint.parser import PrismaSyntaxError
    from prisma_lint.parser.parser import parse_texts

    texts = {str(f): text for f in service.schema_files if (text := repo.text_at(ref, f)) is not None}
    if not texts:
        return None  # a new service: nothing was deleted
    try:
        return parse_texts(texts)
    except PrismaSyntaxError:
        return None  # REF's schema did not parse: nothing to compare


def restrict_to_changed(result, ref: str, start: Path, enabled) -> None:
    """Keep only the findings of the services changed since `ref` (in place), and add the deletion
    check's findings for them (when `enabled(path)` says the rule is on for that schema)."""
    repo = GitRepository(start)
    repo.check_ref(ref)
    changed = repo.changed_files(ref)
    project = result.project
    services = project.services if project is not None else []
    touched = [s for s in services if _touched(s, changed)]
    keep: list[Path] = []
    for service in touched:
        keep.extend(f.resolve() for f in service.schema_files)
        keep.append(service.prisma_dir.resolve())
        old = _old_schema(repo, ref, service)
        where = str(service.schema_files[0])
        if old is not None and service.parsed and enabled(where):
            result.diagnostics.extend(_deletions(service, old, ref, where))

    def kept(path: Optional[str]) -> bool:
        if path is None:
            return False
        resolved = Path(path).resolve()
        return any(resolved == k or resolved.is_relative_to(k) for k in keep)

    result.diagnostics = sorted((d for d in result.diagnostics if kept(d.path)), key=lambda d: d.sort_key)
    result.suppressed = [s for s in result.suppressed if kept(s.diagnostic.path)]
    result.files = [f for f in result.files if kept(f)]
