"""The fix loop: lint in memory, apply every fix that does not overlap another, re-lint, repeat.

A pass applies, file by file, the fixes of the findings in the order they are reported, deferring a fix
whose edits overlap one already taken; the re-lint of the next pass sees the new text and offers the
deferred fixes again at their new offsets (or not at all, if the first fix made them moot). A file's
edited text is kept only if it still parses; otherwise its fixes are tried one at a time and those that
break it are dropped. The loop ends when a pass changes nothing, when a text comes back to an earlier
state, or after `max_passes`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from prisma_lint.config import CliSelection, LintConfig
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.fixes.edits import EditError, apply_edits, fix_applies, select_fixes
from prisma_lint.fixes.files import SourceFile
from prisma_lint.linter import lint_groups
from prisma_lint.parser import PrismaSyntaxError
from prisma_lint.parser.parser import parse_texts

__all__ = ["FixOutcome", "fix_groups", "fix_texts", "write_fixes", "MAX_PASSES"]

MAX_PASSES = 10


@dataclass
class FixOutcome:
    """What fixing a set of schemas did, before anything is written."""

    texts: dict[str, str]  # file path -> fixed text (for every file that was read, changed or not)
    originals: dict[str, str]
    fixed: list[Diagnostic] = field(default_factory=list)  # the findings whose fixes were applied
    rejected: list[Diagnostic] = field(default_factory=list)  # fixes dropped because the result did not parse
    passes: int = 0
    settled: bool = True  # False when `max_passes` ran out with fixes still to apply
    sources: dict[str, SourceFile] = field(default_factory=dict)

    @property
    def changed(self) -> list[str]:
        return [path for path, text in self.texts.items() if text != self.originals[path]]


def _parses(path: str, text: str) -> bool:
    try:
        parse_texts({path: text})
    except PrismaSyntaxError:
        return False
    return True


def _apply_file(path: str, text: str, fixes: list[Diagnostic], outcome: FixOutcome) -> str:
    """One pass over one file: the new text (unchanged when no fix could be applied)."""
    edits, chosen, _ = select_fixes(fixes)
    try:
        candidate = apply_edits(text, edits)
    except EditError:
        candidate = None
    if candidate is not None and _parses(path, candidate):
        outcome.fixed.extend(chosen)
        return candidate
    # Some fix breaks the file (a rule's bug): keep the ones that do not, one at a time.
    for diagnostic in chosen:
        try:
            candidate = apply_edits(text, diagnostic.edits)
        except EditError:
            outcome.rejected.append(diagnostic)
            continue
        if _parses(path, candidate):
            outcome.fixed.append(diagnostic)
            return candidate  # the next pass re-lints and offers the others at their new offsets
        outcome.rejected.append(diagnostic)
    return text


def fix_texts(groups: list[list[Path]], texts: dict[str, str], config: Union[LintConfig, CliSelection, None],
              unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Fix schemas in memory: `groups` as `discover` returns them, `texts` the text of each of their files
    (files not in `texts` are read from disk and not fixed)."""
    outcome = FixOutcome(texts=dict(texts), originals=dict(texts))
    seen: set[tuple[tuple[str, str], ...]] = {tuple(sorted(outcome.texts.items()))}
    rejected_keys: set[tuple] = set()
    for _ in range(max_passes):
        outcome.passes += 1
        result = lint_groups(groups, config, outcome.texts)
        by_file: dict[str, list[Diagnostic]] = defaultdict(list)
        for diagnostic in result.diagnostics:
            if diagnostic.path in outcome.texts and fix_applies(diagnostic, unsafe) \
                    and _key(diagnostic) not in rejected_keys:
                by_file[diagnostic.path].append(diagnostic)
        if not by_file:
            return outcome
        before = dict(outcome.texts)
        for path, fixes in by_file.items():
            outcome.texts[path] = _apply_file(path, outcome.texts[path], fixes, outcome)
        rejected_keys.update(_key(d) for d in outcome.rejected)
        state = tuple(sorted(outcome.texts.items()))
        if outcome.texts == before or state in seen:
            return outcome
        seen.add(state)
    outcome.settled = False
    return outcome


def _key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.code, diagnostic.edits)


def fix_groups(groups: list[list[Path]], config: Union[LintConfig, CliSelection, None] = None,
               unsafe: bool = False, max_passes: int = MAX_PASSES) -> tuple[FixOutcome, list[str]]:
    """Read the schemas' files and fix them in memory. Returns the outcome (with each file's
    `SourceFile`, for writing) and a message for each file that could not be read for fixing."""
    sources: dict[str, SourceFile] = {}
    problems: list[str] = []
    for group in groups:
        for path in group:
            try:
                sources[str(path)] = SourceFile.read(path)
            except UnicodeDecodeError:
                problems.append(f"{path}: not UTF-8 text; not fixed")
            except OSError as error:
                problems.append(f"{path}: cannot read: {error.strerror or error}; not fixed")
    outcome = fix_texts(groups, {path: source.text for path, source in sources.items()}, config, unsafe,
                        max_passes)
    outcome.sources = sources
    return outcome, problems


def write_fixes(outcome: FixOutcome) -> list[str]:
    """Write every changed file; returns a message for each file that was not written."""
    from prisma_lint.fixes.files import ChangedOnDisk

    problems: list[str] = []
    for path in outcome.changed:
        try:
            outcome.sources[path].write(outcome.texts[path])
        except ChangedOnDisk as error:
            problems.append(str(error))
        except OSError as error:
            problems.append(f"{path}: cannot write: {error.strerror or error}; not fixed")
    return problems


