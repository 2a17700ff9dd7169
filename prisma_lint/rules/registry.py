"""The rules a run can use: the built-in ones, and rule packs installed as plugins.

Built-in rules are listed explicitly (`prisma_lint.rules`, with their metadata in the generated
`prisma_lint.rules.manifest`, so their modules load only when enabled); plugins register an
entry point in the group `prisma_lint.rules` whose object is a rule module, or a module with a
`RULES` list of rule modules. Every rule is known by its code, its name, and its aliases; a config may
also select rules by category (`naming`) or by code prefix (`PL1`), or `ALL`.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from types import ModuleType
from typing import Iterable, Optional

from prisma_lint.rules.base import Rule

__all__ = ["Registry", "UnknownRuleError", "default_registry", "load_plugins"]

ENTRY_POINT_GROUP = "prisma_lint.rules"


class UnknownRuleError(ValueError):
    def __init__(self, selector: str, suggestions: Iterable[str] = ()) -> None:
        hint = ""
        suggestions = list(suggestions)
        if suggestions:
            hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)"
        super().__init__(f"unknown rule {selector!r}{hint}")
        self.selector = selector


class Registry:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: list[Rule] = []
        self._by_name: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule) -> None:
        for name in rule.names():
            existing = self._by_name.get(name)
            if existing is not None and existing is not rule:
                raise ValueError(f"rule {rule.module} reuses {name!r}, already taken by {existing.module}")
        self.rules.append(rule)
        for name in rule.names():
            self._by_name[name] = rule

    def get(self, name: str) -> Rule:
        """A rule by code, name or alias."""
        rule = self._by_name.get(name) or self._by_name.get(name.upper())
        if rule is None:
            raise UnknownRuleError(name, self._suggest(name))
        return rule

    def find(self, name: str) -> Optional[Rule]:
        return self._by_name.get(name) or self._by_name.get(name.upper())

    def select(self, selector: str) -> list[Rule]:
        """Rules matched by a selector: a code, name or alias; a category; a code prefix; or `ALL`."""
        if selector.upper() == "ALL":
            return list(self.rules)
        rule = self.find(selector)
        if rule is not None:
            return [rule]
        by_category = [r for r in self.rules if r.category == selector]
        if by_category:
            return by_category
        by_prefix = [r for r in self.rules if r.code.startswith(selector.upper())]
        if by_prefix:
            return by_prefix
        raise UnknownRuleError(selector, self._suggest(selector))

    def _suggest(self, name: str) -> list[str]:
        import difflib

        return difflib.get_close_matches(name, [r.name for r in self.rules] + [r.code for r in self.rules], n=3)

    def __iter__(self):
        return iter(sorted(self.rules, key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)


def _rule_modules(obj: object) -> list[ModuleType]:
    if isinstance(obj, ModuleType) and hasattr(obj, "CODE"):
        return [obj]
    if getattr(obj, "__name__", None) == "prisma_lint.rules":
        return []  # the built-in pack, already loaded from its manifest
    modules = getattr(obj, "RULES", None)
    if modules is None:
        raise ValueError(f"{getattr(obj, '__name__', obj)!r} is neither a rule module nor has a RULES list")
    return [importlib.import_module(m) if isinstance(m, str) else m for m in modules]


def entry_points(group: str):
    """Installed entry points of a group (importlib.metadata, imported only when called)."""
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def plugins_may_be_installed(group: str = ENTRY_POINT_GROUP, folders: Optional[Iterable[str]] = None) -> bool:
    """Whether an installed distribution may declare entry points in `group`, from a look at the
    `entry_points.txt` files on `sys.path`. Nearly every run has no plugin, and this look costs about a
    millisecond where importing and scanning importlib.metadata costs 10-20 ms. It can only err
    towards yes (the group name in another section), which just means loading the entry points."""
    needle = f"[{group}]"
    for folder in sys.path if folders is None else folders:
        try:
            entries = os.scandir(folder or ".")
        except OSError:  # a zip file, or a folder that is gone
            if folder and os.path.isfile(folder):
                return True  # distributions inside a zip: let importlib.metadata read them
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as handle:
                        if needle in handle.read():
                            return True
                except (OSError, UnicodeDecodeError):
                    continue
    return False


def load_plugins(registry: Registry, warn=lambda message: print(message, file=sys.stderr)) -> None:
    """Add the rules of every installed plugin. A broken plugin is reported and skipped, so one bad
    package cannot stop a CI gate."""
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            for module in _rule_modules(entry_point.load()):
                registry.add(Rule.from_module(module))
        except Exception as error:  # noqa: BLE001 - any failure of third-party code is reported, not raised
            warn(f"prisma-lint: skipping rule plugin {entry_point.name!r} ({entry_point.value}): {error}")


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    from prisma_lint.rules.manifest import MANIFEST

    registry = Registry(Rule(code, name, category, severity, scope, aliases, summary, module, ignore_args)
                        for module, code, name, category, severity, scope, aliases, ignore_args, summary in MANIFEST)
    if plugins_may_be_installed():
        load_plugins(registry)
    return registry


def render_manifest() -> str:
    """The text of `prisma_lint/rules/manifest.py`, from the rule modules themselves."""
    from prisma_lint.rules import builtin_rule_modules

    lines = ['"""Generated by `python -m prisma_lint.rules.docs` from the rule modules; do not edit.',
             "",
             "Each entry: (module, code, name, category, severity, scope, aliases, ignore_args, summary).",
             '"""', "", "MANIFEST = ["]
    for module in builtin_rule_modules():
        lines.append(f"    {Rule.from_module(module).manifest_entry()!r},")
    lines.append("]")
    return "\n".join(lines) + "\n"
