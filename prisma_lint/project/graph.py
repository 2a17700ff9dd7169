"""The service dependency graph: `A -> B` when a field of service A holds the id of a model B owns.

Edges come from the project's `references` setting (`patientId = "api.Patient"`) and from inference: a
scalar field `<name>Id` (or `<name>_id`) that is no relation scalar of its own model, where no model of
its own service is named `<Name>` and exactly one other service owns a model `<Name>`. Each edge lists
the fields that make it (`Appointment.patientId -> Patient.id`).

The deployment order is a topological order of the graph with dependencies first, stable (ties in name
order). A graph with a cycle has no such order: the services of each cycle are then deployed together, in
name order, where the cycle as a whole would go (and the cycle is a finding of `service-dependency-cycle`).

networkx answers those questions, and is imported (about 70 ms) only for a graph that has edges: a
single schema, or services that do not refer to each other, are answered without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Optional

from prisma_lint.ast.nodes import Field, Model

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from prisma_lint.project.model import Project, Service

__all__ = ["CrossReference", "UnresolvedReference", "DependencyGraph", "reference_target_name"]

_ID_SUFFIX = re.compile(r"^(?P<base>[A-Za-z][A-Za-z0-9_]*?)(?:Id|_id)$")
_ID_ENDINGS = ("Id", "_id")  # every field name `_ID_SUFFIX` matches ends with one of these


def reference_target_name(field_name: str) -> Optional[str]:
    """The model a `<name>Id` / `<name>_id` field names: `patientId` -> `Patient`,
    `treatment_plan_id` -> `TreatmentPlan`; None for other names."""
    match = _ID_SUFFIX.match(field_name)
    if match is None:
        return None
    words = match.group("base").split("_")
    return "".join(w[:1].upper() + w[1:] for w in words if w)


@dataclass(frozen=True)
class CrossReference:
    """One field of one service that holds the id of another service's model."""

    service: "Service"
    model: Model
    field: Field
    target_service: "Service"
    target_model: Model
    target_field: Optional[Field]  # the referenced field (the model's single-field primary key), if any
    declared: bool  # from `references` (True) or inferred (False)

    @property
    def target_field_name(self) -> str:
        return self.target_field.name if self.target_field is not None else "id"

    def __str__(self) -> str:
        return f"{self.model.name}.{self.field.name} -> {self.target_model.name}.{self.target_field_name}"


@dataclass(frozen=True)
class UnresolvedReference:
    """A `references` entry written as a bare `Model` that no service, or several, own."""

    key: str
    model: str
    owners: tuple[str, ...]  # empty: unresolvable; two or more: ambiguous
    fields: tuple[tuple["Service", Model, Field], ...]  # the fields the entry was meant for


def _primary_key_field(model: Model) -> Optional[Field]:
    key = model.primary_key
    if key is not None and len(key.fields) == 1:
        return model.field(key.fields[0])
    return None


def _relation_scalars(model: Model) -> set[str]:
    return {name for f in model.fields if f.relation is not None for name in f.relation.fields}


@dataclass
class DependencyGraph:
    """Services as nodes (every service of the project, also those without edges); an edge per pair of
    services, with the `CrossReference`s that make it (`edges[a, b]`, and the `via` attribute of the
    networkx `graph`'s edge)."""

    services: list[str]
    edges: dict[tuple[str, str], list[CrossReference]] = field(default_factory=dict)
    references: list[CrossReference] = field(default_factory=list)
    unresolved: list[UnresolvedReference] = field(default_factory=list)

    @cached_property
    def graph(self) -> "nx.DiGraph":
        """The graph as a networkx `DiGraph` (built on first use)."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.services)
        for (a, b), via in self.edges.items():
            graph.add_edge(a, b, via=via)
        return graph

    # -- building -----------------------------------------------------------------------------------------

    @classmethod
    def build(cls, project: "Project") -> "DependencyGraph":
        owners: dict[str, list["Service"]] = {}
        for service in project.services:
            for model in service.models:
                owners.setdefault(model.name, []).append(service)
        declared = project.settings.references
        references: list[CrossReference] = []
        unresolved_fields: dict[str, list[tuple["Service", Model, Field]]] = {}
        # A field can hold the id of another service's model only where there is another service, or
        # where `references` names the service: one schema on its own has no edges to look for.
        searched = project.services if len(project.services) > 1 or declared else []
        for service in searched:
            for model in service.models:
                relation_scalars = None
                for f in model.fields:
                    entry = declared.get(f.name)
                    if entry is None and not f.name.endswith(_ID_ENDINGS):
                        continue  # the quick test before the pattern: most fields are no reference
                    if not f.is_scalar_type or f.list:
                        continue
                    target_name = entry.model if entry is not None else reference_target_name(f.name)
                    if target_name is None:
                        continue
                    if relation_scalars is None:
                        relation_scalars = _relation_scalars(model)
                    if f.name in relation_scalars:
                        continue  # a foreign key inside its own schema
                    if entry is not None:
                        if entry.service is not None:
                            target = project.service(entry.service)
                            if target is None or target is service or not target.parsed:
                                continue
                        else:
                            others = [o for o in owners.get(entry.model, []) if o is not service]
                            if len(others) != 1:
                                unresolved_fields.setdefault(f.name, []).append((service, model, f))
                                continue
                            target = others[0]
                    else:
                        if service.model(target_name) is not None:
                            continue  # names a model of its own service
                        others = [o for o in owners.get(target_name, []) if o is not service]
                        if len(others) != 1:
                            continue
                        target = others[0]
                    target_model = target.model(target_name)
                    if target_model is None:
                        continue
                    target_field = (target_model.field(entry.field) if entry is not None and entry.field
                                    else _primary_key_field(target_model))
                    references.append(CrossReference(service, model, f, target, target_model, target_field,
                                                     entry is not None))
        edges: dict[tuple[str, str], list[CrossReference]] = {}
        for reference in references:
            edges.setdefault((reference.service.name, reference.target_service.name), []).append(reference)
        unresolved = []
        for key, entry in declared.items():
            if entry.service is not None:
                continue
            found = tuple(sorted(o.name for o in owners.get(entry.model, [])))
            if len(found) != 1:
                unresolved.append(UnresolvedReference(key, entry.model, found,
                                                      tuple(unresolved_fields.get(key, ()))))
        return cls([s.name for s in project.services], edges, references, unresolved)

    # -- reading ------------------------------------------------------------------------------------------

    def dependencies(self) -> list[tuple[str, str, list[CrossReference]]]:
        """(from, to, via) for every edge, in name order."""
        return [(a, b, self.edges[a, b]) for a, b in sorted(self.edges)]

    def depends_on(self, service: str) -> list[str]:
        return sorted(b for a, b in self.edges if a == service)

    def cycles(self) -> list[list[str]]:
        """One cycle per strongly connected group of services, as a path that starts at its smallest
        name and ends where it began (`["a", "b", "a"]`)."""
        if not self.edges:
            return []
        import networkx as nx

        found = []
        for component in nx.strongly_connected_components(self.graph):
            if len(component) < 2:
                continue
            start = min(component)
            sub = self.graph.subgraph(component)
            # The shortest way back to the start from its smallest successor: a readable cycle.
            nxt = min(sub.successors(start))
            path = nx.shortest_path(sub, nxt, start)
            found.append([start, *path])
        return sorted(found)

    def deployment_order(self) -> list[str]:
        """Dependencies first, ties in name order; the services of a cycle go together, in name order."""
        if not self.edges:
            return sorted(self.services)
        import networkx as nx

        condensed = nx.condensation(self.graph)
        members = condensed.graph["mapping"]
        groups = {c: sorted(n for n, m in members.items() if m == c) for c in condensed.nodes}
        # Edges point from dependant to dependency: deploy in the reverse direction.
        order = nx.lexicographical_topological_sort(condensed.reverse(copy=False), key=lambda c: groups[c][0])
        return [name for component in order for name in groups[component]]
