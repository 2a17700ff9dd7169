"""`--jobs N`: the schemas of a run linted by N processes, with the same findings, in the same order, as
one process would report.

The run's schemas, in the order the linter takes them (by service), are cut into N contiguous parts;
each part is linted by a forked process (`linter.lint_groups` on that part, with the whole run's
project configuration), which sends back its findings, files and schema list (not its ASTs: pickling
an AST costs as much as parsing it, 0.42 s each for a 1 MB schema); the parts are joined in order and
the findings sorted as the linter sorts them.

A run stays in one process when parts could see something the whole would not, or when processes would
cost more than they save:

* a project-scope rule is enabled (it must see every schema of the project at once);
* the project settings name services, references or a deployment order (checked against every schema);
* fewer than two schemas, or less than `MIN_BYTES` of schema text (forking costs a few milliseconds per
  process, and a small run takes less than that);
* the platform cannot fork (the start-up of a spawned process would cost more than most runs).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional

from prisma_lint.linter import LintResult, lint_groups
from prisma_lint.project import SchemaUnit

__all__ = ["default_jobs", "lint_parallel", "MIN_BYTES"]

MIN_BYTES = 64_000

# What the forked workers need, set before the pool forks (inherited, never pickled).
_JOB: dict = {}


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_split(ordered: list[list[Path]], texts: dict[str, str], jobs: int, project_config, project_scope: bool) -> bool:
    if jobs < 2 or len(ordered) < 2 or project_scope:
        return False
    if project_config.project != type(project_config.project)():
        return False  # settings are checked against every schema of the project
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return sum(len(text) for text in texts.values()) >= MIN_BYTES


def _lint_part(index: int) -> tuple:
    groups, config, texts, project_config = _JOB["parts"][index], _JOB["config"], _JOB["texts"], _JOB["project"]
    result = lint_groups(groups, config, texts, project_config)
    return (result.diagnostics, result.files, [(u.path, u.service, list(u.texts)) for u in result.units],
            result.rules_run, result.internal_errors, result.suppressed)


def lint_parallel(ordered: list[list[Path]], config, texts: dict[str, str], project_config, jobs: int) -> LintResult:
    """Lint `ordered` (groups in the linter's order) in `jobs` processes; see the module docstring."""
    jobs = min(jobs, len(ordered))
    # Parts of about equal text size, in order.
    total = sum(len(texts.get(str(f), "")) for group in ordered for f in group)
    parts: list[list[list[Path]]] = [[]]
    size = 0
    for group in ordered:
        if parts[-1] and size >= total * len(parts) / jobs and len(parts) < jobs:
            parts.append([])
        parts[-1].append(group)
        size += sum(len(texts.get(str(f), "")) for f in group)
    _JOB.update(parts=parts, config=config, texts=texts, project=project_config)
    try:
        with ProcessPoolExecutor(max_workers=len(parts), mp_context=multiprocessing.get_context("fork")) as pool:
            outcomes = list(pool.map(_lint_part, range(len(parts))))
    finally:
        _JOB.clear()
    result = LintResult(diagnostics=[], registry=project_config.registry)
    for diagnostics, files, units, rules_run, internal_errors, suppressed in outcomes:
        result.diagnostics.extend(diagnostics)
        result.files.extend(files)
        result.units.extend(SchemaUnit(path, None, {name: texts[name] for name in names}, service)  # type: ignore[arg-type]
                            for path, service, names in units)
        result.rules_run.update(rules_run)
        result.internal_errors += internal_errors
        result.suppressed.extend(suppressed)  # in unit order, as one process appends them
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return result


def lint_serial_or_parallel(ordered, groups, config, texts, project_config, jobs: Optional[int],
                            project_scope: bool) -> LintResult:
    if jobs is not None and can_split(ordered, texts, jobs, project_config, project_scope):
        return lint_parallel(ordered, config, texts, project_config, jobs)
    return lint_groups(groups, config, texts, project_config)
