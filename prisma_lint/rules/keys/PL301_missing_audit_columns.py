"""Model lacks the required audit columns `createdAt` and `updatedAt`.

## What it does
Checks that every model has the strategy's audit columns, with the right type and attributes:

```prisma
createdAt DateTime @default(now())
updatedAt DateTime @updatedAt
```

A missing column is reported at the model's name (one diagnostic naming every missing column); a
column that exists but is optional, a list, of another type, or lacks its attribute is reported at
the field. Other attributes (`@db.Timestamptz(6)`, `@map`) are allowed. Views and composite types are
not checked: they have no rows of their own to audit.

## Why is this bad?
Support, incident analysis and incremental data exports rely on knowing when each row was created and
last changed; a table without them cannot be synced by "changed since" queries and its history cannot
be reconstructed. Without `@default(now())` or `@updatedAt` the columns exist but every writer must
remember to set them, and the ones that forget leave nulls or stale values.

## Example
```prisma
model LoginAttempt {
  id          String   @id @default(uuid())
  attemptedAt DateTime @default(now())
}
```

Use instead:
```prisma
model LoginAttempt {
  id        String   @id @default(uuid())
  createdAt DateTime @default(now()) @map("attemptedAt")
  updatedAt DateTime @updatedAt
}
```

## Fix
A missing column is added after the last field (`createdAt DateTime @default(now())`, `updatedAt DateTime
@default(now()) @updatedAt`: the default lets the migration fill rows that already exist): safe. Where a
near-miss (`created_at`) or another creation timestamp (`attemptedAt`) is there, the fix renames it and
keeps its column with `@map`, which changes the client's API: unsafe. A column that lacks only its
`@default(now())` or `@updatedAt` gets it (safe); a wrong type is left to you.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Iterator, Optional

from prisma_lint.ast.nodes import Field, FunctionCall, Model, Schema
from prisma_lint.ast.printer import print_attribute, print_expression
from prisma_lint.diagnostics import Diagnostic, Edit
from prisma_lint.fixes.builders import add_member, append_attribute, field_line, rename_field, source_text
from prisma_lint.rules.base import RuleContext, RuleOptions, option
from prisma_lint.rules.shared.facts import block_facts, schema_facts

CODE = "PL301"
NAME = "missing-audit-columns"
CATEGORY = "keys"
SEVERITY = "error"


@dataclass(frozen=True)
class Options(RuleOptions):
    created_at: str = option(
        "createdAt",
        description=(
            'name of the creation timestamp field; `""` turns its check off.'))
    updated_at: str = option(
        "updatedAt",
        description=(
            'name of the last-update timestamp field; `""` turns its check off.'))
    type: str = option("DateTime", description="the type both fields must have (required, not a list).")
    created_at_default: list[str] = option(
        ["now()"],
        description=(
            "the `@default(...)` values accepted on the creation timestamp, as written (e.g. "
            '`\'dbgenerated("now()")\'`); `[]` accepts any default, or none.'))
    updated_at_attribute: bool = option(True, description="the last-update timestamp must carry `@updatedAt`.")
    ignore_models: list[str] = option([], description="glob patterns of model names that need no audit columns.")


def _squash(text: str) -> str:
    return "".join(text.split())


def _type_text(f: Field) -> str:
    return f"{f.type}{'[]' if f.list else ''}{'?' if f.optional else ''}"


def _expected_created(options: Options) -> str:
    default = f" @default({options.created_at_default[0]})" if options.created_at_default else ""
    return f"{options.type}{default}"


def _expected_updated(options: Options) -> str:
    return f"{options.type}{' @updatedAt' if options.updated_at_attribute else ''}"


def _created_problem(f: Field, options: Options) -> Optional[str]:
    default = f.attribute("default")
    value = default.arg("value", 0) if default is not None else None
    accepted = {_squash(d) for d in options.created_at_default}
    wrong_type = f.type != options.type or f.optional or f.list
    wrong_default = bool(accepted) and (value is None or _squash(print_expression(value)) not in accepted)
    if not (wrong_type or wrong_default):
        return None
    actual = _type_text(f) + (f" {print_attribute(default)}" if default is not None else "")
    return f"Audit column `{f.name}` is `{actual}`, not `{_expected_created(options)}`."


def _updated_problem(f: Field, options: Options) -> Optional[str]:
    wrong_type = f.type != options.type or f.optional or f.list
    wrong_attribute = options.updated_at_attribute and not f.has_attribute("updatedAt")
    if not (wrong_type or wrong_attribute):
        return None
    actual = _type_text(f) + (" @updatedAt" if f.has_attribute("updatedAt") else "")
    return f"Audit column `{f.name}` is `{actual}`, not `{_expected_updated(options)}`."


def _near_miss(model: Model, name: str) -> Optional[Field]:
    wanted = name.replace("_", "").lower()
    for f in model.fields:
        if f.name != name and f.name.replace("_", "").lower() == wanted:
            return f
    return None


def _creation_stand_in(model: Model, options: Options) -> Optional[Field]:
    """Another timestamp that is set on insert (`attemptedAt DateTime @default(now())`)."""
    for f in model.fields:
        default = f.attribute("default")
        value = default.arg("value", 0) if default is not None else None
        if f.type == options.type and isinstance(value, FunctionCall) and value.name == "now":
            return f
    return None


def _field_fix(f: Field, options: Options, created: bool) -> list[Edit]:
    """Add the missing attribute to a column of the right type (a wrong type or default is left to a person)."""
    if f.type != options.type or f.optional or f.list:
        return []
    if created and options.created_at_default and not f.has_attribute("default"):
        return [append_attribute(f, f"@default({options.created_at_default[0]})")]
    if not created and options.updated_at_attribute and not f.has_attribute("updatedAt"):
        return [append_attribute(f, "@updatedAt")]
    return []


def _new_column(options: Options, created: bool) -> str:
    """The attributes of an added column. `updatedAt` gets `@default(now())` too, so the migration can
    add it to a table that already has rows."""
    if created:
        return f"@default({options.created_at_default[0]})" if options.created_at_default else ""
    default = "@default(now())" if options.type == "DateTime" else ""
    return " ".join(a for a in (default, "@updatedAt" if options.updated_at_attribute else "") if a)


def check(schema: Schema, ctx: RuleContext[Options]) -> Iterator[Diagnostic]:
    options = ctx.options
    audit_columns = ((options.created_at, _created_problem, _expected_created(options)),
                     (options.updated_at, _updated_problem, _expected_updated(options)))
    for model in schema.models:
        if any(fnmatch.fnmatchcase(model.name, p) for p in options.ignore_models):
            continue
        missing: list[str] = []
        hints: list[str] = []
        edits: Optional[list[Edit]] = []  # None: no fix (a reference in another file)
        unsafe = False
        text = source_text(ctx, model.span)
        fields = block_facts(model).fields
        for name, problem, expected in audit_columns:
            if not name:
                continue
            f = fields.get(name)
            if f is not None:
                message = problem(f, options)
                if message is not None:
                    yield ctx.diagnostic(f.name_span, message, fix_hint=f"Declare it as `{f.name} {expected}`.",
                                         edits=_field_fix(f, options, name == options.created_at))
                continue
            missing.append(name)
            near = _near_miss(model, name)
            stand_in = _creation_stand_in(model, options) if name == options.created_at else None
            if near is not None:
                hints.append(f"rename `{near.name}` to `{name}` (keep its column with `@map(\"{near.name}\")`)")
            elif stand_in is not None:
                hints.append(f"rename `{stand_in.name}` to `{name}` (keep its column with "
                             f"`@map(\"{stand_in.name}\")`)")
            else:
                hints.append(f"add `{name} {expected}`")
            renamed = near or stand_in
            if text is None or edits is None:
                continue
            if renamed is not None:  # a rename changes the client's API: unsafe
                unsafe = True
                renames = rename_field(schema, model, renamed, name)
                if renames is None:
                    edits = None
                    continue
                edits.extend(renames)
                if not renamed.has_attribute("map"):
                    edits.append(append_attribute(renamed, f'@map("{renamed.name}")'))
            else:
                # After the last column (not a relation field, which `prisma format` aligns apart), and
                # aligned like it.
                models = schema_facts(schema).model_names
                columns = [c for c in model.fields if c.relation is None and c.type not in models]
                anchor = columns[-1] if columns else None
                line = field_line(model, name, options.type, _new_column(options, name == options.created_at), anchor)
                edits.append(add_member(text, model, line, anchor))
        if missing:
            names = " and ".join(f"`{m}`" for m in missing)
            plural = "columns" if len(missing) > 1 else "column"
            hint = "; ".join(hints)
            yield ctx.diagnostic(model.name_span, f"Model `{model.name}` has no {names} audit {plural}.",
                                 fix_hint=hint[0].upper() + hint[1:] + ".",
                                 edits=edits or (), unsafe_fix=unsafe)
