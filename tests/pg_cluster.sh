# A throwaway PostgreSQL cluster on 127.0.0.1 (a free port, a temp folder), stopped and removed when
# the sourcing script exits. Sourced by tests/postgres.sh (the suite) and tests/bench_postgres.sh
# (the benchmarks); PostgreSQL is installed from the system's packages when missing.
# Sets: DESK_TEST_DATABASE_URL (the superuser "desk", trusted), DESK_TEST_PG_BIN (initdb, pg_dump...).
# Other roles sign in with a password (scram-sha-256): a test can prove a wrong one is refused.
# Needs: PY (the venv's python), run from the repository's root.

pg_bindir() {
    if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}
BIN=$(pg_bindir || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    echo "PostgreSQL is not installed: installing it from the system's packages" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql
    BIN=$(pg_bindir)
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the "postgres" user.
AS=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    AS=(runuser -u postgres --)
fi
DIR=$(mktemp -d /tmp/desk-pg.XXXXXX)
chmod 755 "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

pg_cluster_stop() {
    "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap pg_cluster_stop EXIT

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U desk -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
"${AS[@]}" sh -c "cat > '$DIR/data/pg_hba.conf'" <<HBA
local all all trust
host all desk 127.0.0.1/32 trust
host all desk ::1/128 trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
HBA
# A throwaway cluster: durability off for speed; enough connections for two-process tests.
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }

export DESK_TEST_DATABASE_URL="postgresql+psycopg://desk@127.0.0.1:$PORT/postgres"
export DESK_TEST_PG_BIN="$BIN"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $NF}') on 127.0.0.1:$PORT" >&2
