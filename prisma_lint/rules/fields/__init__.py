"""Field rules: types, defaults, required, forbidden and ordered fields."""

RULES: list[str] = [
    "PL401_ban_unbounded_string_type",
    "PL402_forbid_field",
    "PL403_forbid_required_ignored_field",
    "PL404_require_default_empty_arrays",
    "PL405_require_field",
    "PL406_require_field_type",
    "PL407_field_order",
]
