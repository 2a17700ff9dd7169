"""keys rules."""

RULES: list[str] = []
