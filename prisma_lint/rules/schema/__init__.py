"""Schema rules: syntax, suppressions, and the sanity checks every other rule relies on."""

RULES: list[str] = [
    "PL000_internal_error",
    "PL001_syntax_error",
    "PL002_unknown_type",
    "PL003_unused_suppression",
    "PL004_duplicate_name",
    "PL005_unknown_relation_field",
    "PL006_unknown_attribute",
    "PL007_unreadable_file",
]
