#!/usr/bin/env bash
# The PostgreSQL benchmarks on a throwaway cluster (tests/pg_cluster.sh, as tests/postgres.sh uses):
#   tests/bench_postgres.sh [benchmark arguments]     (make bench-postgres; default: --reuse postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
source tests/pg_cluster.sh
[ $# -eq 0 ] && set -- --reuse postgres
QT_QPA_PLATFORM=offscreen "$PY" -m tests.benchmarks "$@"
