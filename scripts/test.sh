#!/bin/sh
# `npm test`: the whole suite (type check, unit, corpus, integration, PostgreSQL, end-to-end in Chromium).
# Installs what the tests need on a fresh machine (npm deps, Debian's chromium, PostgreSQL), then prints
# a plain `N passed, N failed` line that CI reads.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
sh scripts/ensure-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
sh scripts/ensure-system-deps.sh || echo "warning: could not install system packages; dependent tests will report it" >&2
if [ -x scripts/pg-start.sh ] || [ -f scripts/pg-start.sh ]; then
  if url=$(sh scripts/pg-start.sh 2>/tmp/detectory-pg.log); then export TEST_POSTGRES_URL="$url"; else
    echo "warning: PostgreSQL did not start (see /tmp/detectory-pg.log)" >&2; fi
fi
mkdir -p artifacts
failed_extra=0; passed_extra=0
echo "› type check (tsc --noEmit)" >&2
if npx tsc --noEmit -p .; then passed_extra=1; else failed_extra=1; fi
npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json "$@"
vitest_rc=$?
[ -f scripts/pg-stop.sh ] && [ -n "${TEST_POSTGRES_URL:-}" ] && sh scripts/pg-stop.sh >/dev/null 2>&1
node scripts/test-summary.mjs artifacts/vitest.json "$passed_extra" "$failed_extra" "$vitest_rc"
