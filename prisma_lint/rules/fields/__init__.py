"""fields rules."""

RULES: list[str] = []
