"""migration-folder-convention on real folders."""

from __future__ import annotations

from pathlib import Path

from prisma_lint import lint_paths
from prisma_lint.config import config_from_dict

SCHEMA = "model Patient {\n  id String @id @default(uuid())\n}\n"
CONFIG = config_from_dict({"extends": "none", "select": ["PL501"]})


def make(tmp_path: Path, entries: dict[str, str]) -> Path:
    prisma = tmp_path / "svc" / "prisma"
    (prisma / "migrations").mkdir(parents=True)
    (prisma / "schema.prisma").write_text(SCHEMA)
    for name, text in entries.items():
        path = prisma / "migrations" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return prisma / "schema.prisma"


def messages(schema: Path, **options) -> list[tuple[str, str]]:
    config = config_from_dict({"extends": "none", "rules": {"PL501": options or "warning"}}) if options else CONFIG
    return [(Path(d.path).name, d.message) for d in lint_paths([schema], config).diagnostics]


def test_conforming_folder_is_clean(tmp_path: Path) -> None:
    schema = make(tmp_path, {
        "20241222120000_initial_schema/migration.sql": "CREATE TABLE x();",
        "20241223090000_add_patient_index/migration.sql": "CREATE INDEX;",
        "rollbacks/20241222120000_rollback.sql": "DROP TABLE x;",
        "rollbacks/20241223090000_rollback.sql": "DROP INDEX;",
        "migration_lock.toml": 'provider = "postgresql"\n',
    })
    assert messages(schema) == []


def test_each_convention(tmp_path: Path) -> None:
    schema = make(tmp_path, {
        "20241222120000_initial_schema/migration.sql": "",
        "add-index/migration.sql": "",
        "20241224000000_PatientIndex/migration.sql": "",
        "20241225000000_patient_index/migration.sql": "",
        "20241226000000_add_" + "x" * 60 + "/migration.sql": "",
        "20241227000000_add_empty/notes.txt": "",
        "loose.sql": "",
        "rollbacks/20241222120000_rollback.sql": "",
    })
    found = messages(schema)
    text = "\n".join(m for _n, m in found)
    assert ("add-index", "Migration folder `add-index` is not named `YYYYMMDDHHMMSS_description`.") in found
    assert "`PatientIndex` is not snake_case" in text
    assert "`patient_index` does not start with a verb" in text
    assert "characters long (at most 50)" in text
    assert "`20241227000000_add_empty` has no `migration.sql`" in text
    assert "`loose.sql` is a loose SQL file" in text
    assert "`20241224000000_PatientIndex` has no rollback script" in text
    assert "`20241222120000_initial_schema` has no rollback" not in text
    assert "no `migration_lock.toml`" in text


def test_options_turn_checks_off(tmp_path: Path) -> None:
    schema = make(tmp_path, {"20241222120000_initial_schema/migration.sql": ""})
    assert len(messages(schema)) == 2  # no rollback, no lock file
    assert messages(schema, require_rollback=False, require_lock_file=False) == []


def test_example_platform_drift(tmp_path: Path) -> None:
    services = Path(__file__).resolve().parents[1] / "fixtures" / "platform" / "services"
    found = [(Path(d.path).parts[-4], Path(d.path).name) for d in lint_paths([services], CONFIG).diagnostics]
    assert sorted(found) == [("api", "webhook_event_log_migration.sql"),
                             ("pharmacy-service", "20241222120300_initial_schema")]
