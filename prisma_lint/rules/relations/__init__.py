"""relations rules."""

RULES: list[str] = []
