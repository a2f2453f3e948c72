#!/bin/sh
# Starts a throwaway PostgreSQL for tests/CI (trust auth, port 5433, data under /tmp) and prints its URL.
# Installs Debian's postgresql when pg_ctl is missing (needs root + apt). Stop it with scripts/pg-stop.sh.
set -eu
PGPORT="${PGPORT:-5433}"; PGDATA="${PGDATA:-/tmp/detectory-pgdata}"; PGDB="${PGDB:-detectory}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
# PostgreSQL refuses to run as root: run the server as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  as_pg "$PGBIN/initdb -D '$PGDATA' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl -D '$PGDATA' status" >/dev/null 2>&1; then
  # socket dir = data dir, because /var/run/postgresql may not exist on a fresh machine
  as_pg "$PGBIN/pg_ctl -D '$PGDATA' -l '$PGDATA/server.log' -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k '$PGDATA' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
fi
as_pg "$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='$PGDB'\" | grep -q 1 \
  || $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -qc 'CREATE DATABASE $PGDB'"
echo "postgresql://postgres@127.0.0.1:$PGPORT/$PGDB"
