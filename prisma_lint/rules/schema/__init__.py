"""Schema rules: syntax, suppressions, and the sanity checks every other rule relies on."""

RULES: list[str] = [
    "PL001_syntax_error",
    "PL003_unused_suppression",
]
