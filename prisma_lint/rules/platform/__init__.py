"""Platform rules: checks across the services of a project (prisma_lint.project), one module per rule.
They run once per run with the whole project (`SCOPE = "project"`)."""

RULES: list[str] = [
    "PL601_service_dependency_cycle",
    "PL602_deployment_order_violation",
    "PL603_unresolved_reference",
    "PL604_cross_service_id_type",
    "PL605_shared_enum_drift",
    "PL606_shared_table_drift",
    "PL607_datasource_provider_mismatch",
    "PL608_migration_lock_provider",
]
