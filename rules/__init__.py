"""Data only: presets (`*.toml`) and the rule case catalogue (`cases/`). Shipped in the wheel as
`prisma_lint.presets.data` (see pyproject.toml); nothing here is imported as code."""
