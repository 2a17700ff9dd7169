"""Suppression comments (the grammar, and why it is strict: docs/suppressions.md).

Ours are `//` comments (a `///` comment is documentation: Prisma copies it into the generated client,
so a directive written with `///` is reported, not honoured):

* `// prisma-lint-disable-next-line RULE[, RULE] -- reason`: the next line;
* `// prisma-lint-disable-line RULE` at the end of a line: that line;
* `// prisma-lint-disable RULE` ... `// prisma-lint-enable RULE`: the lines between (to the end of the
  file when not re-enabled);
* `// prisma-lint-disable-file RULE`: the whole file.

Rules are named by code or name. A comment addressed to prisma-lint that is not exactly one of these
(`prisma-lint-disable-nextline`, `-disable-lines`, `prisma-lint disable`) suppresses nothing and is an
error, as is a rule name that is not a rule: a typo must never switch the gate off. A directive that
names no rule (it covers every rule), a `disable` never re-enabled, an `enable` with nothing to re-enable,
and a directive that suppresses nothing are findings too (rule `unused-suppression`, whose options allow
the first two).

The npm prisma-lint's documentation comments are honoured too: `/// prisma-lint-ignore-model [rule
[args]]` in a model's documentation, `/// prisma-lint-ignore-enum [rule]` in an enum's, and
`/// prisma-lint-ignore-field [rule]` in a field's (a kind that does not match where the comment is,
which ignores nothing, is an error). Arguments after a rule name are for the rule itself
(e.g. `require-field createdAt` skips only that required field); for a rule that takes none, a word
that is not a rule is reported as an unknown rule, as in a `//` directive.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal, Optional

from prisma_lint.ast.nodes import Comment, Schema, Span
from prisma_lint.diagnostics import Diagnostic, Severity

__all__ = ["Directive", "Problem", "Suppressions", "parse_directives", "npm_ignores", "NpmIgnores", "KINDS",
           "suppression_problems"]

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_NPM_KINDS = ("model", "enum", "field")
# A comment meant for prisma-lint, however misspelt: `prisma-lint-...`, `prismalint-`, `prisma_lint:`,
# `Prisma-Lint disable...`. Only these are read as directives; any other comment is prose.
_ADDRESSED = re.compile(r"^\s*prisma[-_ ]?lint(?:[-_:]|\s+(?:dis|en|ign))", re.IGNORECASE)
# The exact form: the directive word, then white space or the end of the comment.
_DIRECTIVE = re.compile(r"^\s*prisma-lint-(?P<kind>[a-z]+(?:-[a-z]+)*)(?P<rest>\s.*)?$", re.DOTALL)
_NPM_IGNORE_WORD = re.compile(r"^\s*prisma-lint-ignore-(?P<kind>[a-z]+(?:-[a-z]+)*)(?P<rest>\s.*)?$", re.DOTALL)
_WORDS = re.compile(r"[\s,]+")
_FAR = 1 << 30  # "to the end of the file"

ProblemKind = Literal["malformed", "blanket", "unclosed", "enable"]


@dataclass
class Directive:
    kind: str
    rules: tuple[str, ...]  # rule codes; empty means every rule
    span: Span
    reason: Optional[str]
    used: set[str] = field(default_factory=set)  # the rule names it suppressed something for

    def covers(self, diagnostic: Diagnostic) -> bool:
        return not self.rules or diagnostic.code in self.rules or diagnostic.rule in self.rules


@dataclass(frozen=True)
class Problem:
    """A finding about a suppression comment itself. `malformed` is always an error (a typo that
    suppresses nothing while its author believes it does); the others take the rule's severity and
    `blanket` and `unclosed` can be allowed by its options."""

    span: Span
    message: str
    kind: ProblemKind


@dataclass
class Suppressions:
    """The directives of one file, and what each covers."""

    directives: list[Directive]
    problems: list[Problem]
    _ranges: list[tuple[Directive, int, int]] = field(default_factory=list)  # directive, first, last line

    def suppresses(self, diagnostic: Diagnostic) -> Optional[Directive]:
        """The first directive that covers the diagnostic (None when none does); every covering
        directive counts as used."""
        hit = None
        for directive, first, last in self._ranges:
            if first <= diagnostic.line <= last and directive.covers(diagnostic):
                directive.used.add(diagnostic.code)
                hit = hit or directive
        return hit


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean `{close[0]}`?" if close else ""


def _quote(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown_directive(comment: Comment) -> Problem:
    text = comment.text.strip()
    word = text.split()[0] if text.split() else text
    npm = _NPM_IGNORE_WORD.match(text)
    if npm is not None and npm.group("kind") in _NPM_KINDS:
        hint = (f" The npm tool's `prisma-lint-ignore-{npm.group('kind')}` is read from `///` documentation "
                "comments only.")
    else:
        guess = word.lower().replace("_", "-").replace(":", "-")
        guess = guess[len("prisma-lint-"):] if guess.startswith("prisma-lint-") else guess
        hint = _did_you_mean(guess, KINDS)
        hint = hint.replace("`", "`prisma-lint-", 1) if hint else (
            " Directives are `prisma-lint-` followed by " + ", ".join(f"`{k}`" for k in KINDS) + ".")
    return Problem(comment.span, f"Unknown suppression directive `{_quote(word)}`: it suppresses nothing.{hint}",
                   "malformed")


def _documentation_directive(comment: Comment) -> Problem:
    """A `///` comment addressed to prisma-lint that is not an npm ignore comment. Reported, not honoured:
    a `///` line is documentation that Prisma attaches to the declaration below it and copies into the
    generated client, the npm tool does not read directives there, and honouring it would make a line of
    documentation switch the gate off."""
    match = _DIRECTIVE.match(comment.text)
    if match is not None and match.group("kind") in KINDS:
        return Problem(comment.span, f"A documentation comment is not a directive: `/// prisma-lint-"
                                     f"{match.group('kind')}` suppresses nothing. Write it with `//`.", "malformed")
    problem = _unknown_directive(comment)
    return Problem(problem.span, problem.message + " Directives are `//` comments, not `///` documentation.",
                   "malformed")


def _unknown_rule(span: Span, name: str, known: Optional[Callable[[], Iterable[str]]]) -> Problem:
    hint = _did_you_mean(name, known()) if known is not None else ""
    return Problem(span, f"Suppression comment names an unknown rule `{_quote(name)}`: it suppresses nothing "
                         f"for it.{hint}", "malformed")


def parse_directives(schema: Schema, path: Optional[str], canonical: Callable[[str], Optional[str]],
                     takes_args: Callable[[str], bool] = lambda code: False,
                     known: Optional[Callable[[], Iterable[str]]] = None) -> Suppressions:
    """Read the suppression comments of `schema` that belong to file `path`, and check the npm ignore
    comments' rule names. `canonical` maps a rule name or code to its code (None when unknown);
    `takes_args(code)` tells whether that rule reads arguments from npm ignore comments; `known()` lists
    the rule names and codes, for "did you mean" hints."""
    directives: list[Directive] = []
    problems: list[Problem] = []
    ranges: list[tuple[Directive, int, int]] = []
    open_ranges: list[Directive] = []
    placement: Optional[_NpmPlacement] = None  # built on the first npm ignore comment: most files have none
    for comment in schema.comments:
        if comment.span.file != path:
            continue
        if comment.doc:
            if _NPM_IGNORE_WORD.match(comment.text):
                problems.extend(_check_npm_ignore(comment, canonical, takes_args, known))
                if placement is None:
                    placement = _NpmPlacement(schema, path)
                problems.extend(placement.check(comment))
            elif _ADDRESSED.match(comment.text):
                problems.append(_documentation_directive(comment))
            continue
        if not _ADDRESSED.match(comment.text):
            continue
        match = _DIRECTIVE.match(comment.text)
        if match is None or match.group("kind") not in KINDS:
            problems.append(_unknown_directive(comment))
            continue
        kind = match.group("kind")
        rest, _sep, reason = (match.group("rest") or "").partition("--")
        names = [n for n in _WORDS.split(rest.strip()) if n]
        codes = []
        for name in names:
            code = canonical(name)
            if code is None:
                problems.append(_unknown_rule(comment.span, name, known))
            elif code not in codes:
                codes.append(code)
        if names and not codes:
            continue  # every name is unknown: suppress nothing rather than everything
        directive = Directive(kind, tuple(codes), comment.span, reason.strip() or None)
        if not codes and kind != "enable":
            problems.append(Problem(comment.span, f"`prisma-lint-{kind}` names no rule, so it suppresses every "
                                                  "rule: name the rules it is for.", "blanket"))
        line = comment.span.start_line
        if kind == "disable-next-line":
            ranges.append((directive, comment.span.end_line + 1, comment.span.end_line + 1))
        elif kind == "disable-line":
            ranges.append((directive, line, line))
        elif kind == "disable-file":
            ranges.append((directive, 1, _FAR))
        elif kind == "disable":
            open_ranges.append(directive)
        else:  # enable: closes the matching disable(s)
            closed = False
            for opened in list(open_ranges):
                if not directive.rules or set(opened.rules) & set(directive.rules) or not opened.rules:
                    ranges.append((opened, opened.span.start_line, line))
                    open_ranges.remove(opened)
                    closed = True
            if not closed:
                problems.append(Problem(comment.span, "`prisma-lint-enable` re-enables nothing: no `prisma-lint-"
                                                      "disable` for these rules is open above it.", "enable"))
            continue  # an enable suppresses nothing, so it is never "unused"
        directives.append(directive)
    for opened in open_ranges:
        names = ", ".join(opened.rules) if opened.rules else "every rule"
        problems.append(Problem(opened.span, f"`prisma-lint-disable` ({names}) is never re-enabled, so it suppresses "
                                             "to the end of the file: add `// prisma-lint-enable` after the lines "
                                             "it is for.", "unclosed"))
        ranges.append((opened, opened.span.start_line, _FAR))
    return Suppressions(directives, problems, ranges)


def suppression_problems(suppressions: Suppressions, ctx, text: Optional[str] = None) -> list[Diagnostic]:
    """The diagnostics of rule `unused-suppression` (its `ctx`) for one file's suppression comments.
    With the file's `text`, an unused directive's diagnostic carries its fix: the comment removed."""
    from prisma_lint.fixes.builders import remove_comment
    options = ctx.options
    allowed = {kind for kind, allow in (("blanket", getattr(options, "allow_blanket", False)),
                                        ("unclosed", getattr(options, "allow_unclosed", False))) if allow}
    found = []
    for directive in suppressions.directives:
        if not directive.used:
            names = ", ".join(directive.rules) if directive.rules else "any rule"
            edits = (remove_comment(text, directive.span),) if text is not None else ()
            found.append(ctx.diagnostic(directive.span, f"This suppression comment suppresses nothing ({names}).",
                                        fix_hint="Remove the suppression comment.", edits=edits))
    for problem in suppressions.problems:
        if problem.kind not in allowed:
            severity = Severity.ERROR if problem.kind == "malformed" else None
            found.append(ctx.diagnostic(problem.span, problem.message, severity=severity))
    return found


def _check_npm_ignore(comment: Comment, canonical: Callable[[str], Optional[str]],
                      takes_args: Callable[[str], bool],
                      known: Optional[Callable[[], Iterable[str]]]) -> list[Problem]:
    """Problems of one `/// prisma-lint-ignore-...` comment: an unknown kind, or a word that is neither a
    rule nor an argument of the rule before it (npm rules read arguments only where `takes_args`)."""
    match = _NPM_IGNORE_WORD.match(comment.text)
    if match is None:
        return []
    kind = match.group("kind")
    if kind not in _NPM_KINDS:
        hint = _did_you_mean(kind, _NPM_KINDS)
        hint = hint.replace("`", "`prisma-lint-ignore-", 1) if hint else \
            " The npm tool's comments are `prisma-lint-ignore-model`, `-enum` and `-field`."
        return [Problem(comment.span, f"Unknown ignore comment `prisma-lint-ignore-{_quote(kind)}`: it ignores "
                                      f"nothing.{hint}", "malformed")]
    words = [w for w in _WORDS.split((match.group("rest") or "").strip()) if w]
    if not words:
        return [Problem(comment.span, f"`prisma-lint-ignore-{kind}` names no rule, so it ignores every rule: "
                                      "name the rules it is for.", "blanket")]
    problems = []
    current: Optional[str] = None
    for word in words:
        code = canonical(word)
        if code is not None:
            current = code
        elif current is None or kind == "field" or not takes_args(current):
            problems.append(_unknown_rule(comment.span, word, known))
    return problems


class _NpmPlacement:
    """Where each `///` line of one file belongs, to tell an npm ignore comment of the wrong kind (an
    `ignore-model` on an enum) or in the wrong place (an `ignore-field` above a model, or a comment that
    documents nothing), each of which silently ignores nothing."""

    def __init__(self, schema: Schema, path: Optional[str]) -> None:
        self._docs = {c.span.start_line for c in schema.comments if c.doc and c.span.file == path}
        self._blocks = sorted((b for b in schema.blocks if b.span.file == path), key=lambda b: b.span.start_line)
        self._first_lines = [b.span.start_line for b in self._blocks]  # bisected: one look-up per comment
        self._starts = {b.span.start_line: b for b in self._blocks}

    def _inside(self, line: int):
        """The block whose lines hold `line`, or None."""
        at = bisect.bisect_right(self._first_lines, line) - 1
        block = self._blocks[at] if at >= 0 else None
        return block if block is not None and line <= block.span.end_line else None

    def _documented_line(self, line: int) -> int:
        """The first line below the run of `///` lines that holds `line` (what they document)."""
        line += 1
        while line in self._docs:
            line += 1
        return line

    def check(self, comment: Comment) -> list[Problem]:
        match = _NPM_IGNORE_WORD.match(comment.text)
        kind = match.group("kind") if match else None
        if kind not in _NPM_KINDS:
            return []  # an unknown kind is reported by _check_npm_ignore
        line = comment.span.start_line
        inside = self._inside(line)
        block = inside or self._starts.get(self._documented_line(line))
        if block is None or block.kind in ("datasource", "generator"):
            return [self._problem(comment, kind, None, "it documents no model, enum or field (a `///` comment "
                                                       "documents the declaration directly below it)")]
        if block.kind == "enum":
            right = "enum"
        elif kind == "field" and inside is not None:
            fields = {f.span.start_line for f in getattr(block, "fields", ())}
            if line in fields or self._documented_line(line) in fields:
                return []
            return [self._problem(comment, kind, "model", "it documents no field")]
        else:
            right = "model"
        if kind == right:
            return []
        what = {"enum": "an enum", "model": f"a {block.kind}" if block.kind != "type" else "a type"}[right]
        return [self._problem(comment, kind, right, f"it is on {what}")]

    @staticmethod
    def _problem(comment: Comment, kind: str, right: Optional[str], why: str) -> Problem:
        hint = f" Did you mean `prisma-lint-ignore-{right}`?" if right else ""
        return Problem(comment.span, f"`prisma-lint-ignore-{kind}` ignores nothing here: {why}.{hint}", "malformed")


_NPM_IGNORE = re.compile(r"^\s*prisma-lint-ignore-(?P<kind>model|enum|field)(?=\s|$)(?P<rest>.*)$")


def npm_ignores(documentation: Optional[str], kind: str,
                is_rule: Optional[Callable[[str], bool]] = None) -> Optional[dict[str, list[str]]]:
    """The npm prisma-lint ignore comments in a node's documentation: {rule name: args}; the key "*"
    (with no args) when every rule is ignored. None when there are none.

    Several rules may be named, separated by spaces or commas; with `is_rule`, a word that is not a rule
    name is an argument of the rule before it (`require-field createdAt updatedAt`)."""
    if not documentation or "prisma-lint-ignore-" not in documentation:
        return None  # most documentation comments: no line can match
    found: dict[str, list[str]] = {}
    for line in documentation.splitlines():
        match = _NPM_IGNORE.match(line)
        if match is None or match.group("kind") != kind:
            continue
        words = [w for w in re.split(r"[\s,]+", match.group("rest").strip()) if w]
        if not words:
            found["*"] = []
            continue
        current = words[0]
        found.setdefault(current, [])
        for word in words[1:]:
            if is_rule is not None and is_rule(word):
                current = word
                found.setdefault(current, [])
            else:
                found[current].append(word)
    return found or None


class NpmIgnores:
    """The npm prisma-lint ignore comments of a schema, by block and by field.

    A block's comments are read from its documentation (the `///` lines above it) and from `///` lines
    inside its body, where the npm tool's docs put them. `is_rule` tells rule names from arguments."""

    def __init__(self, schema: Schema, is_rule: Optional[Callable[[str], bool]] = None) -> None:
        self._is_rule = is_rule
        self._body: dict[tuple[Optional[str], int], list[str]] = {}
        for comment in schema.comments:
            if comment.doc and "prisma-lint-ignore-" in comment.text:
                self._body.setdefault((comment.span.file, comment.span.start_line), []).append(comment.text)

    def for_block(self, block) -> dict[str, list[str]]:
        kind = "enum" if block.kind == "enum" else "model"
        texts = [block.documentation] if block.documentation else []
        if self._body:
            span = block.span
            for line in range(span.start_line, span.end_line + 1):
                texts.extend(self._body.get((span.file, line), ()))
        return npm_ignores("\n".join(texts), kind, self._is_rule) or {}

    def for_field(self, f) -> dict[str, list[str]]:
        return npm_ignores(f.documentation, "field", self._is_rule) or {}

    @staticmethod
    def covers(found: dict[str, list[str]], names: Iterable[str], with_args: bool = True) -> bool:
        """Whether `found` ignores a rule known by `names`: everything, or the rule (when `with_args` is
        False, only where no arguments were given, as arguments are then the rule's to read)."""
        if "*" in found:
            return True
        return any(name in found and (with_args or not found[name]) for name in names)
