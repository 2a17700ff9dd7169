"""Parity with the npm prisma-lint 0.13.1: the same `.prismalintrc.json` rules, run by the real npm tool and
by ours on the same schemas, must find the same problems.

The npm tool reports a model- or enum-level problem at the block's keyword and a field-level one at the
field; ours reports at the narrowest span (a name, a type, an attribute). Both are reduced to the node the
npm tool would name: for the npm tool's model and enum rules the enclosing block's keyword, for its field
rules the enclosing field's name. Then the sets of (rule, line, column, detail) must be equal, where the
detail is what the message says beyond the place for some rules: the enum value and its expected
spelling, the missing required fields, the expected table or column name, the forbidding patterns.

Where the npm behaviour is a known bug, ours differs on purpose (each rule's docstring says how, under
"Differences from the npm prisma-lint"); those cases are marked `xfail(strict=True)` with the reason, so
the test notices if the difference disappears.

The npm package is looked for in `<repo>/.cache/npm-prisma-lint`, then in the benchmark's install, and
installed into the cache with npm when missing; without node or npm the test is skipped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Optional

import pytest

from prisma_lint import lint_text, parse
from prisma_lint.config import config_from_dict

REPO = Path(__file__).resolve().parents[1]
VERSION = "0.13.1"
CACHE = REPO / ".cache" / "npm-prisma-lint"
CANDIDATES = (CACHE, REPO / "benchmarks" / "out" / "npm")

# The npm tool's rules that report a model or an enum (the others report a field).
BLOCK_RULES = {
    "model-name-pascal-case", "enum-name-pascal-case", "enum-value-case", "enum-value-snake-case",
    "model-name-grammatical-number", "model-name-mapping-snake-case", "model-name-prefix", "require-field",
    "field-order",
}
# npm's deprecated names, and the rule that answers to them here.
RENAMED = {"enum-value-snake-case": "enum-value-case"}


def _installed(folder: Path) -> Optional[Path]:
    package = folder / "node_modules" / "prisma-lint"
    cli = package / "dist" / "cli.js"
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None
    return cli if cli.is_file() and version == VERSION else None


@pytest.fixture(scope="module")
def npm_cli() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        pytest.skip("node is not installed: cannot run the npm prisma-lint")
    for folder in CANDIDATES:
        cli = _installed(folder)
        if cli is not None:
            return cli
    if npm is None:
        pytest.skip("npm is not installed and the npm prisma-lint is not in .cache/npm-prisma-lint")
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), f"prisma-lint@{VERSION}"],
                       check=True, capture_output=True, text=True, timeout=300)
    except (subprocess.SubprocessError, OSError) as error:
        pytest.skip(f"could not install prisma-lint@{VERSION} with npm: {error}")
    cli = _installed(CACHE)
    if cli is None:
        pytest.skip(f"npm install did not produce prisma-lint@{VERSION} in {CACHE}")
    return cli


def _run_npm(cli: Path, rules: dict[str, Any], schema: str, workdir: Path) -> list[dict[str, Any]]:
    (workdir / ".prismalintrc.json").write_text(json.dumps({"rules": rules}), encoding="utf-8")
    (workdir / "schema.prisma").write_text(schema, encoding="utf-8")
    # The CLI prints its JSON report on stderr and then calls process.exit(), which cuts output to a
    # pipe at 64 KiB; a file gets all of it.
    output = workdir / "npm-output.txt"
    with output.open("w", encoding="utf-8") as sink:
        result = subprocess.run(["node", str(cli), "-c", ".prismalintrc.json", "-o", "json", "--no-color",
                                 "schema.prisma"], cwd=workdir, stdout=sink, stderr=sink, timeout=120,
                                env={**os.environ, "NO_COLOR": "1"})
    text = output.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.startswith('{"violations"')]
    assert lines, f"the npm prisma-lint failed (exit {result.returncode}):\n{text}"
    return json.loads(lines[-1])["violations"]


def _npm_detail(rule: str, message: str) -> Any:
    """What an npm message says beyond the location, for the rules whose findings share one location
    (enum values are reported at their enum) or whose message carries the expectation."""
    if rule == "enum-value-case":
        return tuple(re.findall(r"'([^']*)'", message))
    if rule == "require-field":
        return tuple(re.findall(r'"([^"]*)"', message))
    if rule == "forbid-field":
        return tuple(re.findall(r'"([^"]*)"', message)[1:])
    if rule in ("field-name-mapping-snake-case", "model-name-mapping-snake-case"):
        expected = re.findall(r'"([^"]*)"', message)
        return expected[0] if expected else "unmapped"
    if rule in ("model-name-grammatical-number", "field-name-grammatical-number"):
        return "singular" if "singular" in message else "plural"
    return None


def _our_detail(rule: str, message: str) -> Any:
    quoted = re.findall(r"`([^`]*)`", message)
    if rule == "enum-value-case":
        return (quoted[0], quoted[1])
    if rule == "require-field":
        return tuple(quoted[1:])
    if rule == "forbid-field":
        return tuple(quoted[1:])
    if rule in ("field-name-mapping-snake-case", "model-name-mapping-snake-case"):
        return quoted[-1] if "expected" in message else "unmapped"
    if rule in ("model-name-grammatical-number", "field-name-grammatical-number"):
        return "singular" if "expected a singular" in message else "plural"
    return None


def _npm_findings(violations: list[dict[str, Any]]) -> set[tuple[str, int, int, Any]]:
    found = set()
    for v in violations:
        rule = RENAMED.get(v["ruleName"], v["ruleName"])
        found.add((rule, v["location"]["startLine"], v["location"]["startColumn"], _npm_detail(rule, v["message"])))
    return found


def _anchor(schema, line: int, column: int, field_level: bool) -> tuple[int, int]:
    """The npm tool's location for a diagnostic of ours: its block's keyword, or its field's name."""
    for block in schema.blocks:
        span = block.span
        if not ((span.start_line, span.start_column) <= (line, column) <= (span.end_line, span.end_column)):
            continue
        if field_level:
            for f in getattr(block, "fields", ()):
                fs = f.span
                if (fs.start_line, fs.start_column) <= (line, column) <= (fs.end_line, fs.end_column):
                    return fs.start_line, fs.start_column
        return span.start_line, span.start_column
    return line, column


def _our_findings(rules: dict[str, Any], schema_text: str) -> set[tuple[str, int, int, Any]]:
    config = config_from_dict({"extends": "none", "rules": rules})
    diagnostics = lint_text(schema_text, "schema.prisma", config)
    assert [d for d in diagnostics if d.code in ("PL001", "PL000")] == [], diagnostics
    schema = parse(schema_text)
    found = set()
    for d in diagnostics:
        line, column = _anchor(schema, d.line, d.column, field_level=d.rule not in BLOCK_RULES)
        found.add((d.rule, line, column, _our_detail(d.rule, d.message)))
    return found


# --------------------------------------------------------------------------------------------------
# The cases: (id, rules as in a .prismalintrc.json, schema)
# --------------------------------------------------------------------------------------------------

MODELS_NAMED = """
model lab_result {
  id String @id
}

model LabResult {
  id String @id
}

model dbUser {
  id String @id
}

model db_Patient {
  id String @id
}

model Tmp_Thing {
  id String @id
}

model legacy_orders {
  id String @id
}
"""

FIELDS_NAMED = """
model Patient {
  id         String @id
  firstName  String
  last_name  String
  Email      String
  XfirstName Int
  XBad       Int
  legacy_ref String
  hl7Message String
}
"""

ENUMS = """
enum Color {
  red
  Green
  light_blue
  DARK_GRAY
  inProgress
  OnHold
  value_1
  X_legacy
}

enum order_status {
  pending
  shipped
}

enum db_Kind {
  a
}

enum GraphQLKind {
  GraphQLQuery
  graphql_query
  SQLQuery
}
"""

ENUM_IGNORES = """
enum Color {
  /// prisma-lint-ignore-enum enum-value-case Green,OnHold
  red
  Green
  OnHold
  Blue
}

enum Size {
  /// prisma-lint-ignore-enum
  Small
}

enum Shape {
  /// prisma-lint-ignore-enum enum-value-case
  Round
}
"""

GRAMMAR_MODELS = """
model User {
  id     String   @id
  emails String[]
  tag    String[]
  data   String[]
  people Int[]
  child  Int[]
  name   String
}

model Users {
  id String @id
}

model UserData {
  id String @id
}

model TenantData {
  id String @id
}

model Person {
  id String @id
}

model People {
  id String @id
}

model News {
  id String @id
}

model Category {
  id String @id
}

model Categories {
  id String @id
}
"""

FIELD_MAPPING = """
enum RoleType {
  ADMIN
  MEMBER
}

type UserInfo {
  institution String
}

model UserRole {
  id            String   @id
  userId        String   @map(name: "user_id")
  otherId       String   @map("other_i_d")
  roleType      RoleType
  userInfo      UserInfo @map(name: "user_info")
  grantedBy     User     @relation(fields: [grantedById], references: [id])
  grantedById   String
  name          String
  tag           String   @map("label")
  graphQLId     String   @map("graphql_id")
  createdAt     DateTime @map("created_at")
}

model User {
  id    String     @id @map("_id")
  roles UserRole[]
}

model Post {
  /// prisma-lint-ignore-model field-name-mapping-snake-case tenantId,authorId
  id       String @id
  tenantId String
  authorId String
  userId   String
}
"""

MODEL_MAPPING = """
model UserRole {
  id String @id

  @@map(name: "user_role")
}

model NoMap {
  id String @id
}

model WrongMap {
  id String @id

  @@map("wrong_maps")
}

model DbUserRole {
  id String @id

  @@map("user_role")
}

model GraphQLPersistedQuery {
  id String @id

  @@map("graphql_persisted_query")
}

model Person {
  id String @id

  @@map("people")
}

model Category {
  id String @id

  @@map("categories")
}

model Box {
  id String @id

  @@map("boxes")
}
"""

INDEXES = """
model User {
  id        String   @id
  tenantId  String
  createdAt DateTime
  email     String   @unique
  orgId     String
  teamId    String
  name      String
  posts     Post[]

  @@index([tenantId, createdAt])
  @@unique(fields: [orgId])
}

model Post {
  id       String @id
  tenantId String
  authorId String
  author   User   @relation(fields: [authorId], references: [id])
  editorId String
  editor   Editor @relation(fields: [editorId], references: [id])
  topicId  String
  topic    Topic  @relation(fields: [topicId], references: [id])
  title    String

  @@index([authorId(sort: Desc)])
  @@index(fields: [topicId])
}

model Editor {
  /// prisma-lint-ignore-model require-field-index tenantId
  id       String @id
  tenantId String
  posts    Post[]
}

model Topic {
  id       String @id
  tenantId String @unique
  posts    Post[]
}
"""

STRINGS = """
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id       String   @id @db.Uuid
  name     String
  bio      String?  @db.Text
  code     String   @db.VarChar(12)
  tags     String[]
  age      Int
  initials String   @db.Char(3)
}
"""

FORBID = """
model Product {
  id            String @id
  uuid          String
  priceD6       Int
  priceAmountD6 Int
  ssn           String
}

model Legacy {
  /// prisma-lint-ignore-model forbid-field ssn
  id  String @id
  ssn String
}
"""

IGNORED_FIELDS = """
enum Status {
  ACTIVE
}

model Product {
  id          String   @id
  toBeRemoved String   @ignore
  optional    String?  @ignore
  withDefault Boolean  @default(false) @ignore
  tags        String[] @ignore
  owner       User     @relation(fields: [ownerId], references: [id]) @ignore
  ownerId     String
}

model User {
  id       String    @id
  products Product[]
}
"""

ARRAYS = """
model Post {
  id       String   @id
  tags     String[] @default([])
  labels   String[]
  scores   Int[]    @default([1, 2])
  name     String
  optional String?
}
"""

REQUIRED = """
model User {
  id        String   @id
  createdAt DateTime
}

model Product {
  id            String @id
  priceAmountD6 Int
}

model Order {
  id            String @id
  currencyCode  String
  totalAmountD6 Int
  tenantId      String
}

model Audit {
  /// prisma-lint-ignore-model require-field createdAt
  id String @id
}

model Skipped {
  /// prisma-lint-ignore-model require-field
  id String @id
}
"""

TYPES = """
model User {
  id        String   @id @db.Uuid
  createdAt DateTime
  updatedAt String
  deletedAt DateTime?
  tenantId  Int
  orgId     String   @db.VarChar(36)
  teamId    String
}

model Post {
  id  Int    @id
  pid String @db.Uuid
}
"""

ORDER = """
model User {
  tenantId String
  id       String @id
  email    String
}

model Account {
  id       String @id
  email    String
  tenantId String
}

model Event {
  tenantId  String
  id        String   @id
  email     String
  createdAt DateTime
  updatedAt DateTime
}

model Late {
  id        String   @id
  createdAt DateTime
  email     String
}

model Bare {
  email String
  name  String
}
"""

IGNORE_COMMENTS = """
model lab_result {
  /// prisma-lint-ignore-model
  id         String @id
  patient_id String
}

model visit_note {
  /// prisma-lint-ignore-model model-name-pascal-case
  id         String @id
  patient_id String
}

model Patient {
  id         String @id
  /// prisma-lint-ignore-field field-name-camel-case
  first_name String
  /// prisma-lint-ignore-field
  last_name  String
  /// prisma-lint-ignore-field field-name-camel-case field-name-mapping-snake-case
  middle_name String
  /// prisma-lint-ignore-field field-name-camel-case,field-name-mapping-snake-case
  nick_name  String
  /// prisma-lint-ignore-field require-field-type
  maiden_name String
  birthDate  DateTime
}
"""

BIG_RULES: dict[str, Any] = {
    "model-name-pascal-case": ["error"],
    "field-name-camel-case": ["error"],
    "enum-name-pascal-case": ["error"],
    "enum-value-case": ["error", {"style": "snake", "case": "upper"}],
    "model-name-grammatical-number": ["error", {"style": "singular"}],
    "field-name-grammatical-number": ["error", {"ifList": "plural"}],
    "field-name-mapping-snake-case": ["error", {"compoundWords": ["GraphQL"]}],
    "model-name-mapping-snake-case": ["error", {"compoundWords": ["GraphQL"], "pluralize": True}],
    "model-name-prefix": ["error", {"prefix": "Db"}],
    "require-field-index": ["error", {"forAllRelations": True, "forNames": ["tenantId"]}],
    "ban-unbounded-string-type": ["error"],
    "forbid-field": ["error", {"forbid": ["ssn", "/^legacy/"]}],
    "forbid-required-ignored-field": ["error"],
    "require-default-empty-arrays": ["error"],
    "require-field": ["error", {"require": ["id", "createdAt", {"name": "currencyCode", "ifSibling": "/AmountD6$/"}]}],
    "require-field-type": ["error", {"require": [{"ifName": "/At$/", "type": "DateTime"},
                                                {"ifName": "id", "type": "String", "nativeType": "Uuid"}]}],
    "field-order": ["error", {"order": ["tenantId", "id", "...", "createdAt"]}],
}


def _big_schema(copies: int = 12) -> str:
    parts = ["""datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum order_status {
  PENDING
  inProgress
  Shipped
  ON_HOLD
}
"""]
    for n in range(copies):
        k = "".join(chr(ord("a") + int(digit)) for digit in str(n))  # digits are a known difference
        parts.append(f"""
model DbPatient{k} {{
  tenantId    String   @map("tenant_id") @db.Uuid
  id          String   @id @db.Uuid
  first_name  String
  lastName    String   @db.VarChar(100)
  ssn         String   @db.VarChar(11)
  legacyCode  String   @ignore @db.VarChar(8)
  allergy     String[]
  updatedAt   String   @map("updated_at")
  createdAt   DateTime @map("created_at")

  @@map("db_patient{k}s")
}}

model DbVisit{k} {{
  id            Int      @id
  tenantId      String   @map("tenant_id") @db.VarChar(36)
  patientId     String   @map("patient_i_d") @db.VarChar(36)
  patient       DbPatient{k} @relation(fields: [patientId], references: [id])
  totalAmountD6 Int      @map("total_amount_d_6")
  notes         String?  @db.Text
  tags          String[] @default([])
  createdAt     DateTime @map("created_at")

  @@index([tenantId])
  @@map("db_visit{k}s")
}}

model visit_{k}_notes {{
  noteId    String   @id @map("note_id") @db.VarChar(36)
  createdAt DateTime
  GraphQLId String
}}
""")
    return "".join(parts)


CASES: list[tuple[str, dict[str, Any], str]] = [
    ("model-name-pascal-case", {"model-name-pascal-case": ["error"]}, MODELS_NAMED),
    ("model-name-pascal-case-options", {"model-name-pascal-case": [
        "error", {"allowList": ["legacy_orders"], "trimPrefix": ["db_", "Tmp_"]}]}, MODELS_NAMED),
    ("model-name-pascal-case-trim-string", {"model-name-pascal-case": ["error", {"trimPrefix": "db_"}]},
     MODELS_NAMED),
    ("field-name-camel-case", {"field-name-camel-case": ["error"]}, FIELDS_NAMED),
    ("field-name-camel-case-options", {"field-name-camel-case": [
        "error", {"allowList": ["legacy_ref"], "trimPrefix": "X"}]}, FIELDS_NAMED),
    ("enum-name-pascal-case", {"enum-name-pascal-case": ["error"]}, ENUMS),
    ("enum-name-pascal-case-options", {"enum-name-pascal-case": [
        "error", {"allowList": ["order_status"], "trimPrefix": ["db_"]}]}, ENUMS),
    ("enum-value-case-snake", {"enum-value-case": ["error", {"style": "snake"}]}, ENUMS),
    ("enum-value-case-snake-upper", {"enum-value-case": ["error", {"style": "snake", "case": "upper"}]}, ENUMS),
    ("enum-value-case-snake-lower", {"enum-value-case": ["error", {"style": "snake", "case": "lower"}]}, ENUMS),
    ("enum-value-case-camel", {"enum-value-case": ["error", {"style": "camel"}]}, ENUMS),
    ("enum-value-case-pascal", {"enum-value-case": ["error", {"style": "pascal"}]}, ENUMS),
    ("enum-value-case-compound-words", {"enum-value-case": [
        "error", {"style": "snake", "compoundWords": ["GraphQL", "SQL"]}]}, ENUMS),
    ("enum-value-case-pascal-compound-words", {"enum-value-case": [
        "error", {"style": "pascal", "compoundWords": ["GraphQL"]}]}, ENUMS),
    ("enum-value-case-allow-list-trim-prefix", {"enum-value-case": [
        "error", {"style": "snake", "allowList": ["Green", "OnHold"], "trimPrefix": "X_"}]}, ENUMS),
    ("enum-value-case-ignore-comments", {"enum-value-case": ["error", {"style": "snake"}]}, ENUM_IGNORES),
    ("enum-value-snake-case", {"enum-value-snake-case": ["error"]}, ENUMS),
    ("enum-value-snake-case-upper", {"enum-value-snake-case": ["error", {"case": "upper"}]}, ENUMS),
    ("model-name-grammatical-number-singular", {"model-name-grammatical-number": [
        "error", {"style": "singular"}]}, GRAMMAR_MODELS),
    ("model-name-grammatical-number-plural", {"model-name-grammatical-number": [
        "error", {"style": "plural"}]}, GRAMMAR_MODELS),
    ("model-name-grammatical-number-allowlist", {"model-name-grammatical-number": [
        "error", {"style": "singular", "allowlist": ["UserData", "/^Categ/"]}]}, GRAMMAR_MODELS),
    ("field-name-grammatical-number-singular", {"field-name-grammatical-number": [
        "error", {"ifList": "singular"}]}, GRAMMAR_MODELS),
    ("field-name-grammatical-number-plural", {"field-name-grammatical-number": [
        "error", {"ifList": "plural", "ifListAllow": ["tag"]}]}, GRAMMAR_MODELS),
    ("field-name-mapping-snake-case", {"field-name-mapping-snake-case": ["error"]}, FIELD_MAPPING),
    ("field-name-mapping-snake-case-options", {"field-name-mapping-snake-case": [
        "error", {"compoundWords": ["GraphQL"], "requireUnderscorePrefixForIds": True}]}, FIELD_MAPPING),
    ("model-name-mapping-snake-case", {"model-name-mapping-snake-case": ["error"]}, MODEL_MAPPING),
    ("model-name-mapping-snake-case-options", {"model-name-mapping-snake-case": [
        "error", {"trimPrefix": "Db", "compoundWords": ["GraphQL"], "pluralize": True,
                  "irregularPlurals": {"person": "people"}}]}, MODEL_MAPPING),
    ("model-name-prefix", {"model-name-prefix": ["error", {"prefix": "Db"}]}, MODEL_MAPPING),
    ("require-field-index-for-names", {"require-field-index": [
        "error", {"forNames": ["tenantId", "createdAt", "name"]}]}, INDEXES),
    ("require-field-index-for-names-regex", {"require-field-index": ["error", {"forNames": "/Id$/"}]}, INDEXES),
    ("require-field-index-for-all-relations", {"require-field-index": ["error", {"forAllRelations": True}]},
     INDEXES),
    ("ban-unbounded-string-type", {"ban-unbounded-string-type": ["error"]}, STRINGS),
    ("ban-unbounded-string-type-allow-text", {"ban-unbounded-string-type": [
        "error", {"allowNativeTextType": True}]}, STRINGS),
    ("forbid-field", {"forbid-field": ["error", {"forbid": ["id", "ssn"]}]}, FORBID),
    ("forbid-field-regex", {"forbid-field": ["error", {"forbid": ["/^(?!.*[aA]mountD6$).*D6$/"]}]}, FORBID),
    ("forbid-required-ignored-field", {"forbid-required-ignored-field": ["error"]}, IGNORED_FIELDS),
    ("require-default-empty-arrays", {"require-default-empty-arrays": ["error"]}, ARRAYS),
    ("require-field", {"require-field": ["error", {"require": ["id", "createdAt"]}]}, REQUIRED),
    ("require-field-if-sibling", {"require-field": ["error", {"require": [
        {"name": "currencyCode", "ifSibling": "/mountD6$/"}, {"name": "tenantId", "ifSibling": "currencyCode"}]}]},
     REQUIRED),
    ("require-field-type", {"require-field-type": ["error", {"require": [
        {"ifName": "/At$/", "type": "DateTime"}, {"ifName": "tenantId", "type": "String"}]}]}, TYPES),
    ("require-field-type-native", {"require-field-type": ["error", {"require": [
        {"ifName": "/Id$/", "type": "String", "nativeType": "VarChar"}, {"ifName": "id", "type": "String",
                                                                          "nativeType": "Uuid"}]}]}, TYPES),
    ("require-field-type-conflicting", {"require-field-type": ["error", {"require": [
        {"ifName": "/Id$/", "type": "String"}, {"ifName": "orgId", "type": "Int"}]}]}, TYPES),
    ("field-order-leading", {"field-order": ["error", {"order": ["tenantId", "id", "createdAt", "updatedAt",
                                                                 "..."]}]}, ORDER),
    ("field-order-trailing", {"field-order": ["error", {"order": ["tenantId", "id", "...", "createdAt",
                                                                  "updatedAt"]}]}, ORDER),
    ("field-order-closed", {"field-order": ["error", {"order": ["id", "email"]}]}, ORDER),
    ("ignore-comments", {"model-name-pascal-case": ["error"], "field-name-camel-case": ["error"],
                         "field-name-mapping-snake-case": ["error"], "require-field-type": [
                             "error", {"require": [{"ifName": "/_name$/", "type": "Int"}]}]}, IGNORE_COMMENTS),
    ("big-schema", BIG_RULES, _big_schema()),
]

# Cases where the npm tool has a known bug and ours is right (see each rule's docstring).
KNOWN_DIFFERENCES: list[tuple[str, str, dict[str, Any], str]] = [
    ("snake-case-digits-field", "npm issue #762: npm wants `discover_v_1_enabled` for `discoverV1Enabled`; "
     "`discover_v1_enabled` is accepted here",
     {"field-name-mapping-snake-case": ["error"]},
     'model Feature {\n  id                String  @id\n  discoverV1Enabled Boolean @map("discover_v1_enabled")\n}\n'),
    ("snake-case-digits-model", "npm issue #762: npm wants `message_v_2` for `MessageV2`",
     {"model-name-mapping-snake-case": ["error"]},
     'model MessageV2 {\n  id String @id\n\n  @@map("message_v2")\n}\n'),
    ("snake-case-digits-enum", "npm issue #762: npm wants `value_1`/`V_1`; `value1` and `V1` are snake_case here",
     {"enum-value-case": ["error", {"style": "snake"}]}, "enum Version {\n  v1\n  value2\n}\n"),
    ("index-composite-primary-key", "npm ignores `@@id`: the first field of a composite primary key is indexed",
     {"require-field-index": ["error", {"forNames": ["tenantId"]}]},
     "model Membership {\n  tenantId String\n  userId   String\n\n  @@id([tenantId, userId])\n}\n"),
    ("index-composite-foreign-key", "npm wants each field of a composite foreign key to lead an index; one "
     "index on all of them covers the key",
     {"require-field-index": ["error", {"forAllRelations": True}]},
     "model Org {\n  tenantId String\n  id       String\n  teams    Team[]\n\n  @@id([tenantId, id])\n}\n\n"
     "model Team {\n  id       String @id\n  tenantId String\n  orgId    String\n"
     "  org      Org    @relation(fields: [tenantId, orgId], references: [tenantId, id])\n\n"
     "  @@index([tenantId, orgId])\n}\n"),
    ("ignored-enum-field", "npm takes enum fields for relations and skips them; an ignored required enum "
     "column still breaks inserts",
     {"forbid-required-ignored-field": ["error"]},
     "enum Status {\n  ACTIVE\n}\n\nmodel Account {\n  id     String @id\n  status Status @ignore\n}\n"),
    ("empty-array-relation-list", "npm asks relation lists for `@default([])`, which Prisma rejects",
     {"require-default-empty-arrays": ["error"]},
     "model User {\n  id    String @id\n  posts Post[]\n}\n\nmodel Post {\n  id     String @id\n  userId String\n"
     "  user   User   @relation(fields: [userId], references: [id])\n}\n"),
    ("unbounded-long-text", "npm takes only `@db.Text` for unbounded; `@db.LongText` is too",
     {"ban-unbounded-string-type": ["error"]},
     'datasource db {\n  provider = "mysql"\n  url      = env("DATABASE_URL")\n}\n\n'
     "model Post {\n  id   String @id @db.VarChar(36)\n  body String @db.LongText\n}\n"),
    ("composite-type-fields", "npm lints models only; fields of composite types are checked here",
     {"field-name-camel-case": ["error"]},
     "type Address {\n  street_name String\n}\n\nmodel User {\n  id      String  @id\n  address Address\n}\n"),
]


@pytest.mark.parametrize(("rules", "schema"), [pytest.param(r, s, id=i) for i, r, s in CASES])
def test_same_findings_as_npm(npm_cli: Path, tmp_path: Path, rules: dict[str, Any], schema: str) -> None:
    npm = _npm_findings(_run_npm(npm_cli, rules, schema, tmp_path))
    ours = _our_findings(rules, schema)
    assert ours == npm, f"only npm: {sorted(npm - ours)}\nonly ours: {sorted(ours - npm)}"


@pytest.mark.parametrize(("rules", "schema"), [
    pytest.param(r, s, id=i, marks=pytest.mark.xfail(strict=True, reason=reason))
    for i, reason, r, s in KNOWN_DIFFERENCES
])
def test_known_differences_from_npm(npm_cli: Path, tmp_path: Path, rules: dict[str, Any], schema: str) -> None:
    npm = _npm_findings(_run_npm(npm_cli, rules, schema, tmp_path))
    ours = _our_findings(rules, schema)
    assert ours == npm, f"only npm: {sorted(npm - ours)}\nonly ours: {sorted(ours - npm)}"


def test_big_schema_has_many_findings(npm_cli: Path, tmp_path: Path) -> None:
    """The big case is only worth its time if it exercises every rule many times."""
    findings = _our_findings(BIG_RULES, _big_schema())
    rules = {finding[0] for finding in findings}
    assert len(findings) > 200
    assert rules == {RENAMED.get(name, name) for name in BIG_RULES}, sorted(set(BIG_RULES) - rules)
