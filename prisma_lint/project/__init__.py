"""What the project is: the services of a run, their schemas, migrations and settings.

This package is the one place that decides which schemas a run lints, which service each belongs to,
and where a service's migrations are; rules, reporters and tools ask it instead of guessing from paths.

```python
from prisma_lint.project import Project, Service

project.services                  # [Service], in name order
project.service("api")            # by name, or None
project.service_of(path)          # the service a schema file, migration or other file belongs to
project.units                     # every parsed schema (SchemaUnit), in service order
project.settings                  # ProjectSettings: services, references, deployment_order, ...
project.graph                     # the service dependency graph (prisma_lint.project.graph)

service.name, service.root        # "api", Path("services/api")
service.schema_files              # [Path], known before parsing
service.units, service.parsed     # parsed schemas; False when its schema has a syntax error
service.models, service.enums, service.model(name), service.enum(name)
service.provider                  # the datasource provider, e.g. "postgresql"
service.prisma_dir                # Path("services/api/prisma")
service.migrations_dir            # Path("services/api/prisma/migrations") or None
service.migrations()              # the migration folders, in deploy order
service.lock_file                 # migrations/migration_lock.toml, or None
```

`discover(paths)` finds schemas, `build_project(groups, settings, source)` makes a project of them
(files unread); the linter parses them into `service.units` and calls `check_settings(project)`.
"""

from prisma_lint.project.build import build_project, check_settings
from prisma_lint.project.discovery import InputError, default_targets, discover, locate_service
from prisma_lint.project.model import Project, SchemaUnit, Service
from prisma_lint.project.settings import ProjectSettings, Reference

__all__ = ["Project", "Service", "SchemaUnit", "ProjectSettings", "Reference", "InputError", "discover",
           "default_targets", "locate_service", "build_project", "check_settings"]
