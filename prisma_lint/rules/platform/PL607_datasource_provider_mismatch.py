"""Service's datasource provider differs from the other services'.

## What it does
Compares the `provider` of every service's `datasource`. The provider most services use is the
reference (a tie goes to the service deployed first); each service with another provider is reported at
its `provider` line.

## Why is this bad?
The migration strategy is PostgreSQL everywhere: shared conventions (UUID keys, native types such as
`@db.Uuid`, the rollback scripts, the deploy scripts) assume it. A service on another database drifts
from all of them at once. Turn the rule off for a platform that mixes databases on purpose.

## Example
```prisma
// service: api
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
// service: billing
datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}
// service: claims
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
```

Use instead:
```prisma
// service: api
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
// service: billing
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
// service: claims
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
```
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from prisma_lint.diagnostics import Diagnostic
from prisma_lint.project import Project
from prisma_lint.rules.base import RuleContext
from prisma_lint.rules.platform._support import by_deployment, names

CODE = "PL607"
NAME = "datasource-provider-mismatch"
CATEGORY = "platform"
SEVERITY = "error"
SCOPE = "project"


def check(project: Project, ctx: RuleContext) -> Iterator[Diagnostic]:
    services = [s for s in by_deployment(project, project.services) if s.parsed and s.provider is not None]
    counts = Counter(s.provider for s in services)
    if len(counts) < 2:
        return
    first_seen = {s.provider: i for i, s in reversed(list(enumerate(services)))}
    reference = max(counts, key=lambda p: (counts[p], -first_seen[p]))
    users = [s.name for s in services if s.provider == reference]
    for service in services:
        if service.provider != reference and service.provider_span is not None:
            yield ctx.diagnostic(service.provider_span,
                                 f"Datasource provider `{service.provider}` differs from the other services' "
                                 f"`{reference}` ({names(users)}).")
