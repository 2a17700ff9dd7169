"""The lint run: find schemas, parse them, run the rules, apply suppressions.

parse -> schema-scope rules for each schema -> project-scope rules once -> suppressions -> sorted
diagnostics. A syntax error is a diagnostic (`syntax-error`), not an exception; a rule that raises is
reported (`internal-error`) and the others still run.

The engine is the one owner of suppressions: `// prisma-lint-disable...` directives and the npm
prisma-lint's ignore comments are applied here, to every rule's diagnostics, with the rule names of
the run's registry (so a plugin rule is suppressed by its name like a built-in one). A rule reads npm
ignore *arguments* only where npm gives them a meaning (`IGNORE_ARGS`, `RuleContext.ignore_args`).
"""

from __future__ import annotations

import dataclasses
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from prisma_lint.ast.nodes import Schema, Span
from prisma_lint.config import (CliSelection, LintConfig, RuleSettings, config_from_dict, default_config, find_config,
                                load_config)
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.directives import NpmIgnores, Suppressions, parse_directives, suppression_problems
from prisma_lint.files import UnreadableFile
from prisma_lint.parser import PrismaSyntaxError, parse
from prisma_lint.parser.parser import parse_texts, read_schema_file
from prisma_lint.project import (InputError, Project, SchemaUnit, Service, build_project, check_settings,
                                 default_targets, discover)
from prisma_lint.project.build import common_root
from prisma_lint.rules.base import Rule, RuleContext
from prisma_lint.rules.registry import Registry
from prisma_lint.rules.schema import PL000_internal_error as internal_error
from prisma_lint.rules.schema import PL001_syntax_error as syntax_error
from prisma_lint.rules.schema import PL003_unused_suppression as unused_suppression
from prisma_lint.rules.schema import PL007_unreadable_file as unreadable_file

__all__ = ["LintResult", "Suppressed", "lint_text", "lint_source", "lint_paths", "lint_groups", "schema_groups",
           "discover", "InputError", "RunPlan", "LintedPart", "plan_run", "lint_part", "finish_run", "unit_path"]



@dataclass(frozen=True)
class Suppressed:
    """A finding a comment in the schema suppressed: kept for reports that list suppressions (SARIF)."""

    diagnostic: Diagnostic
    comment: str  # the kind of comment: `prisma-lint-disable-next-line`, `prisma-lint-ignore-model`, ...
    reason: Optional[str]  # the text after `--`, when the comment gives one


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    units: list[SchemaUnit] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    project: Optional[Project] = None  # the services of the run (prisma_lint.project)
    project_view: Optional[dict] = None  # a cached run's project report data (it has no parsed project)
    internal_errors: int = 0
    rules_run: set[str] = field(default_factory=set)  # codes of the rules enabled for at least one schema
    suppressed: list[Suppressed] = field(default_factory=list)  # findings hidden by comments, not counted
    registry: Optional[Registry] = None  # the rules the run knew (its configuration's, plugins included)

    def rule_registry(self) -> Registry:
        """The run's rules, for reporters that describe them (the default registry when nothing parsed)."""
        from prisma_lint.rules.registry import default_registry

        return self.registry if self.registry is not None else default_registry()

    @property
    def syntax_errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.code == syntax_error.CODE)

    @property
    def unreadable_files(self) -> int:
        """Schema paths that could not be read (a skipped special file in a folder is only a warning)."""
        return sum(1 for d in self.diagnostics if d.code == unreadable_file.CODE and d.severity == Severity.ERROR)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def exit_code(self) -> int:
        """The exit code of a run with the default `--fail-on error`."""
        return self.exit_code_for()

    def exit_code_for(self, fail_on: str = "error", exit_zero: bool = False) -> int:
        """2 for a syntax or internal error, or a schema file that could not be read; 1 when a finding is at
        least as severe as `fail_on` (unless `exit_zero`); else 0. Reports state this same code."""
        if self.syntax_errors or self.internal_errors or self.unreadable_files:
            return 2
        failing = _FAILING_SEVERITIES[fail_on]
        return 0 if exit_zero or not any(d.severity in failing for d in self.diagnostics) else 1

    def summary(self, fail_on: str = "error", exit_zero: bool = False) -> dict:
        return {
            "files": len(self.files),
            "schemas": len(self.units),
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO),
            "syntax_errors": self.syntax_errors,
            "exit_code": self.exit_code_for(fail_on, exit_zero),
        }


_FAILING_SEVERITIES = {"error": (Severity.ERROR,), "warning": (Severity.ERROR, Severity.WARNING),
                       "info": tuple(Severity)}  # --fail-on LEVEL: the severities that make a run fail


# --------------------------------------------------------------------------------------------------
# Running rules
# --------------------------------------------------------------------------------------------------


def _syntax_diagnostics(error: PrismaSyntaxError) -> list[Diagnostic]:
    return [
        Diagnostic(p.path, p.line, p.column, p.end_line or p.line, p.end_column or p.column + 1,
                   syntax_error.CODE, syntax_error.NAME, Severity(syntax_error.SEVERITY), p.message)
        for p in error.errors
    ]


def _internal(rule_name: str, unit_path: Optional[str], error: BaseException) -> Diagnostic:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return Diagnostic(unit_path, 1, 1, 1, 1, internal_error.CODE, internal_error.NAME, Severity(internal_error.SEVERITY),
                      f"Rule `{rule_name}` failed on this schema: {type(error).__name__}: {error}{where}. "
                      "Please report it; the other rules still ran.")


def _run_schema_rules(unit: SchemaUnit, settings: list[RuleSettings], ignores: NpmIgnores
                      ) -> tuple[list[Diagnostic], int]:
    found: list[Diagnostic] = []
    failures = 0
    for setting in settings:
        if setting.rule.scope != "schema":
            continue
        ctx = RuleContext(setting.rule, setting.options, setting.severity, unit=unit, ignores=ignores)
        try:
            found.extend(setting.rule.check(unit.schema, ctx) or ())
        except Exception as error:  # noqa: BLE001 - a broken rule must not stop the gate
            found.append(_internal(setting.rule.name, unit.path, error))
            failures += 1
    return found, failures


def _npm_ignore_filter(schema: Schema, ignores: NpmIgnores, registry: Registry):
    """Drop diagnostics inside a model, enum or field whose ignore comments name their rule (npm
    prisma-lint's `/// prisma-lint-ignore-model`, `-enum`, `-field`). A model or enum comment that gives
    arguments to a rule that reads them (`IGNORE_ARGS`) leaves the rule to decide what they exempt."""
    scopes: list[tuple[Span, dict[str, list[str]], bool]] = []  # span, ignores, is a field
    for block in schema.blocks:
        if block.kind not in ("model", "view", "type", "enum"):
            continue
        found = ignores.for_block(block)
        if found:
            scopes.append((block.span, found, False))
        for f in getattr(block, "fields", ()):
            if not f.documentation:
                continue  # no comment to read (most fields)
            found = ignores.for_field(f)
            if found:
                scopes.append((f.span, found, True))
    if not scopes:
        return lambda diagnostic: False
    # Indexed by (file, line) so that each diagnostic looks only at the scopes around it: scanning every
    # scope per diagnostic made a schema with an ignore comment on each model quadratic (8,000 models:
    # 9 s of a 12 s run).
    by_line: dict[tuple[Optional[str], int], list[tuple[dict[str, list[str]], bool]]] = {}
    for span, found, is_field in scopes:
        for line in range(span.start_line, span.end_line + 1):
            by_line.setdefault((span.file, line), []).append((found, is_field))

    def ignored(diagnostic: Diagnostic) -> bool:
        around = by_line.get((diagnostic.path, diagnostic.line))
        if not around:
            return False
        rule: Optional[Rule] = registry.find(diagnostic.code)
        names = rule.names() if rule else (diagnostic.code, diagnostic.rule)
        reads_args = rule is not None and rule.ignore_args
        return any(NpmIgnores.covers(found, names, with_args=is_field or not reads_args)
                   for found, is_field in around)

    return ignored


def _finish_file(diagnostics: list[Diagnostic], schema: Schema, path: Optional[str], settings: list[RuleSettings],
                 registry: Registry, ignored, suppressed: list[Suppressed], text: Optional[str] = None) -> list[Diagnostic]:
    def canonical(name: str) -> Optional[str]:
        if name in (syntax_error.CODE, syntax_error.NAME):
            return syntax_error.CODE
        rule = registry.find(name)
        return rule.code if rule else None

    def takes_args(code: str) -> bool:
        rule = registry.find(code)
        return rule is not None and rule.ignore_args

    def known() -> list[str]:
        return [name for rule in registry for name in rule.names()]

    suppressions: Suppressions = parse_directives(schema, path, canonical, takes_args, known)
    kept = []
    for d in diagnostics:
        directive = suppressions.suppresses(d) if d.code != internal_error.CODE else None
        if directive is not None:
            suppressed.append(Suppressed(d, f"prisma-lint-{directive.kind}", directive.reason))
        elif d.code != internal_error.CODE and ignored(d):
            suppressed.append(Suppressed(d, "prisma-lint-ignore", None))
        else:
            kept.append(d)
    unused = next((s for s in settings if s.rule.code == unused_suppression.CODE), None)
    if unused is not None:
        ctx = RuleContext(unused.rule, unused.options, unused.severity)
        kept.extend(suppression_problems(suppressions, ctx, text))
    return kept


def _project_of_units(units: list[SchemaUnit]) -> Project:
    """A project for schemas given directly (text, or units a tool built): one service per schema."""
    services = []
    for unit in units:
        files = [Path(p) for p in unit.texts if p] or [Path(unit.path)]
        name = unit.service or Path(unit.path).stem
        services.append(Service(name, files[0].parent, files, files[0].parent, [unit]))
    return Project(sorted(services, key=lambda s: s.name))


def _run_project_rules(project: Project, settings: list[RuleSettings], result: LintResult) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for setting in settings:
        if setting.rule.scope != "project":
            continue
        ctx = RuleContext(setting.rule, setting.options, setting.severity, project=project)
        try:
            found.extend(setting.rule.check(project, ctx) or ())
        except Exception as error:  # noqa: BLE001 - a broken rule must not stop the gate
            result.diagnostics.append(_internal(setting.rule.name, None, error))
            result.internal_errors += 1
    return found


def _unit_rules(unit: SchemaUnit, config_for) -> tuple[list[RuleSettings], Registry, NpmIgnores]:
    """The rules a schema is linted with, its configuration's registry, and its npm ignore comments."""
    config = config_for(unit.path)
    registry = config.registry
    return (config.rules_for(unit.path), registry,
            NpmIgnores(unit.schema, lambda word, registry=registry: registry.find(word) is not None))


def check_units(units: list[SchemaUnit], config_for) -> list[tuple[list[Diagnostic], int]]:
    """The schema-scope rules' findings (before suppressions) and failure count of each schema: the part
    of `_lint_units` each schema does alone, which `--jobs` runs in other processes."""
    checked = []
    for unit in units:
        settings, _registry, ignores = _unit_rules(unit, config_for)
        checked.append(_run_schema_rules(unit, settings, ignores))
    return checked


def _lint_units(units: list[SchemaUnit], syntax: list[Diagnostic], config_for, project: Optional[Project] = None,
                project_rules: Optional[list[RuleSettings]] = None,
                checked: Optional[list[tuple[list[Diagnostic], int]]] = None) -> LintResult:
    """Schema-scope rules per schema, project-scope rules once, then suppressions per file.
    `config_for(path)` is the LintConfig a schema is linted with; `checked`, when given, holds what
    `check_units(units, config_for)` returned (the schema-scope part, done elsewhere).

    Project-scope rules run with `project_rules` (the settings of the project's configuration; default:
    the first schema's). Each of their findings is then kept only where the configuration of the file it
    is in (or of the service that file belongs to) enables the rule, at that configuration's severity, so
    overrides and suppressions work for them as for any rule."""
    project = project or _project_of_units(units)
    result = LintResult(diagnostics=list(syntax), units=units, project=project)
    by_unit: list[tuple[SchemaUnit, list[RuleSettings], list[Diagnostic], Registry, NpmIgnores]] = []
    for index, unit in enumerate(units):
        settings, registry, ignores = _unit_rules(unit, config_for)
        result.rules_run.update(s.rule.code for s in settings)
        found, failures = checked[index] if checked is not None else _run_schema_rules(unit, settings, ignores)
        result.internal_errors += failures
        by_unit.append((unit, settings, found, registry, ignores))
        if result.registry is None:
            result.registry = registry
    if units:
        if project_rules is None:
            project_rules = config_for(units[0].path).rules_for(units[0].path)
        result.rules_run.update(s.rule.code for s in project_rules if s.rule.scope == "project")
        unit_of = {path: entry for entry in by_unit for path in entry[0].texts}
        for diagnostic in _run_project_rules(project, project_rules, result):
            entry = unit_of.get(diagnostic.path)
            if entry is None:
                service = project.service_of(diagnostic.path) if diagnostic.path else None
                anchor = service.units[0].path if service is not None and service.units else None
                where = next((e for e in by_unit if e[0].path == anchor), None) if anchor else None
                setting = next((s for s in where[1] if s.rule.code == diagnostic.code), None) if where else None
                if where is None or setting is not None:
                    if setting is not None and setting.severity != diagnostic.severity:
                        diagnostic = dataclasses.replace(diagnostic, severity=setting.severity)
                    # With its service's schema, so the suppression comments of its own file apply to it.
                    (where[2] if where is not None else result.diagnostics).append(diagnostic)
                continue
            setting = next((s for s in entry[1] if s.rule.code == diagnostic.code), None)
            if setting is None:
                continue  # the rule is off for this file (an override, or its service's own config)
            if setting.severity != diagnostic.severity:
                diagnostic = dataclasses.replace(diagnostic, severity=setting.severity)
            entry[2].append(diagnostic)
    for unit, settings, found, registry, ignores in by_unit:
        ignored = _npm_ignore_filter(unit.schema, ignores, registry)  # once per schema, for all its files
        for file_path in unit.texts:
            in_file = [d for d in found if d.path == file_path]
            result.diagnostics.extend(_finish_file(in_file, unit.schema, file_path, settings, registry, ignored,
                                                   result.suppressed, unit.texts.get(file_path)))
        # Migration SQL files the migration rules read: `-- prisma-lint-...` comments suppress there too.
        sql_files = _sql_comment_schemas(project.service_of(unit.path) if unit.path else None)
        for file_path, comments in sql_files.items():
            in_file = [d for d in found if d.path == file_path]
            result.diagnostics.extend(_finish_file(in_file, comments, file_path, settings, registry,
                                                   lambda diagnostic: False, result.suppressed))
        result.diagnostics.extend(d for d in found if d.path not in unit.texts and d.path not in sql_files)
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return result


def _sql_comment_schemas(service: Optional[Service]) -> dict[str, Schema]:
    """The SQL files the migration rules read for a service, as comment-only schemas (suppressions)."""
    import sys

    if service is None or "prisma_lint.migrations.analysis" not in sys.modules:  # no migration rule ran
        return {}
    return sys.modules["prisma_lint.migrations.analysis"].sql_comment_schemas(service)


class _Configs:
    """Which configuration applies where: each schema's closest config file (or the given one), and the
    project's: `--config`, else the closest config above the folder that holds every schema."""

    def __init__(self, config: Union[LintConfig, CliSelection, None]) -> None:
        self.config = config
        self.loaded: dict[Optional[Path], LintConfig] = {}
        self.found: dict[Path, Optional[Path]] = {}  # folder -> its closest config file (find_config)

    def _load(self, found: Optional[Path]) -> LintConfig:
        if found not in self.loaded:
            loaded = load_config(found) if found is not None else default_config()
            if isinstance(self.config, CliSelection):
                loaded = loaded.with_cli(self.config.select, self.config.ignore)
            self.loaded[found] = loaded
        return self.loaded[found]

    def for_path(self, path: Optional[str]) -> LintConfig:
        if isinstance(self.config, LintConfig):
            return self.config
        return self._load(find_config(Path(path), self.found) if path else None)

    def for_project(self, root: Optional[Path], first_schema: Optional[str]) -> LintConfig:
        if isinstance(self.config, LintConfig):
            return self.config
        found = find_config(root, self.found) if root is not None else None
        # No config above the whole project: the first schema's (each service may have its own).
        return self._load(found) if found is not None else self.for_path(first_schema)


def _config_argument(config: Any, function: str) -> Union[LintConfig, CliSelection, None]:
    """A library caller's `config`: a config object, a mapping shaped like the `[tool.prisma-lint]` table
    (validated like a config file), a path to a config file, or None. Anything else is a TypeError at
    the call, not a failure deep in the run."""
    if config is None or isinstance(config, (LintConfig, CliSelection)):
        return config
    if isinstance(config, Mapping):
        return config_from_dict(dict(config))
    if isinstance(config, (str, os.PathLike)):
        return load_config(config)
    raise TypeError(f"{function}(): config must be a LintConfig, a mapping, a path to a config file or None, "
                    f"not {type(config).__name__}")


def lint_text(text: str, path: Optional[Union[str, os.PathLike]] = None,
              config: Union[LintConfig, Mapping[str, Any], str, os.PathLike, None] = None) -> list[Diagnostic]:
    """Lint one schema given as text. Without a config, the strategy preset applies (a config file
    next to `path` is not looked for: pass its path as `config` for that). `config` may be a config
    object, a mapping shaped like the `[tool.prisma-lint]` table, or a config file's path."""
    if not isinstance(text, str):
        raise TypeError(f"lint_text(): text must be a str, not {type(text).__name__}")
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"lint_text(): path must be a str, a path or None, not {type(path).__name__}")
    path = os.fspath(path) if path is not None else None
    config = _config_argument(config, "lint_text")
    if isinstance(config, CliSelection):
        config = default_config().with_cli(config.select, config.ignore)
    config = config or default_config()
    try:
        schema = parse(text, path)
    except PrismaSyntaxError as error:
        return _syntax_diagnostics(error)
    unit = SchemaUnit(path or "<string>", schema, {path: text} if path else {None: text})  # type: ignore[dict-item]
    return _lint_units([unit], [], lambda _path: config).diagnostics


def lint_paths(paths: Union[Iterable[Union[str, os.PathLike]], str, os.PathLike],
               config: Union[LintConfig, CliSelection, Mapping[str, Any], str, os.PathLike, None] = None) -> LintResult:
    """Lint schema files and folders as one project (`paths` may be one path). Without a config, each
    schema uses the closest config file above it, or the strategy preset; the project's settings come
    from `config`, else from the closest config above the folder holding every schema. `config` may
    also be a mapping or a config file's path, as for `lint_text`. Raises InputError for a path that
    does not exist or holds no schema, ConfigError for a configuration mistake."""
    config = _config_argument(config, "lint_paths")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    return lint_groups(schema_groups(paths), config)


def schema_groups(paths: Iterable[Union[str, Path]]) -> list[list[Path]]:
    """`discover(paths)`, or with no path the project's default schema (package.json, prisma/...)."""
    paths = list(paths)
    if paths:
        return discover(paths)
    targets = default_targets(Path.cwd())  # named by package.json or Prisma's default places: one schema each
    return discover(targets, schema_folders=targets)


def lint_groups(groups: list[list[Path]], config: Union[LintConfig, CliSelection, None] = None,
                texts: Optional[dict[str, str]] = None) -> LintResult:
    """Lint schemas given as groups of files (as `discover` returns them), as one project. A file whose
    path is in `texts` is linted with that text instead of what is on disk (the fixer's and the editor's
    unsaved text); the others are read."""
    plan = plan_run(groups, config)
    return finish_run(plan, [lint_part(plan, plan.groups, texts)])


# A run in three steps, so that `--jobs` (prisma_lint.parallel) can give the middle one to several
# processes: plan_run (configurations, services, the order of the schemas), lint_part (read, parse and
# run the schema-scope rules on some of the schemas), finish_run (the project-scope rules over every
# schema, then suppressions).


@dataclass
class RunPlan:
    configs: "_Configs"
    project_config: LintConfig  # the project's configuration: project settings and project-scope rules
    project: Project
    groups: list[tuple[int, list[Path]]]  # (index of its service in project.services, files), in lint order
    problems: list[UnreadableFile]  # paths discovery could not read


@dataclass
class LintedPart:
    """Some schema groups of a run, read, parsed and checked by the schema-scope rules."""

    units: list[SchemaUnit] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)  # each unit's service (index in project.services)
    checked: list[tuple[list[Diagnostic], int]] = field(default_factory=list)  # check_units
    syntax: list[Diagnostic] = field(default_factory=list)  # unreadable files and syntax errors, in order
    files: list[str] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # services whose schema could not be read or parsed


def plan_run(groups: list[list[Path]], config: Union[LintConfig, CliSelection, None]) -> RunPlan:
    configs = _Configs(config)
    project_config = configs.for_project(common_root(groups), str(groups[0][0]) if groups else None)
    project = build_project(groups, project_config.project, project_config.source)
    ordered = [(index, group) for index, service in enumerate(project.services)
               for group in _groups_of(service, groups)]
    return RunPlan(configs, project_config, project, ordered, list(getattr(groups, "problems", ())))


def lint_part(plan: RunPlan, groups: list[tuple[int, list[Path]]], texts: Optional[dict[str, str]]) -> LintedPart:
    """Read and parse `groups` (some of `plan.groups`, in order) and run the schema-scope rules on them."""
    part = LintedPart()
    for owner, group in groups:
        names = [str(p) for p in group]
        part.files.extend(names)
        try:
            group_texts = {}
            for p in group:
                try:
                    group_texts[str(p)] = texts[str(p)] if texts and str(p) in texts else read_schema_file(p)
                except UnreadableFile as problem:  # that file is reported; the rest of the run goes on
                    part.syntax.append(_unreadable(problem))
            if not group_texts:
                part.failed.append(owner)
                continue
            schema = parse_texts(group_texts)
        except PrismaSyntaxError as error:
            part.syntax.extend(_syntax_diagnostics(error))
            part.failed.append(owner)
            continue
        except OSError as error:
            raise InputError(f"{names[0]}: cannot read: {error.strerror or error}") from None
        part.units.append(SchemaUnit(unit_path(group), schema, group_texts, plan.project.services[owner].name))
        part.owners.append(owner)
    part.checked = check_units(part.units, plan.configs.for_path)
    return part


def unit_path(group: list[Path]) -> str:
    """The path findings and configurations know a schema by: its file, or its folder for several files."""
    return str(group[0].parent) if len(group) > 1 else str(group[0])


def finish_run(plan: RunPlan, parts: list[LintedPart]) -> LintResult:
    """The project-scope rules and suppressions over `parts` (every group of `plan.groups`, in order)."""
    project = plan.project
    syntax = [_unreadable(problem) for problem in plan.problems]
    units: list[SchemaUnit] = []
    checked: list[tuple[list[Diagnostic], int]] = []
    files: list[str] = []
    for part in parts:
        syntax.extend(part.syntax)
        units.extend(part.units)
        checked.extend(part.checked)
        files.extend(part.files)
        for unit, owner in zip(part.units, part.owners):
            project.services[owner].units.append(unit)
        for owner in part.failed:
            project.services[owner].parse_failed = True
    check_settings(project)
    project_rules = plan.project_config.rules_for(str(project.root) if project.root else None)
    result = _lint_units(units, syntax, plan.configs.for_path, project, project_rules, checked)
    result.files = files
    return result


def _unreadable(problem: UnreadableFile) -> Diagnostic:
    severity = Severity.WARNING if problem.skipped else Severity.ERROR
    message = f"Skipped: {problem.reason}." if problem.skipped else f"Cannot read this schema: {problem.reason}."
    return Diagnostic(str(problem.path), 1, 1, 1, 1, unreadable_file.CODE, unreadable_file.NAME, severity, message)


def _groups_of(service: Service, groups: list[list[Path]]) -> list[list[Path]]:
    mine = set(service.schema_files)
    return [group for group in groups if group[0] in mine]


def lint_source(text: str, filename: Optional[str] = None,
                config: Union[LintConfig, CliSelection, None] = None) -> LintResult:
    """Lint one schema given as text (the command line's stdin). `filename` stands for where it would
    live (it need not exist): the configuration above it applies, its service is read from it, and
    findings name it."""
    name = str(Path(filename or "<stdin>"))
    return lint_groups([[Path(name)]], config, texts={name: text})
