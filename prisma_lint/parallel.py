"""`--jobs N`: the schemas of a run linted by N processes, with the same findings, in the same order, as
one process would report.

A run is three steps (linter.py): plan it, lint each schema group alone (read, parse, schema-scope
rules: `lint_part`), then finish it (project-scope rules over the whole project, then suppressions and
unused-directive reports: `finish_run`). The middle step is most of the work: on 100 realistic schemas
(2.4 MB) under the default preset, 1.2-1.4 s of CPU time, against 0.23 s for the project-scope rules
(PL606 0.17 s) and 0.1 s for the rest of `finish_run`. The schema groups, in the linter's order, are
cut into N contiguous parts; this process lints the first part itself while N - 1 forked processes lint
the others. Then, one of two ways:

* The run needs the whole project (a project-scope rule is enabled, as in the default preset; or the
  project settings, checked against every schema; or the caller reports the project: JSON, Markdown,
  `--graph`). Each process sends back its ASTs and schema-scope findings (prisma_lint.transfer, a
  pickle of our own), and this process finishes the run as a serial run would, with every AST at hand.
  Sending is not free: for those 100 schemas dumping costs 0.9 s (0.6x of linting them) and loading
  0.3 s. So the first part, which is not sent, is larger than the others (`_SENDING`), and the loads,
  the project-scope rules and the suppressions are the serial share of the run. Measured (CPU time of
  the first process, whole CLI, `benchmarks/run.py`): 1.55-1.69 s with `-j 1`, 1.39-1.59 s with
  `-j 2`; start-up, loads and `finish_run` are 0.8-0.9 s of the latter.
* Otherwise each process finishes its own part (suppressions are per file) and sends only its
  findings; the result then has no project, and the other processes' units no AST (`schema` is None).
  Measured as above with the npm config: 1.20-1.40 s with `-j 1`, 0.73-0.80 s with `-j 2`.

Either way the findings are then sorted as the linter sorts them, and suppressed findings, files and
units are in the order one process gives them.

A run stays in one process when processes would cost more than they save:

* fewer than two schema groups, or less schema text than `MIN_BYTES` (`MIN_BYTES_SENDING_ASTS` when
  the ASTs must be sent back): forking and sending cost more than a small run saves;
* the platform cannot fork (the start-up of a spawned process would cost more than most runs).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
from pathlib import Path
from typing import Optional

# multiprocessing, concurrent.futures and the AST transfer (pickle) are imported where a run forks:
# together about 12 ms of the start-up of every run, most of which stays in one process.
from prisma_lint.linter import LintedPart, LintResult, RunPlan, finish_run, lint_part
from prisma_lint.project import SchemaUnit

__all__ = ["default_jobs", "lint_parallel", "lint_serial_or_parallel", "can_split", "MIN_BYTES",
           "MIN_BYTES_SENDING_ASTS"]

# Less schema text than this stays in one process: forking and sending cost more than they save. Measured
# under the default preset (ASTs sent back), CPU time of the first process, -j 1 against -j 2: the
# example platform (68 KB) 0.40 against 0.40 s; 210 KB 0.42 against 0.40; 590 KB 0.67 against 0.61;
# 3.4 MB 2.3 against 1.95. Without ASTs to send (no project-scope rule), a split pays off sooner.
MIN_BYTES = 64_000
MIN_BYTES_SENDING_ASTS = 500_000

# What sending a part's ASTs costs its process, relative to linting it (dumping 0.9 s against 1.2-1.4 s
# of parsing and schema-scope rules on 100 realistic schemas): the first part, linted here and not sent,
# is that much larger than each of the others, so that every process ends about together.
_SENDING = 0.6

# What the forked processes need, set before the pool forks (inherited, never pickled).
_JOB: dict = {}


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_split(plan: RunPlan, texts: dict[str, str], jobs: Optional[int], whole_project: bool) -> bool:
    if jobs is None or jobs < 2 or len(plan.groups) < 2:
        return False
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return sum(len(text) for text in texts.values()) >= (MIN_BYTES_SENDING_ASTS if whole_project else MIN_BYTES)


def _parts(groups: list[tuple[int, list[Path]]], texts: dict[str, str], jobs: int,
           sending_asts: bool) -> list[list[tuple[int, list[Path]]]]:
    """`groups` cut into `jobs` contiguous parts of about equal text size, but with `sending_asts` the
    first `1 + _SENDING` times the size of the others; no part is empty."""
    sizes = [sum(len(texts.get(str(f), "")) for f in group) for _owner, group in groups]
    first = 1 + _SENDING if sending_asts else 1
    size = (sum(sizes) or 1) / (first + jobs - 1)
    ends = [size * (first + k) for k in range(jobs - 1)] + [float("inf")]  # where each part ends
    parts: list[list[tuple[int, list[Path]]]] = [[] for _ in range(jobs)]
    done = 0
    index = 0
    for group, size in zip(groups, sizes):
        while done + size / 2 > ends[index]:
            index += 1
        parts[index].append(group)
        done += size
    return [part for part in parts if part]


def _lint_and_send(index: int, whole_project: bool) -> bytes:
    """In a forked process: lint part `index` and send what the parent needs. Units go without their
    texts (the parent has them)."""
    from prisma_lint import transfer

    plan = _JOB["plan"]
    part = lint_part(plan, _JOB["parts"][index], _JOB["texts"])
    if whole_project:  # the ASTs and the schema-scope findings; the parent finishes the run
        units = [(u.path, u.schema, list(u.texts), u.service) for u in part.units]
        return transfer.dumps((units, part.owners, part.checked, part.syntax, part.files, part.failed))
    # Its part of the run finished here: only findings go back (the parent reports discovery problems).
    result = finish_run(dataclasses.replace(plan, problems=[]), [part])
    units = [(u.path, list(u.texts), u.service) for u in result.units]
    return transfer.dumps((result.diagnostics, result.suppressed, units, result.files, result.rules_run,
                           result.internal_errors))


def _received_part(data: bytes, texts: dict[str, str]) -> LintedPart:
    from prisma_lint import transfer

    units, owners, checked, syntax, files, failed = transfer.loads(data)
    return LintedPart([SchemaUnit(path, schema, {name: texts[name] for name in names}, service)
                       for path, schema, names, service in units], owners, checked, syntax, files, failed)


def _joined(plan: RunPlan, mine: LintResult, sent: list[bytes], texts: dict[str, str]) -> LintResult:
    """This process's result and the others', as one run with no project (see `lint_parallel`)."""
    from prisma_lint import transfer

    for data in sent:
        diagnostics, suppressed, units, files, rules_run, internal_errors = transfer.loads(data)
        mine.diagnostics.extend(diagnostics)
        mine.suppressed.extend(suppressed)  # in unit order, as one process appends them
        mine.units.extend(SchemaUnit(path, None, {name: texts[name] for name in names}, service)  # type: ignore[arg-type]
                          for path, names, service in units)
        mine.files.extend(files)
        mine.rules_run.update(rules_run)
        mine.internal_errors += internal_errors
    mine.diagnostics.sort(key=lambda d: d.sort_key)
    mine.project = None  # it holds this process's schemas only
    if mine.registry is None:  # every schema of this process's part failed to parse
        mine.registry = plan.project_config.registry
    return mine


def lint_parallel(plan: RunPlan, texts: dict[str, str], jobs: int, whole_project: bool = True) -> LintResult:
    """Lint `plan` in `jobs` processes (this one and jobs - 1 forked ones); see the module docstring.
    Without `whole_project` (no project-scope rule, no project settings, no report of the project),
    each process finishes its own part and sends only findings: the result then has no project, and
    the other processes' units no AST."""
    parts = _parts(plan.groups, texts, min(jobs, len(plan.groups)), whole_project)
    if len(parts) < 2:
        return finish_run(plan, [lint_part(plan, plan.groups, texts)])
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _JOB.update(plan=plan, parts=parts, texts=texts)
    try:
        with ProcessPoolExecutor(max_workers=len(parts) - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            sent = [pool.submit(_lint_and_send, index, whole_project) for index in range(1, len(parts))]
            mine = lint_part(plan, parts[0], texts)
            if not whole_project:
                return _joined(plan, finish_run(plan, [mine]), [future.result() for future in sent], texts)
            linted = [mine, *(_received_part(future.result(), texts) for future in sent)]
    finally:
        _JOB.clear()
    with _collector_spared():
        return finish_run(plan, linted)


@contextlib.contextmanager
def _collector_spared():
    """Keep the cyclic garbage collector off the objects alive now (the ASTs) while the run finishes.
    Received ASTs join the oldest generation without a collection, so the next full collection comes
    soon and scans all of them: on 100 schemas it fell in `finish_run` and took 0.63 s, twice the rest
    of it. Frozen objects are not scanned; they are thawed afterwards. Skipped when the program has
    frozen objects of its own (unfreezing would thaw them too)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def lint_serial_or_parallel(plan: RunPlan, texts: dict[str, str], jobs: Optional[int],
                            whole_project: bool = True) -> LintResult:
    if can_split(plan, texts, jobs, whole_project):
        return lint_parallel(plan, texts, jobs, whole_project)
    return finish_run(plan, [lint_part(plan, plan.groups, texts)])
