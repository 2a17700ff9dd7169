"""A rule failed while checking this schema.

## What it does
Reports a rule that raised an exception instead of returning its findings, with the rule's name, the
error and where in the rule it happened. The other rules still run, so one broken rule (a plugin, or
a bug here) cannot hide the findings of the rest; the run exits with code 2. An internal error
cannot be suppressed or switched off.

## Why is this bad?
The failed rule checked nothing, so the schema may break its convention unnoticed. It is a bug in the
rule, not in the schema: please report it with the schema that triggers it.

## Example
No schema triggers it on purpose: every built-in rule is run against generated and mutated schemas
(`tests/test_rules_never_crash.py`) so that none does.

"""

from __future__ import annotations

CODE = "PL000"
NAME = "internal-error"
CATEGORY = "schema"
SEVERITY = "error"


def check(schema, ctx):
    # The engine reports this rule when another rule raises; it never reports anything itself.
    return ()
