"""The command line's lint run: `linter.lint_groups`, through the result cache (cache.py) and on
several processes (parallel.py).

The cache key covers everything the findings depend on:

* the text of every schema file of the run (read once here and handed to the linter, so what is
  hashed is what is linted);
* each schema's resolved rules (code, severity, options) and the project's, the project settings,
  and which configuration file each came from;
* the rule set (built-in and plugin rules, and the plugin modules' files) and this package's code
  (its version and the size and time of each of its files, so an edited checkout never reads stale
  findings);
* every file in each service's migrations folder (name, size, modification time): project-scope rules
  read them, and the report counts each service's migrations.

One entry holds the whole run: project-scope rules see every schema, so a change to any file can
change any finding, and with the default preset (which has project-scope rules) a per-file entry would
be invalidated as often as a whole-run one, at the cost of a second code path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

from prisma_lint import __version__
from prisma_lint.cache import DEFAULT_FOLDER, ResultCache, dump_diagnostic, load_diagnostic, new_digest
from prisma_lint.config import CliSelection, LintConfig
from prisma_lint.linter import LintResult, Suppressed, lint_groups, plan_run, unit_path
from prisma_lint.parallel import lint_serial_or_parallel
from prisma_lint.parser import PrismaSyntaxError
from prisma_lint.parser.parser import read_schema_file
from prisma_lint.project import SchemaUnit

__all__ = ["lint_cached", "cache_folder"]

_PACKAGE = Path(__file__).resolve().parent


def cache_folder(project_config: LintConfig) -> Path:
    """`PRISMA_LINT_CACHE_DIR`, else the configuration's `cache-dir` (relative to its file), else
    `.prisma-lint-cache` next to the configuration file, else in the current folder."""
    configured = os.environ.get("PRISMA_LINT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = Path(project_config.source).resolve().parent if project_config.source else Path.cwd()
    return base / (getattr(project_config, "cache_dir", None) or DEFAULT_FOLDER)


def _code_fingerprint(digest) -> None:
    digest.update(__version__.encode())
    for root, folders, files in os.walk(_PACKAGE):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".lark", ".toml")):
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{os.path.relpath(os.path.join(root, name), _PACKAGE)}:{stat.st_size}:"
                              f"{stat.st_mtime_ns}\n".encode())


def _settings_fingerprint(settings) -> str:
    return repr([(s.rule.code, s.rule.module, s.severity.value, repr(s.options)) for s in settings])


def _plugin_files(settings) -> list[str]:
    out = []
    for s in settings:
        if not s.rule.module.startswith("prisma_lint."):
            module = s.rule._loaded  # noqa: SLF001 - a plugin module is loaded when it registers
            path = getattr(module, "__file__", None)
            if path:
                stat = os.stat(path)
                out.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return out


def _migrations_fingerprint(digest, project) -> None:
    for service in project.services:
        folder = service.migrations_dir
        if folder is None:
            continue
        for root, folders, files in os.walk(folder):
            folders.sort()
            digest.update(f"folder {root} {folders}\n".encode())  # an empty folder is news too
            for name in sorted(files):
                path = os.path.join(root, name)
                stat = os.stat(path)
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())


def lint_cached(groups: list[list[Path]], config: Union[LintConfig, CliSelection, None] = None,
                cache_dir: Optional[Path] = None, use_cache: bool = True, jobs: Optional[int] = None,
                project_report: bool = True) -> LintResult:
    """`lint_groups(groups, config)`, answered from the cache when nothing it depends on changed, and
    linted in `jobs` processes when there is enough to share (prisma_lint.parallel). Units of a result
    from the cache carry their files' texts but no AST (`schema` is None), and it has no `project`
    (its `project_view` holds the report's project part). Without `project_report` (a caller that
    reports no services, dependency graph or verification table) a run with no project-scope rule
    may also come back without a project, and its units' ASTs may be missing."""
    plan = plan_run(groups, config)
    configs, project_config, project = plan.configs, plan.project_config, plan.project
    digest = new_digest()
    _code_fingerprint(digest)
    texts: dict[str, str] = {}
    project_scope = False
    for owner, group in plan.groups:
        service = project.services[owner]
        names = [str(p) for p in group]
        unit = unit_path(group)
        for name in names:
            try:
                texts[name] = read_schema_file(Path(name))
            except (OSError, PrismaSyntaxError):
                return lint_groups(groups, config)  # unreadable: the linter reports it
            digest.update(f"file {name} {len(texts[name])}\n".encode())
            digest.update(texts[name].encode("utf-8", "surrogatepass"))
        unit_config = configs.for_path(unit)
        settings = unit_config.rules_for(unit)
        project_scope = project_scope or any(s.rule.scope == "project" for s in settings)
        digest.update(f"\nunit {unit} {service.name} {unit_config.source}\n".encode())
        digest.update(f"{_settings_fingerprint(settings)}\n{_plugin_files(settings)}\n".encode())
    project_rules = project_config.rules_for(str(project.root) if project.root else None)
    project_scope = project_scope or any(s.rule.scope == "project" for s in project_rules)
    # Whether the run must end with every AST in one process: for the project-scope rules, the project
    # settings (checked against every schema) or the report's project part.
    whole_project = project_report or project_scope or project_config.project != type(project_config.project)()
    if not use_cache:
        return lint_serial_or_parallel(plan, texts, jobs, whole_project)

    digest.update(f"project {project_config.source} {project_config.project!r}\n".encode())
    digest.update(_settings_fingerprint(project_rules).encode())
    # The report's project part counts each service's migrations: their folders are part of the key.
    _migrations_fingerprint(digest, project)
    key = digest.hexdigest()
    cache = ResultCache(cache_folder(project_config) if cache_dir is None else cache_dir)
    entry = cache.get(key)
    if entry is not None and (entry.get("project") is not None or not project_report):
        try:
            cached = _from_entry(entry, texts)
            cached.registry = project_config.registry  # reporters describe rules from it (plugins too)
            return cached
        except (KeyError, TypeError, ValueError):
            pass  # an entry of the right format but the wrong shape: lint, and write it again
    result = lint_serial_or_parallel(plan, texts, jobs, whole_project)
    if not result.internal_errors:  # a crashing rule is reported afresh, not replayed from the cache
        cache.put(key, {
            "diagnostics": [dump_diagnostic(d) for d in result.diagnostics],
            "files": result.files,
            "units": [[u.path, u.service, list(u.texts)] for u in result.units],
            "rules_run": sorted(result.rules_run),
            # None when the run ended without a project: a run that reports it lints again.
            "project": _project_view(result) if result.project is not None else None,
            "suppressed": [[dump_diagnostic(x.diagnostic), x.comment, x.reason] for x in result.suppressed],
        })
    return result


def _project_view(result: LintResult) -> dict:
    from prisma_lint.reporters.project_data import project_view

    return project_view(result)


def _from_entry(entry: dict, texts: dict[str, str]) -> LintResult:
    units = [SchemaUnit(path, None, {name: texts[name] for name in names}, service)  # type: ignore[arg-type]
             for path, service, names in entry["units"]]
    return LintResult(diagnostics=[load_diagnostic(row) for row in entry["diagnostics"]], units=units,
                      files=list(entry["files"]), rules_run=set(entry["rules_run"]), project_view=entry["project"],
                      suppressed=[Suppressed(load_diagnostic(row), comment, reason)
                                  for row, comment, reason in entry["suppressed"]])
