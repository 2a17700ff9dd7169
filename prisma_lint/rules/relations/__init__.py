"""Relation rules: foreign-key indexes and referential actions."""

RULES: list[str] = [
    "PL201_missing_relation_index",
    "PL202_missing_cross_service_index",
    "PL203_missing_on_delete",
    "PL204_on_delete_policy",
]
