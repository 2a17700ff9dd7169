"""The package list of pyproject.toml names every folder of Python modules: a folder left out works in
the editable install the tests use and fails in a real one (pip install ., pre-commit's hook)."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_module_folder_is_packaged() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(path.parent.relative_to(REPO).parts)
               for path in (REPO / "prisma_lint").rglob("*.py") if "__pycache__" not in path.parts}
    assert folders - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
