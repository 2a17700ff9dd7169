"""Attribute is not one Prisma knows.

## What it does
Checks the name of every attribute:

* field attributes of models, views and composite types: `@id`, `@default`, `@unique`, `@relation`,
  `@map`, `@updatedAt`, `@ignore`, `@shardKey`, and native-type attributes namespaced by the datasource
  (`@db.VarChar(255)`, or `@<datasource name>.X`);
* block attributes: `@@id`, `@@unique`, `@@index`, `@@map`, `@@ignore`, `@@schema`, `@@fulltext`,
  `@@shardKey`;
* enums: `@map` on values, `@@map` and `@@schema` on the enum.

Names are case-sensitive (`@updatedat` is unknown). A namespaced attribute whose namespace is neither
`db` nor the name of a datasource of the schema is reported as a warning (the datasource may live in a
file that was not linted with this one).

## Why is this bad?
Prisma rejects the schema ("Attribute not known: \"@updatedat\"."), so the service cannot build or
deploy. A misspelt `@updatedAt` or `@@index` would otherwise be noticed only when the deployment fails.

## Example
```prisma
model Patient {
  id        String   @id @default(uuid())
  updatedAt DateTime @updatedat

  @@indexes([updatedAt])
}
```

Use instead:
```prisma
model Patient {
  id        String   @id @default(uuid())
  updatedAt DateTime @updatedAt

  @@index([updatedAt])
}
```

"""

from __future__ import annotations

import difflib
from typing import Iterable, Iterator, Optional

from prisma_lint.ast.nodes import Attribute, Schema
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.shared.facts import block_facts

CODE = "PL006"
NAME = "unknown-attribute"
CATEGORY = "schema"
SEVERITY = "error"

FIELD_ATTRIBUTES = ("id", "default", "unique", "relation", "map", "updatedAt", "ignore", "shardKey")
BLOCK_ATTRIBUTES = ("id", "unique", "index", "map", "ignore", "schema", "fulltext", "shardKey")
ENUM_VALUE_ATTRIBUTES = ("map",)
ENUM_ATTRIBUTES = ("map", "schema")


def _hint(name: str, known: Iterable[str], marker: str) -> Optional[str]:
    known = list(known)
    lower = [k for k in known if k.lower() == name.lower()]
    close = lower or difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"Did you mean `{marker}{close[0]}`?"
    return "Known attributes here: " + ", ".join(f"`{marker}{k}`" for k in known) + "."


def _check(attribute: Attribute, known: tuple[str, ...], namespaces: set[str], where: str,
           ctx: RuleContext, native: bool = False) -> Iterator[Diagnostic]:
    marker = "@@" if attribute.block else "@"
    name = attribute.name
    if "." in name:
        if not native:
            yield ctx.diagnostic(attribute.name_span, f"Unknown attribute `{marker}{name}` on {where}.",
                                 fix_hint="Native-type attributes (`@db.X`) belong on model fields.")
            return
        namespace = name.split(".", 1)[0]
        if namespace in namespaces:
            return
        severity = Severity.WARNING if ctx.severity == Severity.ERROR else ctx.severity
        yield ctx.diagnostic(attribute.name_span,
                             f"Attribute `{marker}{name}` on {where} uses the namespace `{namespace}`, which "
                             "is not a datasource of this schema.",
                             fix_hint="Native-type attributes are written `@db.X` (or `@<datasource name>.X`).",
                             severity=severity)
        return
    if name not in known:
        yield ctx.diagnostic(attribute.name_span, f"Unknown attribute `{marker}{name}` on {where}.",
                             fix_hint=_hint(name, known, marker))


def check(schema: Schema, ctx: RuleContext) -> Iterator[Diagnostic]:
    namespaces = {"db"} | {d.name for d in schema.datasources}
    accepted: set[str] = set(FIELD_ATTRIBUTES)  # field attribute names known to pass, grown as they are seen
    for block in schema.field_blocks():
        kind = "composite type" if block.kind == "type" else block.kind
        names = block_facts(block).attribute_names
        if not names <= accepted:
            accepted.update(name for name in names if "." in name and name.split(".", 1)[0] in namespaces)
        if not names <= accepted:  # only a block with an attribute to report is read field by field
            for f in block.fields:
                for attribute in f.attributes:
                    yield from _check(attribute, FIELD_ATTRIBUTES, namespaces, f"field `{block.name}.{f.name}`",
                                      ctx, native=True)
        for attribute in block.attributes:
            yield from _check(attribute, BLOCK_ATTRIBUTES, namespaces, f"{kind} `{block.name}`", ctx)
    for enum in schema.enums:
        for value in enum.values:
            for attribute in value.attributes:
                yield from _check(attribute, ENUM_VALUE_ATTRIBUTES, namespaces,
                                  f"enum value `{enum.name}.{value.name}`", ctx)
        for attribute in enum.attributes:
            yield from _check(attribute, ENUM_ATTRIBUTES, namespaces, f"enum `{enum.name}`", ctx)
