"""The lint run: find schemas, parse them, run the rules, apply suppressions.

parse -> schema-scope rules for each schema -> project-scope rules once -> suppressions -> sorted
diagnostics. A syntax error is a diagnostic (`syntax-error`), not an exception; a rule that raises is
reported (`internal-error`) and the others still run.
"""

from __future__ import annotations

import glob
import json
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union

from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.config import CliSelection, LintConfig, RuleSettings, default_config, find_config, load_config
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.directives import NpmIgnores, Suppressions, parse_directives, suppression_problems
from prisma_lint.parser import PrismaSyntaxError, parse
from prisma_lint.parser.parser import parse_texts, read_schema_file
from prisma_lint.rules.base import Project, RuleContext, SchemaUnit
from prisma_lint.rules.registry import default_registry

__all__ = ["LintResult", "lint_text", "lint_paths", "lint_groups", "schema_groups", "discover", "InputError"]

SYNTAX_ERROR = ("PL001", "syntax-error")
UNUSED_SUPPRESSION = ("PL003", "unused-suppression")
INTERNAL_ERROR = ("PL000", "internal-error")
_SKIPPED_FOLDERS = {"node_modules", ".git", ".venv", "venv", "__pycache__", ".cache"}


class InputError(ValueError):
    """A path that cannot be linted (missing, or no schema in it)."""


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    units: list[SchemaUnit] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    internal_errors: int = 0
    rules_run: set[str] = field(default_factory=set)  # codes of the rules enabled for at least one schema

    @property
    def syntax_errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.code == SYNTAX_ERROR[0])

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def exit_code(self) -> int:
        """0 clean (or only warnings and info), 1 an error-severity finding, 2 a syntax or internal error."""
        if self.syntax_errors or self.internal_errors:
            return 2
        return 1 if self.count(Severity.ERROR) else 0

    def summary(self) -> dict:
        return {
            "files": len(self.files),
            "schemas": len(self.units),
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO),
            "syntax_errors": self.syntax_errors,
            "exit_code": self.exit_code,
        }


# --------------------------------------------------------------------------------------------------
# Finding schemas
# --------------------------------------------------------------------------------------------------


def _service_of(path: Path) -> Optional[str]:
    parts = path.resolve().parts
    if "services" in parts:
        index = len(parts) - 1 - parts[::-1].index("services")
        if index + 1 < len(parts) - 1:
            return parts[index + 1]
    if "prisma" in parts:
        index = len(parts) - 1 - parts[::-1].index("prisma")
        if index >= 1:
            return parts[index - 1]
    return None


def _default_targets(cwd: Path) -> list[Path]:
    """No path given: package.json's `prisma.schema`, else `prisma/schema.prisma` or `prisma/schema/`."""
    package = cwd / "package.json"
    if package.is_file():
        try:
            configured = json.loads(package.read_text(encoding="utf-8")).get("prisma", {}).get("schema")
        except (OSError, ValueError, AttributeError):
            configured = None
        if isinstance(configured, str):
            return [cwd / configured]
    for candidate in (cwd / "prisma" / "schema.prisma", cwd / "prisma" / "schema"):
        if candidate.exists():
            return [candidate]
    raise InputError("no schema given and none found (looked for prisma/schema.prisma, prisma/schema/ and "
                     "package.json's prisma.schema)")


def discover(paths: Iterable[Union[str, Path]]) -> list[list[Path]]:
    """The schemas the paths stand for, each a list of files. A file is a schema; a folder named `schema`
    (Prisma's multi-file layout) is one schema; any other folder is searched for `.prisma` files."""
    units: list[list[Path]] = []
    seen: set[Path] = set()

    def add(files: list[Path]) -> None:
        files = [f for f in files if f.resolve() not in seen]
        if files:
            seen.update(f.resolve() for f in files)
            units.append(files)

    targets: list[Path] = []
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"{text}: no file matches this pattern")
            targets.extend(Path(m) for m in matches)
        else:
            targets.append(Path(text))
    for target in targets:
        if not target.exists():
            raise InputError(f"{target}: no such file or folder")
        if target.is_file():
            add([target])
            continue
        if target.name == "schema" and any(target.glob("*.prisma")):
            add(sorted(target.rglob("*.prisma")))
            continue
        found = []
        for root, folders, files in os.walk(target):
            folders[:] = sorted(f for f in folders if f not in _SKIPPED_FOLDERS)
            root_path = Path(root)
            if root_path.name == "schema" and any(f.endswith(".prisma") for f in files):
                found.append(sorted(root_path.rglob("*.prisma")))
                folders[:] = []
                continue
            found.extend([root_path / f] for f in sorted(files) if f.endswith(".prisma"))
        if not found:
            raise InputError(f"{target}: no .prisma files in this folder")
        for files in found:
            add(files)
    return units


# --------------------------------------------------------------------------------------------------
# Running rules
# --------------------------------------------------------------------------------------------------


def _syntax_diagnostics(error: PrismaSyntaxError) -> list[Diagnostic]:
    return [
        Diagnostic(p.path, p.line, p.column, p.end_line or p.line, p.end_column or p.column + 1,
                   SYNTAX_ERROR[0], SYNTAX_ERROR[1], Severity.ERROR, p.message)
        for p in error.errors
    ]


def _internal(rule_name: str, unit_path: Optional[str], error: BaseException) -> Diagnostic:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return Diagnostic(unit_path, 1, 1, 1, 1, INTERNAL_ERROR[0], INTERNAL_ERROR[1], Severity.ERROR,
                      f"Rule `{rule_name}` failed on this schema: {type(error).__name__}: {error}{where}. "
                      "Please report it; the other rules still ran.")


def _run_schema_rules(unit: SchemaUnit, settings: list[RuleSettings]) -> tuple[list[Diagnostic], int]:
    found: list[Diagnostic] = []
    failures = 0
    for setting in settings:
        if setting.rule.scope != "schema":
            continue
        ctx = RuleContext(setting.rule, setting.options, setting.severity, unit=unit)
        try:
            found.extend(setting.rule.check(unit.schema, ctx) or ())
        except Exception as error:  # noqa: BLE001 - a broken rule must not stop the gate
            found.append(_internal(setting.rule.name, unit.path, error))
            failures += 1
    return found, failures


def _npm_ignore_filter(schema: Schema, settings: list[RuleSettings]):
    """Drop diagnostics inside a model, enum or field whose ignore comments name their rule (npm
    prisma-lint's `/// prisma-lint-ignore-model`, `-enum`, `-field`). A rule that reads the comment's
    arguments itself (`IGNORE_ARGS`) keeps the diagnostics it chose to report."""
    registry = default_registry()
    ignores = NpmIgnores(schema, lambda word: registry.find(word) is not None)
    scopes: list[tuple[Span, dict[str, list[str]]]] = []
    for block in schema.blocks:
        if block.kind not in ("model", "view", "type", "enum"):
            continue
        found = ignores.for_block(block)
        if found:
            scopes.append((block.span, found))
        for f in getattr(block, "fields", ()):
            found = ignores.for_field(f)
            if found:
                scopes.append((f.span, found))
    if not scopes:
        return lambda diagnostic: False
    rules = {s.rule.code: s.rule for s in settings}

    def ignored(diagnostic: Diagnostic) -> bool:
        rule = rules.get(diagnostic.code)
        names = rule.names() if rule else (diagnostic.code, diagnostic.rule)
        with_args = not (rule is not None and rule.ignore_args)
        return any(span.file == diagnostic.path and span.start_line <= diagnostic.line <= span.end_line
                   and NpmIgnores.covers(found, names, with_args) for span, found in scopes)

    return ignored


def _finish_file(diagnostics: list[Diagnostic], schema: Schema, path: Optional[str], settings: list[RuleSettings],
                 registry, ignored, text: Optional[str] = None) -> list[Diagnostic]:
    def canonical(name: str) -> Optional[str]:
        if name in (SYNTAX_ERROR[0], SYNTAX_ERROR[1]):
            return SYNTAX_ERROR[0]
        rule = registry.find(name)
        return rule.code if rule else None

    def takes_args(code: str) -> bool:
        rule = registry.find(code)
        return rule is not None and rule.ignore_args

    def known() -> list[str]:
        return [name for rule in registry for name in rule.names()]

    suppressions: Suppressions = parse_directives(schema, path, canonical, takes_args, known)
    kept = [d for d in diagnostics if d.code == INTERNAL_ERROR[0]
            or not (suppressions.suppresses(d) or ignored(d))]
    unused = next((s for s in settings if s.rule.code == UNUSED_SUPPRESSION[0]), None)
    if unused is not None:
        ctx = RuleContext(unused.rule, unused.options, unused.severity)
        kept.extend(suppression_problems(suppressions, ctx, text))
    return kept


def _lint_units(units: list[SchemaUnit], syntax: list[Diagnostic], config_for) -> LintResult:
    result = LintResult(diagnostics=list(syntax), units=units)
    by_unit: list[tuple[SchemaUnit, list[RuleSettings], list[Diagnostic]]] = []
    for unit in units:
        settings = config_for(unit.path)
        result.rules_run.update(s.rule.code for s in settings)
        found, failures = _run_schema_rules(unit, settings)
        result.internal_errors += failures
        by_unit.append((unit, settings, found))
    # Project-scope rules run once, with the settings of the first schema's configuration.
    if units:
        project = Project(units)
        for setting in config_for(units[0].path):
            if setting.rule.scope != "project":
                continue
            ctx = RuleContext(setting.rule, setting.options, setting.severity, project=project)
            try:
                extra = list(setting.rule.check(project, ctx) or ())
            except Exception as error:  # noqa: BLE001
                result.diagnostics.append(_internal(setting.rule.name, None, error))
                result.internal_errors += 1
                continue
            for diagnostic in extra:
                target = next((entry for entry in by_unit if diagnostic.path in entry[0].texts), None)
                if target is not None:
                    target[2].append(diagnostic)
                else:
                    result.diagnostics.append(diagnostic)
    registry = default_registry()
    for unit, settings, found in by_unit:
        ignored = _npm_ignore_filter(unit.schema, settings)  # once per schema, for all its files
        for file_path in unit.texts:
            in_file = [d for d in found if d.path == file_path]
            result.diagnostics.extend(_finish_file(in_file, unit.schema, file_path, settings, registry, ignored,
                                                   unit.texts.get(file_path)))
        result.diagnostics.extend(d for d in found if d.path not in unit.texts)
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return result


def _config_resolver(config: Union[LintConfig, CliSelection, None]):
    if isinstance(config, LintConfig):
        return config.rules_for
    loaded: dict[Optional[Path], LintConfig] = {}

    def resolve(path: Optional[str]) -> list[RuleSettings]:
        found = find_config(Path(path)) if path else None
        if found not in loaded:
            loaded[found] = load_config(found) if found is not None else default_config()
            if isinstance(config, CliSelection):
                loaded[found] = loaded[found].with_cli(config.select, config.ignore)
        return loaded[found].rules_for(path)

    return resolve


def lint_text(text: str, path: Optional[str] = None, config: Optional[LintConfig] = None) -> list[Diagnostic]:
    """Lint one schema given as text. Without a config, the strategy preset applies (a config file
    next to `path` is not looked for: pass `load_config(...)` for that)."""
    config = config or default_config()
    try:
        schema = parse(text, path)
    except PrismaSyntaxError as error:
        return _syntax_diagnostics(error)
    unit = SchemaUnit(path or "<string>", schema, {path: text} if path else {None: text})  # type: ignore[dict-item]
    return _lint_units([unit], [], config.rules_for).diagnostics


def lint_paths(paths: Iterable[Union[str, Path]], config: Union[LintConfig, CliSelection, None] = None) -> LintResult:
    """Lint schema files and folders. Without a config, each schema uses the closest config file above
    it, or the strategy preset. Raises InputError for a path that does not exist or holds no schema."""
    return lint_groups(schema_groups(paths), config)


def schema_groups(paths: Iterable[Union[str, Path]]) -> list[list[Path]]:
    """`discover(paths)`, or with no path the project's default schema (package.json, prisma/...)."""
    paths = list(paths)
    return discover(paths) if paths else discover(_default_targets(Path.cwd()))


def lint_groups(groups: list[list[Path]], config: Union[LintConfig, CliSelection, None] = None,
                texts: Optional[dict[str, str]] = None) -> LintResult:
    """Lint schemas given as groups of files (as `discover` returns them). A file whose path is in
    `texts` is linted with that text instead of what is on disk (the fixer's and the editor's unsaved
    text); the others are read."""
    units: list[SchemaUnit] = []
    syntax: list[Diagnostic] = []
    files: list[str] = []
    for group in groups:
        names = [str(p) for p in group]
        files.extend(names)
        try:
            group_texts = {str(p): texts[str(p)] if texts and str(p) in texts else read_schema_file(p)
                           for p in group}
            schema = parse_texts(group_texts)
        except PrismaSyntaxError as error:
            syntax.extend(_syntax_diagnostics(error))
            continue
        except OSError as error:
            raise InputError(f"{names[0]}: cannot read: {error.strerror or error}") from None
        unit_path = str(group[0].parent) if len(group) > 1 else names[0]
        units.append(SchemaUnit(unit_path, schema, group_texts, _service_of(group[0])))
    result = _lint_units(units, syntax, _config_resolver(config))
    result.files = files
    return result
