# Start a throwaway PostgreSQL cluster on 127.0.0.1 and export AMITY_TEST_PG_URL.
# Sourced by .ci/run; usable by hand: `. .ci/postgres.sh && start_postgres`.
start_postgres() {
  local bindir port datadir owner
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$bindir" ]; then
    echo "postgres not installed; PostgreSQL tests will be skipped" >&2
    return 0
  fi
  port=${AMITY_PG_PORT:-55432}
  datadir=${AMITY_PG_DIR:-/tmp/amity-pg-$port}
  owner=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then owner=postgres; fi
  if ! pg_isready -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
    rm -rf "$datadir"; mkdir -p "$datadir"; chown "$owner" "$datadir"
    run_as() { if [ "$(id -u)" -eq 0 ]; then su "$owner" -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
    run_as "$bindir/initdb -D $datadir -U amity --auth=trust -E UTF8 >/dev/null"
    run_as "$bindir/pg_ctl -D $datadir -o '-h 127.0.0.1 -p $port -k /tmp' -l $datadir/log -w start >/dev/null"
  fi
  export AMITY_TEST_PG_URL="postgresql://amity@127.0.0.1:$port/postgres"
  echo "PostgreSQL on $AMITY_TEST_PG_URL"
}
