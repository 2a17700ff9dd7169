# Shared set-up for the scripts: a virtual environment in .venv with prisma-lint installed (editable,
# with its test extras). Safe to run again: it only installs what is missing or changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
STAMP=.venv/.prisma-lint-installed
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
  touch "$STAMP"
fi
# Byte-compile the package (an editable install does not, and with PYTHONDONTWRITEBYTECODE set Python
# would compile every module from source on every run: 40 ms of a 0.2 s lint).
.venv/bin/python -m compileall -q prisma_lint
