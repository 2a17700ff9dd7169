#!/usr/bin/env bash
# The whole test suite. Tests that need node and npm (Prisma's own parser as a conformance oracle, the
# npm prisma-lint for parity) install those packages into .cache/ on first use, and skip with a reason
# where node or npm is missing. Extra arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
exec .venv/bin/python -m pytest "$@"
