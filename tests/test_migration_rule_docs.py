"""The SQL rules' docs Examples are real: each ```sql Example (cut into files at `-- file:` lines, with the
```prisma block beside it as the schema) triggers its rule, and its "Use instead" is clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from migration_service import split_files, write_service
from prisma_lint import lint_paths
from prisma_lint.config import config_from_dict
from prisma_lint.rules.docs import sections
from prisma_lint.rules.registry import default_registry

# PL501 reads folders, PL550 compares with git (tests/test_changed_since.py): neither reads migration SQL.
SQL_RULES = [r for r in default_registry() if r.category == "migrations" and r.code not in ("PL501", "PL550")]


def _part(text: str) -> tuple[str, dict[str, str]]:
    schema = re.search(r"```prisma\n(.*?)```", text, re.DOTALL)
    sql = "".join(re.findall(r"```sql\n(.*?)```", text, re.DOTALL))
    return (schema.group(1) if schema else ""), split_files(sql)


def _found(rule, tmp_path: Path, text: str) -> list:
    schema, files = _part(text)
    assert files, f"{rule.name}: the Example needs a ```sql block with `-- file:` lines"
    path = write_service(tmp_path, schema, files)
    config = config_from_dict({"extends": "none", "rules": {rule.name: "error"}})
    return [d for d in lint_paths([path], config).diagnostics if d.code == rule.code]


@pytest.mark.parametrize("rule", SQL_RULES, ids=lambda r: r.name)
def test_sql_example_triggers_and_use_instead_is_clean(rule, tmp_path: Path) -> None:
    bad, _sep, good = sections(rule)["Example"].partition("Use instead:")
    assert _found(rule, tmp_path / "bad", bad), f"{rule.name}: its Example does not trigger it"
    assert _found(rule, tmp_path / "good", good) == [], f"{rule.name}: its 'Use instead' is not clean"
