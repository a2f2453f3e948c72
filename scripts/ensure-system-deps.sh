#!/bin/sh
# Installs the Debian packages the test suite drives: Chromium (end-to-end tests) and PostgreSQL (the
# PostgreSQL catalog tests). Only as root and only when missing; never downloads browsers from elsewhere.
set -eu
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need="$need postgresql"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then echo "missing:$need (run as root to install)" >&2; exit 1; fi
echo "› installing Debian packages:$need" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >&2
