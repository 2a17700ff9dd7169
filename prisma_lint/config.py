"""Configuration: where it is found, what it may say, and which rules it turns on for a file.

Sources, closest to the linted file first (walking up its folders): `prisma-lint.toml`, a
`pyproject.toml` with a `[tool.prisma-lint]` table, or the npm prisma-lint's `.prismalintrc.json`
(its rules keep their meaning). `--config FILE` overrides the search. With no config at all, the
`strategy` preset applies: the conventions of the platform's migration strategy.

```toml
[tool.prisma-lint]
extends = "strategy"            # a preset (strategy, recommended, all, none) or a path
select = ["naming", "PL2"]       # replaces the enabled set: codes, names, categories, code prefixes, ALL
extend-select = ["field-order"]  # adds to it
ignore = ["PL303"]               # removes from it

[tool.prisma-lint.rules]
field-name-camel-case = "warning"                                  # a severity, or "off"
require-field = { severity = "error", require = ["tenantId"] }      # severity and options

[[tool.prisma-lint.overrides]]   # per-path settings, by glob, applied in order
files = ["services/legacy-*/**"]
ignore = ["PL302"]
```

Every mistake (an unknown rule, an unknown option, a wrong type) is a `ConfigError` naming the file and
the key; the command line reports it and exits with code 2.
"""

from __future__ import annotations

import fnmatch
import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal, Optional, Union

from prisma_lint.diagnostics import Severity
from prisma_lint.project.settings import ProjectSettings
from prisma_lint.rules.base import Rule, RuleOptions, option_key
from prisma_lint.rules.registry import Registry, UnknownRuleError, default_registry
from prisma_lint.validation import Check, Invalid, validate

__all__ = [
    "ConfigError",
    "ConfigFile",
    "LintConfig",
    "RuleSettings",
    "load_config",
    "find_config",
    "default_config",
    "config_from_dict",
    "CliSelection",
    "PRESETS",
]

PRESETS = ("strategy", "recommended", "all", "none")
CONFIG_NAMES = ("prisma-lint.toml", ".prisma-lint.toml", "pyproject.toml", ".prismalintrc.json", ".prismalintrc")

SeverityName = Literal["error", "warning", "info", "off"]


class ConfigError(ValueError):
    """A configuration mistake, with the file and the key it is about."""

    def __init__(self, path: Optional[Union[str, Path]], key: str, message: str) -> None:
        where = f"{path}" if path else "configuration"
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.path = str(path) if path else None
        self.key = key


# --------------------------------------------------------------------------------------------------
# The file format (validated by pydantic when a config file is read; unknown keys are errors)
# --------------------------------------------------------------------------------------------------


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


_ONE_OR_MANY = Check(_one_or_many, mode="before")  # `"x"` is read as `["x"]`
_Strings = Annotated[list[str], _ONE_OR_MANY]
_FILE_FORMAT = {"extra": "forbid", "alias_generator": _kebab, "populate_by_name": True}


@dataclass(kw_only=True)
class _Section:
    __pydantic_config__ = _FILE_FORMAT

    select: Annotated[Optional[list[str]], _ONE_OR_MANY] = None
    extend_select: _Strings = field(default_factory=list)
    ignore: _Strings = field(default_factory=list)
    rules: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Override(_Section):
    files: _Strings


@dataclass(kw_only=True)
class ConfigFile(_Section):
    """The `[tool.prisma-lint]` table (or the whole of `prisma-lint.toml`)."""

    extends: Optional[Union[str, list[str]]] = None
    overrides: list[Override] = field(default_factory=list)
    # The project: services, cross-service references, deployment order (prisma_lint.project.settings).
    project: ProjectSettings = field(default_factory=ProjectSettings)
    # Files that folders and globs skip (globs relative to the config's folder; ruff's extend-exclude).
    exclude: _Strings = field(default_factory=list)
    # Where the result cache lives, relative to this file (prisma_lint.cache).
    cache_dir: Optional[str] = None


# --------------------------------------------------------------------------------------------------
# The resolved form: which rules run, at which severity, with which options
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSettings:
    rule: Rule
    severity: Severity
    options: RuleOptions


@dataclass
class _State:
    enabled: dict[str, Severity] = field(default_factory=dict)  # rule code -> severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule code -> raw options
    option_sources: dict[str, str] = field(default_factory=dict)  # rule code -> where options came from

    def copy(self) -> "_State":
        return _State(dict(self.enabled), {k: dict(v) for k, v in self.options.items()}, dict(self.option_sources))


@dataclass
class LintConfig:
    """A loaded configuration, ready to say which rules apply to a file."""

    base: _State
    overrides: list[tuple[list[str], _Section, str]]  # globs, section, where it was written
    root: Optional[Path]  # folder the override globs are relative to
    source: Optional[str]  # the file it came from, None for the built-in default
    registry: Registry
    project: ProjectSettings = field(default_factory=ProjectSettings)
    cli_select: Optional[list[str]] = None
    cli_ignore: list[str] = field(default_factory=list)
    cache_dir: Optional[str] = None  # `cache-dir`, as written (relative to `source`)
    _cache: dict[tuple, list[RuleSettings]] = field(default_factory=dict)

    def with_cli(self, select: Optional[list[str]], ignore: list[str]) -> "LintConfig":
        """The same configuration with `--select`/`--ignore` from the command line applied last."""
        # Checked here, so that a mistake is blamed on the command line, not on the config file.
        for option, selectors in (("--select", select or []), ("--ignore", ignore)):
            for selector in selectors:
                _select(self.registry, selector, "command line", option)
        return LintConfig(self.base, self.overrides, self.root, self.source, self.registry, self.project,
                          select, list(ignore), self.cache_dir)

    def rules_for(self, path: Optional[str]) -> list[RuleSettings]:
        matching = tuple(i for i, (globs, _s, _w) in enumerate(self.overrides) if path and self._matches(path, globs))
        cached = self._cache.get(matching)
        if cached is not None:
            return cached
        state = self.base.copy()
        for index in matching:
            _globs, section, where = self.overrides[index]
            _apply(state, section, self.registry, where, f"overrides[{index}]")
        if self.cli_select is not None:
            state.enabled = {
                r.code: state.enabled.get(r.code, r.severity)
                for s in self.cli_select
                for r in _select(self.registry, s, "command line", "--select")
            }
        for selector in self.cli_ignore:
            for rule in _select(self.registry, selector, "command line", "--ignore"):
                state.enabled.pop(rule.code, None)
        settings = []
        for rule in self.registry:
            if rule.code in state.enabled:
                settings.append(RuleSettings(rule, state.enabled[rule.code],
                                             _options(rule, state.options.get(rule.code, {}),
                                                      state.option_sources.get(rule.code, self.source))))
        self._cache[matching] = settings
        return settings

    def _matches(self, path: str, globs: list[str]) -> bool:
        candidate = Path(path)
        if self.root is not None:
            try:
                candidate = candidate.resolve().relative_to(self.root.resolve())
            except ValueError:
                pass
        text = PurePosixPath(candidate.as_posix()).as_posix()
        return any(fnmatch.fnmatch(text, g) or fnmatch.fnmatch(text, g.rstrip("/") + "/*") for g in globs)


def _options(rule: Rule, raw: dict[str, Any], where: Optional[str]) -> RuleOptions:
    if not raw:
        return rule.options()
    try:
        return rule.options.from_config(raw)
    except Invalid as error:
        location = ".".join(str(p) for p in error.location)
        message = "unknown option" if error.unknown_key else error.message
        raise ConfigError(where, f"rules.{rule.name}{'.' + location.replace('_', '-') if location else ''}",
                          message) from None


def _select(registry: Registry, selector: str, where: Optional[str], key: str) -> list[Rule]:
    try:
        return registry.select(selector)
    except UnknownRuleError as error:
        raise ConfigError(where, key, str(error)) from None


def _apply(state: _State, section: _Section, registry: Registry, where: Optional[str], key: str) -> None:
    prefix = f"{key}." if key else ""
    if section.select is not None:
        state.enabled = {
            r.code: state.enabled.get(r.code, r.severity)
            for s in section.select
            for r in _select(registry, s, where, f"{prefix}select")
        }
    for selector in section.extend_select:
        for rule in _select(registry, selector, where, f"{prefix}extend-select"):
            state.enabled.setdefault(rule.code, rule.severity)
    for name, value in section.rules.items():
        try:
            rule = registry.get(name)
        except UnknownRuleError as error:
            raise ConfigError(where, f"{prefix}rules.{name}", str(error)) from None
        severity, options = _rule_entry(value, where, f"{prefix}rules.{name}")
        if severity == "off":
            state.enabled.pop(rule.code, None)
        elif severity is not None:
            state.enabled[rule.code] = Severity(severity)
        elif options is not None:
            state.enabled.setdefault(rule.code, rule.severity)
        if options:
            merged = state.options.setdefault(rule.code, {})
            merged.update({option_key(k): v for k, v in options.items()})
            state.option_sources[rule.code] = where or ""
            _options(rule, merged, where)  # fail now, naming the file that wrote the bad option
    for selector in section.ignore:
        for rule in _select(registry, selector, where, f"{prefix}ignore"):
            state.enabled.pop(rule.code, None)


_SEVERITY_WORDS = {"error": "error", "warning": "warning", "warn": "warning", "info": "info", "off": "off",
                   "2": "error", "1": "warning", "0": "off"}


def _severity(value: Any, where: Optional[str], key: str) -> str:
    word = _SEVERITY_WORDS.get(str(value).lower())
    if word is None:
        raise ConfigError(where, key, f"{value!r} is not a severity (error, warning, info or off)")
    return word


def _rule_entry(value: Any, where: Optional[str], key: str) -> tuple[Optional[str], Optional[dict]]:
    """A rule's entry: `"warning"`, `{severity = "error", option = ...}`, or npm's `["error", {...}]`."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return _severity(value, where, key), None
    if isinstance(value, dict):
        options = dict(value)
        severity = options.pop("severity", None)
        return (_severity(severity, where, key) if severity is not None else None), options
    if isinstance(value, list) and value:
        severity = _severity(value[0], where, key)
        options = value[1] if len(value) > 1 else {}
        if not isinstance(options, dict) or len(value) > 2:
            raise ConfigError(where, key, "expected [severity] or [severity, {options}]")
        return severity, options
    raise ConfigError(where, key, f"expected a severity or a table of options, not {value!r}")


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


def _preset_path(name: str) -> Path:
    from prisma_lint.presets import preset_file

    return preset_file(name)


def _read_table(path: Path) -> Optional[dict[str, Any]]:
    """The prisma-lint table of a config file, or None when the file has none (a pyproject.toml
    without `[tool.prisma-lint]`)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(path, "", f"cannot read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ConfigError(path, "", f"line {line}, column {column}: not UTF-8 text (byte 0x{raw[error.start]:02x}); "
                                    "save the file as UTF-8") from None
    if path.name in (".prismalintrc.json", ".prismalintrc") or path.suffix == ".json":
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ConfigError(path, "", f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
        if not isinstance(data, dict):
            raise ConfigError(path, "", "expected a JSON object")
        unknown = set(data) - {"rules"}
        if unknown:
            raise ConfigError(path, sorted(unknown)[0], "unknown key (a .prismalintrc.json has only `rules`)")
        # The npm prisma-lint runs exactly the rules its config names.
        return {"extends": "none", "rules": data.get("rules", {})}
    data = _parse_toml(text, path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("prisma-lint")
    return data


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, "", f"invalid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or inline tables
        raise ConfigError(path, "", "invalid TOML: arrays or tables nested too deeply") from None


def _validate(table: dict[str, Any], path: Optional[Path], preset: bool = False) -> ConfigFile:
    if preset:
        # A preset ships with prisma-lint and is checked by its tests (tests/test_startup.py): read as
        # it is, without importing pydantic into a run that has no config file of its own.
        return ConfigFile(**{key.replace("-", "_"): value for key, value in table.items()})
    try:
        return validate(ConfigFile, table)
    except Invalid as error:
        key = ".".join(str(p) for p in error.location)
        raise ConfigError(path, key, "unknown key" if error.unknown_key else error.message) from None


def _load_state(table: dict[str, Any], path: Optional[Path], registry: Registry, seen: tuple[str, ...] = (),
                preset: bool = False) -> tuple[_State, ConfigFile]:
    config = _validate(table, path, preset)
    # A config says what differs from the strategy preset, unless it extends something else.
    extends = config.extends if config.extends is not None else "strategy"
    parents = [extends] if isinstance(extends, str) else list(extends or [])
    state = _State()
    for parent in parents:
        if parent == "none":
            continue
        parent_path = _preset_path(parent) if parent in PRESETS else ((path.parent if path else Path.cwd()) / parent)
        if str(parent_path) in seen or (path is not None and parent_path.resolve() == path.resolve()):
            chain = [*seen, str(path), str(parent_path)] if str(path) not in seen else [*seen, str(parent_path)]
            start = next(i for i, item in enumerate(chain) if Path(item).resolve() == parent_path.resolve())
            cycle = " -> ".join(chain[start:])
            raise ConfigError(path, "extends", f"{parent!r} makes a cycle: {cycle}")
        parent_table = _read_table(parent_path) if parent_path.exists() else None
        if parent_table is None:
            raise ConfigError(path, "extends", f"no preset or config file {parent!r}")
        parent_state, _ = _load_state(parent_table, parent_path, registry, (*seen, str(parent_path)),
                                      preset=parent in PRESETS)
        for code, severity in parent_state.enabled.items():
            state.enabled[code] = severity
        for code, options in parent_state.options.items():
            state.options.setdefault(code, {}).update(options)
            state.option_sources[code] = parent_state.option_sources.get(code, str(parent_path))
    _apply(state, config, registry, str(path) if path else None, "")
    return state, config


def load_config(path: Union[str, Path], registry: Optional[Registry] = None) -> LintConfig:
    """Load a config file (TOML, pyproject.toml or .prismalintrc.json)."""
    registry = registry or default_registry()
    path = Path(path)
    if not path.is_file():
        raise ConfigError(path, "", "no such file")
    table = _read_table(path)
    if table is None:
        raise ConfigError(path, "", "no [tool.prisma-lint] table in this pyproject.toml")
    state, config = _load_state(table, path, registry)
    overrides = [(o.files, o, str(path)) for o in config.overrides]
    loaded = LintConfig(state, overrides, path.parent.resolve(), str(path), registry, config.project)
    loaded.cache_dir = config.cache_dir
    return loaded


def exclude_patterns(path: Union[str, Path]) -> list[str]:
    """The `exclude` globs of a config file (validated like the rest of it)."""
    table = _read_table(Path(path))
    return _validate(table, Path(path)).exclude if table is not None else []


def config_from_dict(table: dict[str, Any], registry: Optional[Registry] = None) -> LintConfig:
    """A configuration from a dict shaped like the `[tool.prisma-lint]` table (for tools and tests)."""
    registry = registry or default_registry()
    state, config = _load_state(dict(table), None, registry)
    overrides = [(o.files, o, "<dict>") for o in config.overrides]
    return LintConfig(state, overrides, Path.cwd(), None, registry, config.project)


def default_config(registry: Optional[Registry] = None) -> LintConfig:
    """The configuration used when none is found: the `strategy` preset (read once per registry: a
    tool calling `lint_text` in a loop does not re-read it each time)."""
    return _default_config(registry or default_registry())


@functools.lru_cache(maxsize=4)
def _default_config(registry: Registry) -> LintConfig:
    path = _preset_path("strategy")
    state, config = _load_state(_read_table(path) or {}, path, registry, preset=True)
    return LintConfig(state, [], None, None, registry, config.project)


@dataclass(frozen=True)
class CliSelection:
    """`--select`/`--ignore` without `--config`: applied on top of each schema's own configuration."""

    select: Optional[list[str]]
    ignore: list[str]


def find_config(start: Union[str, Path], memo: Optional[dict[Path, Optional[Path]]] = None) -> Optional[Path]:
    """The closest config file in `start` (a file's folder) or above it. `memo` (folder -> answer) lets
    one run ask for many schemas without looking in the same folders again."""
    folder = Path(start).resolve()
    if folder.is_file() or not folder.exists():
        folder = folder.parent
    looked: list[Path] = []
    found: Optional[Path] = None
    for candidate in (folder, *folder.parents):
        if memo is not None and candidate in memo:
            found = memo[candidate]
            break
        looked.append(candidate)
        found = _config_in(candidate)
        if found is not None:
            break
    if memo is not None:
        memo.update((candidate, found) for candidate in looked)
    return found


def _config_in(folder: Path) -> Optional[Path]:
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file():
            if name == "pyproject.toml" and not _has_our_table(path):
                continue
            return path
    return None


def _has_our_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml is a prisma-lint config. One that cannot be read or parsed counts when its
    text names `tool.prisma-lint` (or cannot be read at all): loading it then reports the mistake, with its
    line and column, instead of silently running the default preset in place of the team's config."""
    try:
        text = pyproject.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return True
    try:
        return "prisma-lint" in tomllib.loads(text).get("tool", {})
    except (tomllib.TOMLDecodeError, RecursionError):
        return "tool.prisma-lint" in text or '"prisma-lint"' in text
