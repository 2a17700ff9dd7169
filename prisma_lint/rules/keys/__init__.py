"""Key rules: constraint names, audit columns, primary keys, query indexes and business keys."""

RULES: list[str] = [
    "PL111_constraint_name_convention",
    "PL301_missing_audit_columns",
    "PL302_non_uuid_primary_key",
    "PL303_missing_query_index",
    "PL304_missing_unique_business_key",
]
