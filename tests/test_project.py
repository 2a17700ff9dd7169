"""The project (prisma_lint.project): which services a run has, their schemas and migrations, and the
`[project]` settings with their errors (file and key, exit code 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from prisma_lint import lint_paths
from prisma_lint.cli import main
from prisma_lint.config import ConfigError, config_from_dict

MODEL = "model {name} {{\n  id String @id @default(uuid())\n}}\n"


def service(root: Path, name: str, models=("Patient",), folder_schema=False, migrations=True) -> Path:
    prisma = root / "services" / name / "prisma"
    text = "".join(MODEL.format(name=m) for m in models)
    if folder_schema:
        (prisma / "schema").mkdir(parents=True)
        (prisma / "schema" / "main.prisma").write_text('datasource db {\n  provider = "postgresql"\n  url = env("U")\n}\n')
        (prisma / "schema" / "models.prisma").write_text(text)
    else:
        prisma.mkdir(parents=True)
        (prisma / "schema.prisma").write_text(text)
    if migrations:
        (prisma / "migrations" / "20241222120000_initial_schema").mkdir(parents=True)
        (prisma / "migrations" / "20241222120000_initial_schema" / "migration.sql").write_text("")
    return prisma


def test_services_are_the_folders_holding_prisma(tmp_path: Path) -> None:
    service(tmp_path, "api", ["Patient", "Provider"])
    service(tmp_path, "billing", ["Invoice"], folder_schema=True, migrations=False)
    result = lint_paths([tmp_path / "services"], config_from_dict({"extends": "none", "select": ["PL101"]}))
    project = result.project
    assert [s.name for s in project.services] == ["api", "billing"]
    api, billing = project.services
    assert api.root == tmp_path / "services" / "api"
    assert api.migrations_dir == tmp_path / "services" / "api" / "prisma" / "migrations"
    assert [m.name for m in api.migrations()] == ["20241222120000_initial_schema"]
    assert [m.name for m in api.models] == ["Patient", "Provider"]
    # A schema folder is one service; its prisma/ folder is the one above `schema/`.
    assert billing.prisma_dir == tmp_path / "services" / "billing" / "prisma"
    assert [f.name for f in billing.schema_files] == ["main.prisma", "models.prisma"]
    assert billing.provider == "postgresql" and billing.migrations_dir is None and billing.migrations() == []
    migration = api.migrations_dir / "20241222120000_initial_schema" / "migration.sql"
    assert project.service_of(migration) is api
    assert project.service_of(billing.schema_files[1]) is billing
    assert project.service_of(tmp_path / "elsewhere.txt") is None


def test_configured_service_names(tmp_path: Path) -> None:
    service(tmp_path, "api-core")
    (tmp_path / "prisma-lint.toml").write_text('extends = "none"\nselect = ["PL101"]\n'
                                               '[project]\nservices = { api = "services/api-core" }\n')
    project = lint_paths([tmp_path / "services"]).project
    assert [s.name for s in project.services] == ["api"]
    assert project.config_source == str(tmp_path / "prisma-lint.toml")


def test_service_without_migrations_gets_no_migration_findings(tmp_path: Path) -> None:
    service(tmp_path, "api", migrations=False)
    with_migrations = service(tmp_path, "claims")
    config = config_from_dict({"extends": "none", "select": ["PL501"]})
    found = [(Path(d.path).relative_to(tmp_path).parts[1], d.message) for d in lint_paths([tmp_path / "services"], config).diagnostics]
    assert sorted(found) == [("claims", "Migration `20241222120000_initial_schema` has no rollback script "
                                "`rollbacks/20241222120000_rollback.sql`."),
                             ("claims", "`migrations/` has no `migration_lock.toml`.")]
    assert with_migrations.is_dir()


@pytest.mark.parametrize(("table", "key", "message"), [
    ('references = { patientId = "billing.Patient" }', "project.references.patientId",
     "'billing' is not a service of this project"),
    ('references = { patientId = "api.Person" }', "project.references.patientId", "service 'api' has no model 'Person'"),
    ('references = { patientId = "api.Patient.uuid" }', "project.references.patientId", "has no field 'uuid'"),
    ('references = { patientId = "not a reference" }', "project.references", "patientId: 'not a reference' is not"),
    ('deployment-order = ["api", "payments"]', "project.deployment-order[1]", "'payments' is not a service"),
    ('deployment-order = "api"', "project.deployment-order", "valid list"),
    ('servces = { api = "services/api" }', "project.servces", "unknown key"),
])
def test_bad_project_settings_exit_2_naming_file_and_key(tmp_path, capsys, table, key, message) -> None:
    service(tmp_path, "api")
    service(tmp_path, "claims", ["Claim"])
    config = tmp_path / "prisma-lint.toml"
    config.write_text(f'extends = "none"\nselect = ["PL101"]\n[project]\n{table}\n')
    assert main([str(tmp_path / "services")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith(f"prisma-lint: {config}: {key}: "), err
    assert message in err[0], err


def test_reference_into_a_service_with_a_syntax_error_is_not_a_config_error(tmp_path: Path) -> None:
    service(tmp_path, "api")
    (tmp_path / "services" / "api" / "prisma" / "schema.prisma").write_text("model Patient {\n  id String @id\n")
    service(tmp_path, "claims", ["Claim"])
    (tmp_path / "prisma-lint.toml").write_text('extends = "none"\nselect = ["PL101"]\n'
                                               '[project]\nreferences = { patientId = "api.Patient" }\n')
    result = lint_paths([tmp_path / "services"])
    assert result.syntax_errors == 1
    assert [s.parsed for s in result.project.services] == [False, True]


def test_project_settings_from_python() -> None:
    with pytest.raises(ConfigError, match="project.check-providers"):
        config_from_dict({"project": {"check-providers": "maybe"}})
    config = config_from_dict({"project": {"references": {"patientId": "api.Patient"}, "deployment-order": ["api"]}})
    reference = config.project.references["patientId"]
    assert (reference.service, reference.model, reference.field) == ("api", "Patient", None)
    assert config.project.deployment_order == ["api"]


ENUM_DRIFT = """
// service: api
enum Status {
  active
}
// service: billing
// prisma-lint-disable-next-line shared-enum-drift -- billing's own statuses
enum Status {
  draft
}
// service: claims
enum Status {
  open
}
"""


def test_project_rule_findings_obey_suppressions_and_overrides(tmp_path: Path) -> None:
    from prisma_lint.project.fixture import write_platform

    services, _project = write_platform(ENUM_DRIFT, tmp_path)
    config = {"extends": "none", "select": ["PL605", "PL003"]}
    found = [(Path(d.path).parts[-3], d.code) for d in lint_paths([services], config_from_dict(config)).diagnostics]
    assert found == [("claims", "PL605")]  # billing's is suppressed (and the suppression is used)
    (tmp_path / "prisma-lint.toml").write_text('extends = "none"\nselect = ["PL605", "PL003"]\n'
                                               '[[overrides]]\nfiles = ["services/claims/**"]\nignore = ["PL605"]\n')
    assert lint_paths([services]).diagnostics == []


def test_service_of_a_schema_folder_package_json_names(tmp_path: Path, monkeypatch) -> None:
    models = tmp_path / "app" / "prisma" / "models"
    models.mkdir(parents=True)
    (models / "a.prisma").write_text(MODEL.format(name="Patient"))
    (models / "b.prisma").write_text(MODEL.format(name="Visit"))
    (tmp_path / "app" / "package.json").write_text('{"prisma": {"schema": "prisma/models"}}')
    monkeypatch.chdir(tmp_path / "app")
    (service_,) = lint_paths([], config_from_dict({"extends": "none", "select": ["PL101"]})).project.services
    assert service_.name == "app" and service_.prisma_dir == tmp_path / "app" / "prisma"
    assert sorted(f.name for f in service_.schema_files) == ["a.prisma", "b.prisma"]
