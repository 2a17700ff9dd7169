"""What several platform rules share: how a column's type is written, and which service is the
reference when services disagree (the one deployed first)."""

from __future__ import annotations

from prisma_lint.ast.nodes import Field
from prisma_lint.ast.printer import print_attribute
from prisma_lint.project import Project, Service


def column_type(f: Field) -> str:
    """A field's type as it decides the column: type, list, and native type (`String[] @db.Uuid`).
    Optionality is left out: a reference may be optional where the id it holds is not."""
    native = " ".join(print_attribute(a) for a in f.attributes if a.name.startswith("db."))
    return f"{f.type}{'[]' * f.list}{' ' + native if native else ''}"


def deploy_rank(project: Project) -> dict[str, int]:
    """Each service's position in the computed deployment order (the reference when services differ
    is the one deployed first)."""
    return {name: index for index, name in enumerate(project.graph.deployment_order())}


def by_deployment(project: Project, services: list[Service]) -> list[Service]:
    rank = deploy_rank(project)
    return sorted(services, key=lambda s: (rank.get(s.name, len(rank)), s.name))


def names(services) -> str:
    """`a`, `a and b`, `a, b and c`."""
    items = sorted(services)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
