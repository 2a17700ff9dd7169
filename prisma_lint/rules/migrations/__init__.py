"""Migration rules: the `migrations/` folder beside each schema (PL501) and the SQL in it (PL502-PL513,
built on `prisma_lint.migrations`)."""

RULES: list[str] = [
    "PL501_migration_folder_convention",
    "PL502_migration_sql_syntax",
    "PL503_add_not_null_column_without_default",
    "PL504_set_not_null_too_early",
    "PL505_mixed_schema_and_data_migration",
    "PL506_unbatched_data_migration",
    "PL507_destructive_migration",
    "PL508_index_without_concurrently",
    "PL509_rename_without_map",
    "PL510_migration_schema_drift",
    "PL511_rollback_does_not_undo",
    "PL512_rollback_template",
    "PL513_migrations_not_checked",
    "PL550_deleted_without_transition",
]
