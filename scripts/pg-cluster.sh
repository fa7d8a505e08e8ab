#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster on loopback for the store tests (STACK.md, Services).
#   scripts/pg-cluster.sh start DIR   → prints the admin URL to use as SP_TEST_DATABASE_URL
#   scripts/pg-cluster.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data folder}
port=${SP_PG_PORT:-55432}
# Debian's server binaries, newest installed version (STACK.md pins 15; a later one works the same).
bin=${SP_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bin/initdb" ] || { echo "no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 3; }
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_postgres "$bin/initdb -D '$dir' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    fi
    as_postgres "$bin/pg_ctl -D '$dir' -l '$dir/server.log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" -w start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_postgres "$bin/pg_ctl -D '$dir' -m fast -w stop" >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
