"""The example platform (`fixtures/platform/`) linted with the strategy preset: every schema item of
`fixtures/platform/DRIFT.md` is reported by the rule that owns its convention, at its file and line,
and nothing else is reported (the rest of the platform follows the strategy, including
the cases DRIFT.md lists under "Things that are NOT drift")."""

from __future__ import annotations

from pathlib import Path
import pytest

import prisma_lint

SERVICES = Path(__file__).resolve().parents[1] / "fixtures" / "platform" / "services"

# DRIFT.md's items: (item, service, line, code, a fragment of the message). Item 0 is the loose SQL file
# DRIFT.md mentions beside item 12; migration findings are on line 1 of the file or folder concerned.
DRIFT: list[tuple[int, str, int, str, str]] = [
    (1, "api", 797, "PL301", "`AuditLog` has no `updatedAt`"),
    (2, "api", 872, "PL302", "`id Int @id @default(autoincrement())`"),
    (3, "api", 889, "PL112", "`webhook_event_logs`"),
    (4, "telehealth-service", 27, "PL104", "`FOLLOW_UP`"),
    (5, "mental-health-service", 134, "PL203", "`treatmentPlan`"),
    (6, "mental-health-service", 208, "PL202", "`patientId`"),
    (7, "chronic-care-service", 190, "PL201", "`readingId`"),
    (8, "pharmacy-service", 164, "PL203", "`prescription`"),
    (9, "laboratory-service", 85, "PL101", "`lab_reference_range`"),
    (10, "imaging-service", 95, "PL102", "`AETitle`"),
    (11, "auth-service", 150, "PL301", "`LoginAttempt` has no `createdAt` and `updatedAt`"),
    (12, "pharmacy-service", 1, "PL501", "has no rollback script"),
    (0, "api", 1, "PL501", "`webhook_event_log_migration.sql` is a loose SQL file"),
    (13, "telehealth-service", 2, "PL503", "`template` is added to `AppointmentReminder` as NOT NULL without a DEFAULT"),
    (14, "auth-service", 5, "PL504", "`PasswordReset.channel` is made NOT NULL in the migration that added it"),
    (15, "chronic-care-service", 5, "PL505", "changes data here and the schema on line 2"),
    (16, "mental-health-service", 2, "PL506", "UPDATE of every row of `SafetyPlan`"),
    (17, "laboratory-service", 2, "PL507", "Drops column `LabResult.verifiedBy`"),
    (19, "api", 2, "PL509", "Renames column `OrganizationSetting.value` to `data`"),
    (20, "auth-service", 177, "PL510", "`MfaFactor.deviceName` differs: the schema says type `varchar(64)` against "
                                       "`varchar(32)`"),
    (21, "mental-health-service", 1, "PL511", "Does not drop table `SafetyPlanReview`"),
    (22, "pharmacy-service", 116, "PL604", "`Prescription.encounterId` is `String @db.Uuid`, but it holds `api`'s "
                                           "`Encounter.id`, which is `String`; imaging-service and "
                                           "laboratory-service agree with it."),
    (23, "mental-health-service", 54, "PL605", "Enum `GoalStatus` differs from `chronic-care-service`'s: missing "
                                               "`active`, `met`, `not_met`, `cancelled`; extra `not_started`, "
                                               "`in_progress`, `achieved`, `abandoned`."),
    (24, "imaging-service", 3, "PL608", "`migration_lock.toml` names `mysql`, but `imaging-service`'s datasource "
                                        "provider is `postgresql`"),
]
# Item 18 (PL508) is off in the strategy preset; it is reported when selected.
OFF_IN_PRESET = [(18, "imaging-service", 2, "PL508", "without CONCURRENTLY")]


@pytest.fixture(scope="module")
def diagnostics():
    # No configuration at all: the strategy preset, as a user of the strategy gets it.
    result = prisma_lint.lint_paths([SERVICES])
    return [(Path(d.path).resolve().relative_to(SERVICES).parts[0] if d.path else None, d) for d in result.diagnostics]


def test_platform_parses_and_no_rule_fails(diagnostics) -> None:
    broken = [f"{service}:{d.line} {d.code} {d.message}" for service, d in diagnostics if d.code in ("PL000", "PL001")]
    assert broken == []


@pytest.mark.parametrize(("item", "service", "line", "code", "fragment"), DRIFT, ids=[f"item-{d[0]}" for d in DRIFT])
def test_drift_item_is_reported(diagnostics, item, service, line, code, fragment) -> None:
    found = [d for s, d in diagnostics if s == service and d.line == line and d.code == code]
    assert found, f"DRIFT.md item {item}: {code} reports nothing at services/{service}:{line}"
    assert any(fragment in d.message for d in found), [d.message for d in found]


def test_dependency_graph_and_deployment_order() -> None:
    """The strategy's dependencies: auth and the API first, every clinical service after the API."""
    project = prisma_lint.lint_paths([SERVICES]).project
    edges = {(a, b): sorted({str(r).split(" -> ")[0].split(".")[1] for r in via})
             for a, b, via in project.graph.dependencies()}
    assert edges == {
        ("api", "auth-service"): ["authUserId"],
        ("chronic-care-service", "api"): ["patientId", "providerId"],
        ("imaging-service", "api"): ["encounterId", "patientId", "providerId"],
        ("laboratory-service", "api"): ["encounterId", "patientId", "providerId"],
        ("mental-health-service", "api"): ["patientId", "providerId"],
        ("mental-health-service", "telehealth-service"): ["appointmentId"],
        ("pharmacy-service", "api"): ["encounterId", "patientId", "providerId"],
        ("telehealth-service", "api"): ["patientId", "providerId", "userId"],
    }
    assert project.graph.deployment_order() == [
        "auth-service", "api", "chronic-care-service", "imaging-service", "laboratory-service",
        "pharmacy-service", "telehealth-service", "mental-health-service"]
    assert project.graph.cycles() == []


def test_nothing_else_is_reported(diagnostics) -> None:
    """Exactly DRIFT.md: every finding of the strategy preset is one of its items, and one per item."""
    expected = sorted((service, line, code) for _item, service, line, code, _f in DRIFT)
    actual = sorted((service, d.line, d.code) for service, d in diagnostics)
    assert actual == expected, "\n".join(f"services/{s}:{d.line} {d.code} {d.message}" for s, d in diagnostics)


def test_rule_off_in_the_preset_reports_its_item_when_selected() -> None:
    from prisma_lint.config import CliSelection

    result = prisma_lint.lint_paths([SERVICES], CliSelection(["PL508"], []))
    found = [(Path(d.path).resolve().relative_to(SERVICES).parts[0], d.line, d.code) for d in result.diagnostics]
    assert found == [(service, line, code) for _item, service, line, code, _f in OFF_IN_PRESET]
