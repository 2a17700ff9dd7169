"""The `[tool.prisma-lint.project]` table (or `[project]` in `prisma-lint.toml`), validated by pydantic
(`prisma_lint.validation`) when a config file sets it.

```toml
[tool.prisma-lint.project]
services = { api = "services/api", auth = "services/auth-service" }   # name -> root folder
references = { patientId = "api.Patient", ownerId = "api.User.id" }   # field -> service.Model[.field]
deployment-order = ["auth", "api", "telehealth-service"]
service-local-enums = ["GoalStatus"]                                  # enums each service defines its own way
check-providers = true                                                # every service uses one provider
```

Every key is optional. Roots are relative to the folder of the file that holds the table. A shape
mistake here is a `ConfigError` naming the file and the key (`project.references.patientId`); what can
only be checked against the schemas (a reference to a service or model that does not exist, an unknown
service in `deployment-order`) is checked when the project is built (`prisma_lint.project.build`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Optional

from prisma_lint.validation import Check

__all__ = ["ProjectSettings", "Reference"]

_REFERENCE = re.compile(r"^(?:(?P<service>[^.\s]+)\.)?(?P<model>[A-Za-z_][A-Za-z0-9_]*)(?:\.(?P<field>[A-Za-z_][A-Za-z0-9_]*))?$")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


@dataclass(frozen=True)
class Reference:
    """One `references` entry, read: `"api.Patient"` -> service `api`, model `Patient`, field `id`."""

    service: Optional[str]  # None: "the one service that owns the model"
    model: str
    field: Optional[str]  # None: the model's primary key

    @classmethod
    def parse(cls, text: str) -> "Reference":
        match = _REFERENCE.match(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not `service.Model` (or `service.Model.field`, or `Model`)")
        service, model, field = match.group("service", "model", "field")
        # "api.Patient.id" is unambiguous; "Patient.id" would read as service Patient: keep the
        # two-part form as service.Model, as the issue writes it.
        return cls(service=service, model=model, field=field)

    def __str__(self) -> str:
        return ".".join(p for p in (self.service, self.model, self.field) if p)


def _references(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    read = {}
    for key, text in value.items():
        if not isinstance(text, str):
            raise ValueError(f"{key}: expected a string like \"api.Patient\", not {text!r}")
        try:
            read[key] = Reference.parse(text)
        except ValueError as error:
            raise ValueError(f"{key}: {error}") from None
    return read


def _roots(value: dict[str, str]) -> dict[str, str]:
    for name, root in value.items():
        if not name.strip() or not root.strip():
            raise ValueError(f"{name!r}: a service needs a name and a root folder")
    return value


def _no_repeats(value: Optional[list[str]]) -> Optional[list[str]]:
    if value is not None:
        seen = set()
        for name in value:
            if name in seen:
                raise ValueError(f"{name!r} is listed twice")
            seen.add(name)
    return value


@dataclass(frozen=True)
class ProjectSettings:
    __pydantic_config__ = {"extra": "forbid", "alias_generator": _kebab, "populate_by_name": True}

    services: Annotated[dict[str, str], Check(_roots)] = field(default_factory=dict)
    references: Annotated[dict[str, Reference], Check(_references, mode="before")] = field(default_factory=dict)
    deployment_order: Annotated[Optional[list[str]], Check(_no_repeats)] = None
    service_local_enums: list[str] = field(default_factory=list)
    check_providers: bool = True
