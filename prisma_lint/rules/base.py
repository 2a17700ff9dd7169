"""What a rule is, and what it is given when it runs.

A rule is a small module (see docs/writing-rules.md and any module in this package):

* a docstring whose first line is the summary and whose sections are `## What it does`, `## Why is this
  bad?`, `## Example` (a ```prisma block that triggers the rule, then "Use instead:" and a block that
  does not), and `## Options`;
* metadata as module constants: `CODE` ("PL101"), `NAME` ("model-name-pascal-case"), `CATEGORY`,
  `SEVERITY` ("error" | "warning" | "info"), optionally `SCOPE` ("schema", the default, or "project"),
  `ALIASES` (other names accepted in configs, e.g. deprecated ones), `DEFAULT_OPTIONS` (options the
  rule's docs Example is linted with) and `IGNORE_ARGS` (True when the rule reads the arguments of
  npm-style `/// prisma-lint-ignore-model rule args` comments, through `ctx.ignore_args(block)`);
* `@dataclass(frozen=True) class Options(RuleOptions)`: its options (`prisma_lint.rules.options`),
  validated by pydantic when a configuration sets them, unknown keys rejected; each field's
  `option(default, description)` is its documentation (the `## Options` section of the rule's page
  is generated from them);
* `def check(schema, ctx: RuleContext[Options])` (or `check(project, ctx)` for project scope) that
  yields `ctx.diagnostic(span, message, fix_hint=...)` for each violation; `ctx.options` is the
  rule's `Options`.

Suppressions are the engine's job, not the rule's: `// prisma-lint-disable...` directives and the npm
ignore comments (`/// prisma-lint-ignore-model`, `-enum`, `-field`) are applied to what a rule reports.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterable, Literal, Optional, TypeVar, Union

from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.diagnostics import Diagnostic, Edit, Severity
from prisma_lint.project.model import Project, SchemaUnit
from prisma_lint.rules.options import NoOptions, RuleOptions, option, option_key

if TYPE_CHECKING:
    from prisma_lint.directives import NpmIgnores

__all__ = ["RuleOptions", "Rule", "RuleContext", "SchemaUnit", "Project", "option", "option_key"]


class Rule:
    """A rule: its metadata, and (loaded on first use) its module's options, check and documentation.

    Built-in rules are created from the generated manifest (`prisma_lint/rules/manifest.py`), so a run
    imports only the modules of the rules it enables; plugin rules come from their module directly."""

    __slots__ = ("code", "name", "category", "severity", "scope", "aliases", "summary", "module",
                 "ignore_args", "_loaded")

    _CODE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
    _NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

    def __init__(self, code: str, name: str, category: str, severity: Union[Severity, str], scope: str,
                 aliases: tuple[str, ...], summary: str, module: str, ignore_args: bool = False,
                 loaded: Optional[ModuleType] = None) -> None:
        self.code = code
        self.name = name
        self.category = category
        self.severity = Severity(severity)
        self.scope: Literal["schema", "project"] = scope  # type: ignore[assignment]
        self.aliases = tuple(aliases)
        self.summary = summary
        self.module = module
        self.ignore_args = ignore_args
        self._loaded = loaded

    def __repr__(self) -> str:
        return f"Rule({self.code} {self.name})"

    # -- the module, loaded on first use ---------------------------------------------------------------

    def _module(self) -> ModuleType:
        if self._loaded is None:
            loaded = importlib.import_module(self.module)
            if (getattr(loaded, "CODE", None), getattr(loaded, "NAME", None)) != (self.code, self.name):
                raise ValueError(f"rule manifest is stale for {self.module}: regenerate it with "
                                 "`python -m prisma_lint.rules.docs`")
            self._loaded = loaded
        return self._loaded

    @property
    def options(self) -> type[RuleOptions]:
        return getattr(self._module(), "Options", NoOptions)

    @property
    def check(self) -> Callable[..., Iterable[Diagnostic]]:
        return self._module().check

    @property
    def doc(self) -> str:
        return (self._module().__doc__ or "").strip()

    @property
    def default_options(self) -> dict:
        return dict(getattr(self._module(), "DEFAULT_OPTIONS", {}))

    # -- construction ----------------------------------------------------------------------------------

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        """Read and check a rule module's metadata; a broken module fails with a message naming it."""
        where = module.__name__

        def need(attribute: str) -> Any:
            if not hasattr(module, attribute):
                raise ValueError(f"rule module {where} has no {attribute}")
            return getattr(module, attribute)

        code, name = need("CODE"), need("NAME")
        if not cls._CODE.match(code):
            raise ValueError(f"rule module {where}: CODE {code!r} is not like 'PL101'")
        if not cls._NAME.match(name):
            raise ValueError(f"rule module {where}: NAME {name!r} is not kebab-case")
        scope = getattr(module, "SCOPE", "schema")
        if scope not in ("schema", "project"):
            raise ValueError(f"rule module {where}: SCOPE must be 'schema' or 'project'")
        options = getattr(module, "Options", NoOptions)
        if not (isinstance(options, type) and issubclass(options, RuleOptions)
                and "__dataclass_fields__" in options.__dict__):
            raise ValueError(f"rule module {where}: Options must be a @dataclass(frozen=True) subclass of RuleOptions")
        doc = (module.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule module {where} has no docstring")
        need("check")
        return cls(code, name, need("CATEGORY"), need("SEVERITY"), scope, tuple(getattr(module, "ALIASES", ())),
                   doc.splitlines()[0].strip(), where, bool(getattr(module, "IGNORE_ARGS", False)), module)

    def manifest_entry(self) -> tuple:
        """This rule's line in the manifest: everything needed before its module is imported."""
        return (self.module, self.code, self.name, self.category, self.severity.value, self.scope,
                self.aliases, self.ignore_args, self.summary)

    def names(self) -> tuple[str, ...]:
        return (self.code, self.name, *self.aliases)


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class RuleContext(Generic[OptionsT]):
    """What a rule's `check` gets besides the schema: its options (typed: annotate the parameter as
    `RuleContext[Options]`), and a way to make diagnostics."""

    def __init__(self, rule: Rule, options: OptionsT, severity: Severity, unit: Optional[SchemaUnit] = None,
                 project: Optional[Project] = None, ignores: Optional["NpmIgnores"] = None) -> None:
        self.rule = rule
        self.options: OptionsT = options
        self.severity = severity
        self.unit = unit
        self.project = project
        self._ignores = ignores

    def ignore_args(self, block) -> set[str]:
        """The arguments that npm-style ignore comments of `block` (a model, view, composite type or
        enum) give this rule: `/// prisma-lint-ignore-model require-field createdAt` gives
        `{"createdAt"}` to `require-field`. Only for rules with `IGNORE_ARGS = True`, where npm gives
        the arguments a meaning; everything else such a comment covers is dropped by the engine."""
        if self._ignores is None:
            return set()
        found = self._ignores.for_block(block)
        return {argument for name in self.rule.names() for argument in found.get(name, ())}

    @property
    def path(self) -> Optional[str]:
        return self.unit.path if self.unit else None

    def diagnostic(self, span: Span, message: str, fix_hint: Optional[str] = None,
                   edits: Iterable[Edit] = (), severity: Union[Severity, str, None] = None,
                   unsafe_fix: bool = False) -> Diagnostic:
        """A diagnostic of this rule at `span` (use the narrowest span: a name, not a whole block).
        `edits` is its fix (byte spans of the file `span` is in, see `prisma_lint.diagnostics`); mark it
        `unsafe_fix` when applying it may change what the schema means to its users."""
        return Diagnostic(
            path=span.file if span.file is not None else self.path,
            line=span.start_line,
            column=span.start_column,
            end_line=span.end_line,
            end_column=span.end_column,
            code=self.rule.code,
            rule=self.rule.name,
            severity=Severity(severity) if severity is not None else self.severity,
            message=message,
            fix_hint=fix_hint,
            edits=tuple(sorted(edits, key=lambda e: (e.start, e.end))),  # in file order (stable)
            unsafe_fix=unsafe_fix,
        )
