"""Key rules: audit columns, primary keys, business keys, and the indexes queries need."""

RULES: list[str] = [
    "PL301_missing_audit_columns",
    "PL302_non_uuid_primary_key",
    "PL303_missing_query_index",
    "PL304_missing_unique_business_key",
    "PL305_require_field_index",
]
