"""Where the presets live: the top-level `rules/` folder of the repository, shipped in the wheel.

`pyproject.toml` maps that folder into the wheel as the package `prisma_lint.presets.data`; a source
checkout (or an editable install) reads it in place.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["preset_file", "presets_folder"]


def presets_folder() -> Path:
    packaged = Path(__file__).with_name("data")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def preset_file(name: str) -> Path:
    return presets_folder() / f"{name}.toml"
