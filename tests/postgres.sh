#!/usr/bin/env bash
# The test suite on PostgreSQL: a throwaway cluster on 127.0.0.1 (tests/pg_cluster.sh: a free port, a
# temp folder, stopped and removed on exit), the suite run against it (each test database a fresh
# database on that server). PostgreSQL is installed from the system's packages when missing.
#   tests/postgres.sh [pytest arguments]     (make test-postgres ARGS=...)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
source tests/pg_cluster.sh
QT_QPA_PLATFORM=offscreen "$PY" -m pytest "$@"
