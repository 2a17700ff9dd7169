"""The built-in rules, listed explicitly (no import-time discovery): one module per rule, grouped in
packages by category, each package listing its modules in `RULES`."""

from __future__ import annotations

import importlib
from types import ModuleType

_PACKAGES = (
    "prisma_lint.rules.schema",
    "prisma_lint.rules.naming",
    "prisma_lint.rules.relations",
    "prisma_lint.rules.keys",
    "prisma_lint.rules.fields",
    "prisma_lint.rules.migrations",
)


def _modules() -> list[ModuleType]:
    modules: list[ModuleType] = []
    for package_name in _PACKAGES:
        package = importlib.import_module(package_name)
        for name in package.RULES:
            modules.append(importlib.import_module(f"{package_name}.{name}"))
    return modules


BUILTIN_RULE_MODULES: list[ModuleType] = _modules()

# The entry point of the built-in pack, in the same shape a third-party pack uses.
RULES = BUILTIN_RULE_MODULES
