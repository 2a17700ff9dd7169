"""Putting a project together: schema groups -> services (before parsing), then the settings checked
against what the schemas declare (after parsing).

Mistakes in the settings that only the schemas can reveal (a `references` entry naming a service or
model that does not exist, an unknown service in `deployment-order`) are `ConfigError`s naming the file
and the key, like any other configuration mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from prisma_lint.project.discovery import configured_service, locate_service
from prisma_lint.project.model import Project, Service
from prisma_lint.project.settings import ProjectSettings

__all__ = ["build_project", "check_settings", "common_root"]


def common_root(groups: list[list[Path]]) -> Optional[Path]:
    """The deepest folder holding every schema file of the run."""
    import os

    files = [str(f.resolve()) for group in groups for f in group]
    if not files:
        return None
    return Path(os.path.commonpath([os.path.dirname(f) for f in files]))


def build_project(groups: list[list[Path]], settings: Optional[ProjectSettings] = None,
                  config_source: Optional[str] = None) -> Project:
    """The services of these schema groups (as `discover` returns them). Files are not read here."""
    settings = settings or ProjectSettings()
    base = Path(config_source).resolve().parent if config_source else Path.cwd()
    roots = {name: (base / root) for name, root in settings.services.items()}
    by_name: dict[str, Service] = {}
    by_root: dict[Path, Service] = {}
    for group in groups:
        location = locate_service(group)
        mapped = configured_service(group[0], roots)
        name, root = (mapped, roots[mapped]) if mapped else (location.name, location.root)
        key = root.resolve()
        service = by_root.get(key)
        if service is None:
            if name in by_name:  # two folders with one name (e.g. a/prisma and b/a/prisma): keep both
                name = str(root)
            service = Service(name, root, [], location.prisma_dir)
            by_name[name] = service
            by_root[key] = service
        service.schema_files.extend(group)
    services = sorted(by_name.values(), key=lambda s: s.name)
    return Project(services, settings, config_source, common_root(groups))


def _error(project: Project, key: str, message: str):
    from prisma_lint.config import ConfigError

    return ConfigError(project.config_source, f"project.{key}", message)


def known_service_names(project: Project) -> set[str]:
    """Services of this run, configured services, and sibling service folders of those in the run (so a
    run over some services, e.g. a pre-commit hook's changed files, still knows the others)."""
    names = {s.name for s in project.services} | set(project.settings.services)
    for parent in {s.root.resolve().parent for s in project.services}:
        try:
            children = list(parent.iterdir())
        except OSError:
            continue
        for child in children:
            if (child / "prisma" / "schema.prisma").is_file() or (child / "prisma" / "schema").is_dir():
                names.add(child.name)
    return names


def check_settings(project: Project) -> None:
    """Raise ConfigError for settings that name what the project does not have. Services whose schema
    did not parse are not checked for models (their syntax errors are reported instead)."""
    settings = project.settings
    known = None
    if settings.deployment_order is not None:
        known = known_service_names(project)
        for index, name in enumerate(settings.deployment_order):
            if name not in known:
                raise _error(project, f"deployment-order[{index}]",
                             f"{name!r} is not a service of this project (services: {', '.join(sorted(known))})")
    for field_name, reference in settings.references.items():
        if reference.service is None:
            continue  # `Model` alone: resolved (or reported as ambiguous) by the dependency graph
        service = project.service(reference.service)
        if service is None:
            known = known if known is not None else known_service_names(project)
            if reference.service in known:
                continue  # a service outside this run: nothing to check it against
            raise _error(project, f"references.{field_name}",
                         f"{reference.service!r} is not a service of this project "
                         f"(services: {', '.join(sorted(known))})")
        if not service.parsed:
            continue
        model = service.model(reference.model)
        if model is None:
            raise _error(project, f"references.{field_name}",
                         f"service {service.name!r} has no model {reference.model!r}")
        if reference.field is not None and model.field(reference.field) is None:
            raise _error(project, f"references.{field_name}",
                         f"model {service.name}.{reference.model} has no field {reference.field!r}")
