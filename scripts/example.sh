#!/usr/bin/env bash
# The main job: lint the bundled example platform (eight services) and print the Markdown report.
# Usage: bash scripts/example.sh [extra prisma-lint options]
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
set +e
.venv/bin/prisma-lint --format markdown "$@" fixtures/platform/services
status=$?
set -e
case $status in
  0) echo "prisma-lint: clean (exit code 0)" >&2 ;;
  1) echo "prisma-lint: findings (exit code 1); the example platform's deliberate drift is listed in fixtures/platform/DRIFT.md" >&2 ;;
  *) echo "prisma-lint: error (exit code $status)" >&2 ;;
esac
exit $status
