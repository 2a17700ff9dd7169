"""Migration folder rules: the `migrations/` folder that sits beside each schema."""

RULES: list[str] = [
    "PL501_migration_folder_convention",
]
