#!/bin/sh
# Stops the PostgreSQL started by scripts/pg-start.sh (same PGDATA).
set -eu
PGDATA="${PGDATA:-/tmp/detectory-pgdata}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PGBIN/pg_ctl" ] && [ -f "$PGDATA/PG_VERSION" ] || exit 0
if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$PGDATA' -m fast -w stop"; else "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop; fi
