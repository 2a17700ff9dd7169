"""Suppression comments.

Ours are `//` comments (a `///` comment is documentation: Prisma copies it into the generated client):

* `// prisma-lint-disable-next-line RULE[, RULE] -- reason`: the next line;
* `// prisma-lint-disable-line RULE` at the end of a line: that line;
* `// prisma-lint-disable RULE` ... `// prisma-lint-enable RULE`: the lines between (to the end of the
  file when not re-enabled);
* `// prisma-lint-disable-file RULE`: the whole file.

With no rule named, a directive covers every rule. Rules are named by code or name. A directive that
suppresses nothing is itself reported (rule `unused-suppression`).

The npm prisma-lint's documentation comments are honoured too: `/// prisma-lint-ignore-model [rule
[args]]` in a model's documentation, `/// prisma-lint-ignore-enum [rule]` in an enum's, and
`/// prisma-lint-ignore-field [rule]` in a field's. Arguments after a rule name are for the rule itself
(e.g. `require-field createdAt` skips only that required field); rules that take none ignore them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.diagnostics import Diagnostic

__all__ = ["Directive", "Suppressions", "parse_directives", "npm_ignores", "NpmIgnores"]

_DIRECTIVE = re.compile(
    r"^\s*prisma-lint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rest>.*)$"
)
_MALFORMED = re.compile(r"^\s*prisma-lint-[a-z-]+")


@dataclass
class Directive:
    kind: str
    rules: tuple[str, ...]  # as written; empty means every rule
    span: Span
    reason: Optional[str]
    used: set[str] = field(default_factory=set)  # the rule names it suppressed something for

    def covers(self, diagnostic: Diagnostic) -> bool:
        return not self.rules or diagnostic.code in self.rules or diagnostic.rule in self.rules


@dataclass
class Suppressions:
    """The directives of one file, and what each covers."""

    directives: list[Directive]
    problems: list[tuple[Span, str]]  # malformed directives
    _ranges: list[tuple[Directive, int, int]] = field(default_factory=list)  # directive, first, last line

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        hit = False
        for directive, first, last in self._ranges:
            if first <= diagnostic.line <= last and directive.covers(diagnostic):
                directive.used.add(diagnostic.code)
                hit = True
        return hit


def parse_directives(schema: Schema, path: Optional[str], canonical: Callable[[str], Optional[str]]) -> Suppressions:
    """Read the suppression comments of `schema` that belong to file `path`. `canonical` maps a rule
    name or code to its code (None when unknown)."""
    directives: list[Directive] = []
    problems: list[tuple[Span, str]] = []
    ranges: list[tuple[Directive, int, int]] = []
    open_ranges: list[Directive] = []
    for comment in schema.comments:
        if comment.doc or comment.span.file != path:
            continue
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            if _MALFORMED.match(comment.text):
                problems.append((comment.span, f"Unknown suppression comment `{comment.text.strip()}`."))
            continue
        rest, _sep, reason = match.group("rest").partition("--")
        names = tuple(n for n in re.split(r"[\s,]+", rest.strip()) if n)
        codes = []
        for name in names:
            code = canonical(name)
            if code is None:
                problems.append((comment.span, f"Suppression comment names an unknown rule `{name}`."))
            else:
                codes.append(code)
        directive = Directive(match.group("kind"), tuple(codes), comment.span, reason.strip() or None)
        if names and not codes:
            continue
        line = comment.span.start_line
        kind = directive.kind
        if kind == "disable-next-line":
            ranges.append((directive, comment.span.end_line + 1, comment.span.end_line + 1))
        elif kind == "disable-line":
            ranges.append((directive, line, line))
        elif kind == "disable-file":
            ranges.append((directive, 1, 1 << 30))
        elif kind == "disable":
            open_ranges.append(directive)
        else:  # enable: closes the matching disable(s)
            for opened in list(open_ranges):
                if not directive.rules or set(opened.rules) & set(directive.rules) or not opened.rules:
                    ranges.append((opened, opened.span.start_line, line))
                    open_ranges.remove(opened)
            continue  # an enable suppresses nothing, so it is never "unused"
        directives.append(directive)
    for opened in open_ranges:
        ranges.append((opened, opened.span.start_line, 1 << 30))
    return Suppressions(directives, problems, ranges)


_NPM_IGNORE = re.compile(r"^\s*prisma-lint-ignore-(?P<kind>model|enum|field)\b(?P<rest>.*)$")


def npm_ignores(documentation: Optional[str], kind: str,
                is_rule: Optional[Callable[[str], bool]] = None) -> Optional[dict[str, list[str]]]:
    """The npm prisma-lint ignore comments in a node's documentation: {rule name: args}; the key "*"
    (with no args) when every rule is ignored. None when there are none.

    Several rules may be named, separated by spaces or commas; with `is_rule`, a word that is not a rule
    name is an argument of the rule before it (`require-field createdAt updatedAt`)."""
    if not documentation:
        return None
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
