"""Naming rules: models, fields, enums and their database names."""

RULES: list[str] = [
    "PL101_model_name_pascal_case",
]
