"""Primary key is not `id String @id @default(uuid())`.

## What it does
Checks that every model's primary key is a single `String` field called `id`, marked `@id` and
generated with `@default(uuid())`, as the strategy prescribes. Reported at the primary-key field (one
diagnostic naming everything that differs: name, type, generator), at a compound `@@id` (unless
`allow-compound`), or at the model's name when it has no primary key. The generators accepted are
configurable; other attributes such as `@db.Uuid` are fine. Views and composite types are not checked.

## Why is this bad?
Records move between services by id (`patientId`, `providerId`, `encounterId`), so every service must
mint ids the same way, without a round trip to the database and without collisions. An
auto-increment integer is guessable (an enumeration risk for PHI), collides when data from two
databases meets, and makes the cross-service `String` references inconsistent; a compound key cannot
be referenced by a single id column at all.

## Example
```prisma
model WebhookEventLog {
  id        Int    @id @default(autoincrement())
  eventType String
}
```

Use instead:
```prisma
model WebhookEventLog {
  id        String @id @default(uuid())
  eventType String
}
```

"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from prisma_lint.ast.nodes import Field, FunctionCall, Schema
from prisma_lint.ast.printer import print_expression
from prisma_lint.diagnostics import Diagnostic
from prisma_lint.rules.base import RuleContext, RuleOptions, option

CODE = "PL302"
NAME = "non-uuid-primary-key"
CATEGORY = "keys"
SEVERITY = "error"


@dataclass(frozen=True)
class Options(RuleOptions):
    field: str = option("id", description='the name of the primary-key field; `""` accepts any name.')
    type: str = option("String", description="the type of the primary-key field.")
    generators: list[str] = option(
        ["uuid"],
        description=(
            'the `@default(...)` functions accepted. A bare name accepts any arguments (`"uuid"` '
            "accepts `uuid()`, `uuid(4)` and `uuid(7)`); a call accepts exactly those arguments "
            '(`"uuid(7)"`, `"cuid(2)"`). Others: `"cuid"`, `"nanoid"`, `"ulid"`, `"dbgenerated"`, '
            '`"auto"` (MongoDB).'))
    allow_compound: bool = option(
        False,
        description=(
            "accept a compound `@@id([a, b])` primary key (join tables) without checking it."))


def _squash(text: str) -> str:
    return "".join(text.split())


def _generated(f: Field, generators: list[str]) -> bool:
    default = f.attribute("default")
    value = default.arg("value", 0) if default is not None else None
    if not isinstance(value, FunctionCall):
        return False
    written = _squash(print_expression(value))
    for generator in generators:
        generator = _squash(generator)
        if "(" in generator:
            if written == generator:
                return True
        elif value.name == generator:
            return True
    return False


def _expected(options: Options, name: Optional[str] = None) -> str:
    generator = options.generators[0] if options.generators else None
    if generator is not None and "(" not in generator:
        generator += "()"
    default = f" @default({generator})" if generator else ""
    return f"{options.field or name or 'id'} {options.type} @id{default}"


def _actual(f: Field) -> str:
    default = f.attribute("default")
    value = default.arg("value", 0) if default is not None else None
    text = f"{f.name} {f.type}{'[]' if f.list else ''}{'?' if f.optional else ''} @id"
    return text + (f" @default({print_expression(value)})" if value is not None else "")


def _problem(f: Field, options: Options) -> Optional[str]:
    wrong_name = bool(options.field) and f.name != options.field
    wrong_type = f.type != options.type or f.list or f.optional
    wrong_default = bool(options.generators) and not _generated(f, options.generators)
    if not (wrong_name or wrong_type or wrong_default):
        return None
    return f"Primary key `{_actual(f)}` is not `{_expected(options, f.name)}`."


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    for model in schema.models:
        key = model.primary_key
        if key is None:
            yield ctx.diagnostic(model.name_span, f"Model `{model.name}` has no primary key.",
                                 fix_hint=f"Add `{_expected(options)}`.")
            continue
        if key.field is not None:
            f: Optional[Field] = key.field
        elif len(key.fields) == 1:
            f = model.field(key.fields[0])
        else:
            if not options.allow_compound:
                columns = ", ".join(f"`{c}`" for c in key.fields)
                yield ctx.diagnostic(key.attribute.name_span,
                                     f"Model `{model.name}` has a compound primary key ({columns}).",
                                     fix_hint=f"Add `{_expected(options)}` and make the compound key a "
                                     f"`@@unique([{', '.join(key.fields)}])`.")
            continue
        if f is None:
            continue
        message = _problem(f, options)
        if message is not None:
            yield ctx.diagnostic(f.name_span, message, fix_hint=f"Declare it as `{_expected(options, f.name)}`.")
