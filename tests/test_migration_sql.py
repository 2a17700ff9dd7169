"""Migration SQL read from disk: bad input is one clear finding with its position (never a traceback),
suppression comments in SQL work as in schemas, DO blocks count, and the replay and Prisma's expected
model agree on the details (renames, enums, long names)."""

from __future__ import annotations

import os
from pathlib import Path

from migration_service import write_service
from prisma_lint import lint_paths
from prisma_lint.config import config_from_dict
from prisma_lint.migrations.expected import constraint_name, expected_database
from prisma_lint.migrations.replay import Replay
from prisma_lint.migrations.sql import parse_sql_text
from prisma_lint.parser import parse

CREATE = 'CREATE TABLE "Patient" ("id" TEXT NOT NULL, "name" TEXT, CONSTRAINT "Patient_pkey" PRIMARY KEY ("id"));\n'


def _lint(schema_path: Path, *rules: str) -> list[tuple[str, int, int, str, str]]:
    config = config_from_dict({"extends": "none", "select": list(rules)})
    root = schema_path.parent
    return [(os.path.relpath(d.path, root), d.line, d.column, d.code, d.message)
            for d in lint_paths([schema_path], config).diagnostics]


def test_binary_and_non_utf8_files(tmp_path: Path) -> None:
    schema = write_service(tmp_path, "", {"20241222120000_init/migration.sql": CREATE})
    (schema.parent / "migrations" / "20241222120000_init" / "migration.sql").write_bytes(b"\x7fELF\x00\x01\x02")
    (schema.parent / "migrations" / "rollbacks").mkdir()
    (schema.parent / "migrations" / "rollbacks" / "20241222120000_rollback.sql").write_bytes(b"DROP TABLE x;\n\xff\xfe\n")
    assert _lint(schema, "PL502") == [
        ("migrations/20241222120000_init/migration.sql", 1, 1, "PL502", "The file is binary (it has NUL bytes), not SQL."),
        ("migrations/rollbacks/20241222120000_rollback.sql", 2, 1, "PL502", "The file is not UTF-8 text."),
    ]


def test_a_50_mb_migration_is_one_finding(tmp_path: Path) -> None:
    schema = write_service(tmp_path, "", {})
    big = schema.parent / "migrations" / "20241222120000_init" / "migration.sql"
    big.parent.mkdir(parents=True)
    with big.open("w") as handle:
        line = "INSERT INTO \"Patient\" (\"id\") VALUES ('" + "x" * 60 + "');\n"
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    found = [f for f in _lint(schema, "migrations") if f[3] != "PL501"]  # PL501: no rollback, `init` no verb
    assert [(f[0], f[1], f[3]) for f in found] == [("migrations/20241222120000_init/migration.sql", 1, "PL502")]
    assert "50.0 MB, over the 20 MB" in found[0][4]


def test_folder_without_migration_sql_and_rollback_without_migration(tmp_path: Path) -> None:
    schema = write_service(tmp_path, "", {"20241222120000_init/notes.txt": "todo",
                                          "rollbacks/20241222120000_rollback.sql": "SELECT 1;",
                                          "rollbacks/20241230000000_rollback.sql": "SELECT 1;"})
    found = [(f[0], f[3], f[4]) for f in _lint(schema, "migrations")]
    assert ("migrations/20241222120000_init", "PL501", "Migration folder `20241222120000_init` has no `migration.sql`.") \
        in found
    assert ("migrations/rollbacks/20241230000000_rollback.sql", "PL511",
            "Rollback script `20241230000000_rollback.sql` belongs to no migration (no migration folder starts "
            "with `20241230000000_`).") in found
    assert all(code in ("PL501", "PL511") for _p, code, _m in found), found


def test_sql_suppressions_used_unused_and_misspelt(tmp_path: Path) -> None:
    schema = write_service(tmp_path, "", {
        "20241222120000_create_patient/migration.sql": CREATE,
        "20241223120000_drop_patient_name/migration.sql":
            "-- prisma-lint-disable-next-line PL507 -- nothing reads it since 4.2\n"
            'ALTER TABLE "Patient" DROP COLUMN "name";\n'
            "-- prisma-lint-disable-next-line destructive-migration -- stale\n"
            "SELECT 1;\n"
            "-- prisma-lint-disabel-file PL505\n",
    })
    found = _lint(schema, "PL507", "PL003")
    assert [(f[1], f[2], f[3]) for f in found] == [(3, 1, "PL003"), (5, 1, "PL003")], found
    assert "suppresses nothing" in found[0][4]


def test_disable_file_in_sql(tmp_path: Path) -> None:
    schema = write_service(tmp_path, "", {
        "20241222120000_create_patient/migration.sql": CREATE,
        "20241223120000_drop_patient_name/migration.sql":
            "-- prisma-lint-disable-file PL507 -- the cleanup migration of the transition\n"
            'ALTER TABLE "Patient" DROP COLUMN "name";\nDROP TABLE "Patient";\n',
    })
    assert _lint(schema, "PL507", "PL003") == []


def test_statements_inside_a_do_block_keep_their_position() -> None:
    text = "SELECT 1;\nDO $$\nDECLARE n INT;\nBEGIN\n  LOOP\n    DELETE FROM \"A\" WHERE id IN (SELECT id FROM \"A\" LIMIT 5);\n" \
           "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n  END LOOP;\n  CREATE INDEX \"A_x_idx\" ON \"A\"(x);\nEND $$;\n"
    sql = parse_sql_text(text, "m.sql")
    assert sql.problems == []
    assert [(s.kind, s.span.start_line, s.span.start_column, s.in_do, s.in_loop) for s in sql.statements] == [
        ("SelectStmt", 1, 1, False, False), ("DeleteStmt", 6, 5, True, True), ("IndexStmt", 10, 3, True, False)]


def test_no_migrations_folder_is_one_info(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text("model A {\n  id String @id\n}\n")
    assert [(f[3], f[4]) for f in _lint(schema, "migrations")] == [
        ("PL513", "Migrations not checked for drift: the schema has no migrations folder.")]


def test_replay_follows_renames_and_enum_changes() -> None:
    sql = parse_sql_text(
        'CREATE TYPE "S" AS ENUM (\'a\', \'c\');\n' + CREATE +
        'CREATE TABLE "Visit" ("id" TEXT NOT NULL, "patientId" TEXT NOT NULL, CONSTRAINT "Visit_pkey" PRIMARY KEY ("id"));\n'
        'CREATE INDEX "Visit_patientId_idx" ON "Visit"("patientId");\n'
        'ALTER TABLE "Visit" ADD CONSTRAINT "Visit_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id");\n'
        "ALTER TYPE \"S\" ADD VALUE 'b' BEFORE 'c';\n"
        'ALTER TABLE "Patient" RENAME TO "Person";\n'
        'ALTER TABLE "Visit" RENAME COLUMN "patientId" TO "personId";\n'
        'ALTER TABLE "Person" DROP COLUMN "name";\n', "m.sql")
    replay = Replay().apply_all(sql.statements)
    assert replay.problems == []
    db = replay.db
    assert db.enums["S"].values == ("a", "b", "c")
    assert sorted(db.tables) == ["Person", "Visit"]
    assert db.indexes["Visit_patientId_idx"].columns == ("personId",)
    fk = db.foreign_keys[("Visit", "Visit_patientId_fkey")]
    assert (fk.columns, fk.ref_table, fk.on_delete) == (("personId",), "Person", "NO ACTION")
    assert [c.name for c in db.tables["Person"].columns] == ["id"]
    db_after_drop = Replay(db.copy()).apply_all(parse_sql_text('DROP TABLE "Person" CASCADE;', "d.sql").statements).db
    assert list(db_after_drop.foreign_keys) == [] and "Person" not in db_after_drop.tables


def test_expected_names_follow_prisma_including_long_ones() -> None:
    long_field = "a" * 40
    schema = parse(f"model VeryLongModelNameForTesting {{\n  id String @id\n  {long_field} String\n\n"
                   f"  @@index([{long_field}])\n}}\n")
    db = expected_database(schema)
    name = constraint_name("VeryLongModelNameForTesting", (long_field,), "idx")
    assert len(name) == 63 and name.endswith("_idx")
    assert list(db.indexes) == [name]


def test_cluster_binaries_found_outside_path(monkeypatch) -> None:
    from prisma_lint.migrations.cluster import find_binaries

    monkeypatch.setenv("PATH", "/nonexistent")
    found = find_binaries()
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    assert found == (debian[-1].parent if debian else None)


def test_fast_node_builder_gives_pglasts_own_tree() -> None:
    """`prisma_lint.migrations.nodes` builds from the parser's JSON what `pglast.parse_sql` builds: same
    classes, enums, values and (character) positions, on every migration of the platform and text with
    non-ASCII characters."""
    import pglast

    from prisma_lint.migrations.nodes import parse_statements

    root = Path(__file__).resolve().parents[1] / "fixtures" / "platform" / "services"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.sql"))]
    texts.append("SELECT 'é';\nCREATE TABLE \"Ünï\" (id int DEFAULT 0, x bool DEFAULT false, y text DEFAULT '');\n"
                 "DROP TABLE a, b; INSERT INTO x VALUES (1, 2); ALTER TYPE s ADD VALUE 'x' BEFORE 'y';\n"
                 "UPDATE a SET x = -1.5 WHERE id IN (SELECT id FROM a LIMIT 5); DO $$ BEGIN NULL; END $$;")
    for text in texts:
        expected = [(raw.stmt, raw.stmt_location, raw.stmt_len) for raw in pglast.parse_sql(text)]
        assert parse_statements(text) == expected
