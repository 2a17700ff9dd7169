"""Rule documentation: every page is generated from its rule module, never edited by hand.

A page is the module's docstring, with its `## Options` section generated from the rule's `Options`
dataclass (each field's type, default and `option(default, description=...)`, the class docstring as
an introduction), so what the docs say an option does and what the code accepts cannot disagree.

`python -m prisma_lint.rules.docs` rewrites `prisma_lint/rules/manifest.py` (the rules' metadata, read
before any rule module is imported), `docs/rules/<name>.md` and `docs/rules/index.md`;
`tests/test_rule_docs.py` fails when a page is out of date, when a docstring lacks one of the headings,
when its Example does not trigger the rule, or when its "Use instead" is not clean.
"""

from __future__ import annotations

import json
import re
import sys
import typing
from pathlib import Path
from typing import Any, Optional

from prisma_lint.rules.base import Rule, RuleOptions
from prisma_lint.rules.options import option_fields
from prisma_lint.rules.registry import default_registry

__all__ = ["HEADINGS", "sections", "examples", "options_section", "render_page", "render_index", "write_docs"]

# The headings of a page, in order; the docstring has all but `Options`, which is generated.
HEADINGS = ("What it does", "Why is this bad?", "Example", "Options")
_FENCE = re.compile(r"```prisma\n(.*?)```", re.DOTALL)


def sections(rule: Rule) -> dict[str, str]:
    """The docstring's `## ` sections by heading, in order."""
    found: dict[str, str] = {}
    current: Optional[str] = None
    lines: list[str] = []
    for line in rule.doc.splitlines()[1:]:
        if line.startswith("## "):
            if current is not None:
                found[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        found[current] = "\n".join(lines).strip()
    return found


def examples(rule: Rule) -> tuple[Optional[str], Optional[str]]:
    """(the Example schema, the "Use instead" schema) of a rule's docs."""
    example = sections(rule).get("Example", "")
    before, _sep, after = example.partition("Use instead:")
    bad = _FENCE.search(before)
    good = _FENCE.search(after)
    return (bad.group(1) if bad else None), (good.group(1) if good else None)


def _type_text(annotation: Any) -> str:
    """How an option's type reads in the docs: `list of strings`, `"a"` or `"b"`, `table of strings`."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_text(args[0])
    if origin is typing.Literal:
        choices = [f"`{json.dumps(a)}`" for a in args]
        return " or ".join(choices) if len(choices) < 3 else ", ".join(choices[:-1]) + " or " + choices[-1]
    if origin is typing.Union:
        kinds = [_type_text(a) for a in args if a is not type(None)]
        return " or ".join(kinds)
    if origin is list:
        inner = _type_text(args[0]) if args else "value"
        plural = {"string": "strings", "integer": "integers", "boolean": "booleans", "table": "tables"}
        return "list of " + (" or ".join(plural.get(part, part) for part in inner.split(" or "))
                             if not inner.startswith("list") else inner.replace("list of", "lists of", 1))
    if origin is dict:
        return "table of " + ("strings" if args and args[-1] is str else "values")
    if isinstance(annotation, type) and issubclass(annotation, RuleOptions):
        return "table"
    return {str: "string", bool: "boolean", int: "integer", float: "number"}.get(annotation, str(annotation))


def _toml(value: Any) -> str:
    """A value as it is written in a TOML config (inline tables for objects)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value)


def options_section(rule: Rule) -> str:
    """The `## Options` section of a rule's page, from its options model."""
    model = rule.options
    intro = (model.written_doc or "").strip()
    intro = "\n".join(line.strip() for line in intro.splitlines())
    example = {key.replace("_", "-"): value for key, value in rule.default_options.items()}
    lines = []
    for spec in option_fields(model):
        key = spec.name.replace("_", "-")
        details = f"{_type_text(spec.annotation)}, default `{_toml(spec.default)}`"
        if key in example:
            details += f"; the documentation example uses `{_toml(example[key])}`"
        description = f": {spec.description}" if spec.description else "."
        lines.append(f"- `{key}` ({details}){description}")
    if not lines:
        return intro or "None."
    return "\n".join(lines) + (f"\n\n{intro}" if intro else "")


def render_page(rule: Rule) -> str:
    parts = [f"# {rule.name} ({rule.code})", ""]
    aliases = f" · also known as {', '.join(f'`{a}`' for a in rule.aliases)}" if rule.aliases else ""
    parts += [f"*{rule.summary}*", "",
              f"Category: `{rule.category}` · default severity: `{rule.severity.value}`"
              f" · scope: {rule.scope}{aliases}", ""]
    written = sections(rule)
    body = {heading: written[heading] for heading in HEADINGS if heading in written}
    body["Options"] = options_section(rule)
    body.update((heading, text) for heading, text in written.items() if heading not in HEADINGS)
    for heading, text in body.items():
        parts += [f"## {heading}", "", text, ""]
    parts.append("<!-- generated by `python -m prisma_lint.rules.docs` from the rule's module; do not edit -->")
    return "\n".join(parts) + "\n"


def render_index(rules: list[Rule]) -> str:
    from tabulate import tabulate

    rows = [(r.code, f"[{r.name}]({r.name}.md)", r.category, r.severity.value, r.summary) for r in rules]
    table = tabulate(rows, headers=["Code", "Rule", "Category", "Severity", "What it reports"], tablefmt="github")
    return ("# Rules\n\nEvery rule prisma-lint has, by code. Select them by code, name, category or code prefix "
            "(see [configuration](../configuration.md)).\n\n" + table +
            "\n\n<!-- generated by `python -m prisma_lint.rules.docs`; do not edit -->\n")


def write_docs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rules = list(default_registry())
    written = []
    for rule in rules:
        path = folder / f"{rule.name}.md"
        path.write_text(render_page(rule), encoding="utf-8")
        written.append(path)
    index = folder / "index.md"
    index.write_text(render_index(rules), encoding="utf-8")
    written.append(index)
    return written


def write_manifest() -> Path:
    from prisma_lint.rules.registry import render_manifest

    path = Path(__file__).with_name("manifest.py")
    path.write_text(render_manifest(), encoding="utf-8")
    return path


if __name__ == "__main__":
    # The manifest first: the docs are generated from the registry, which reads it.
    print(write_manifest())
    default_registry.cache_clear()
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "docs" / "rules"
    for written_path in write_docs(target):
        print(written_path)
