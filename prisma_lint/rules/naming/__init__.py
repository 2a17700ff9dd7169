"""Naming rules: models, fields, enums, and their table, column and constraint names."""

RULES: list[str] = [
    "PL101_model_name_pascal_case",
    "PL102_field_name_camel_case",
    "PL103_enum_name_pascal_case",
    "PL104_enum_value_case",
    "PL106_model_name_grammatical_number",
    "PL107_field_name_grammatical_number",
    "PL108_field_name_mapping_snake_case",
    "PL109_model_name_mapping_snake_case",
    "PL110_model_name_prefix",
    "PL111_constraint_name_convention",
    "PL112_table_name_convention",
]
