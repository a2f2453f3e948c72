#!/bin/sh
# `npm start`: install if needed, migrate the catalog, sync it when empty, build if needed, serve.
# Env: DATABASE_URL (default file:./data/detectory.db), DETECTORY_SOURCES, DETECTORY_ATTACK, PORT, HOST.
set -eu
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
sh scripts/ensure-deps.sh
npx tsx lib/catalog/cli/migrate-cli.ts
# A fresh catalog is synced from DETECTORY_SOURCES (default: rules/ + SigmaHQ's latest release); an existing one is
# served as it is unless DETECTORY_SYNC_ON_START=always.
if [ "${DETECTORY_SYNC_ON_START:-auto}" = always ]; then
  npx tsx lib/catalog/cli/sync-cli.ts
else
  npx tsx lib/catalog/cli/sync-cli.ts --if-empty
fi
# Rebuild when the sources changed since the last build (the build id file records the tree it was built from).
tree=$(git rev-parse HEAD 2>/dev/null || echo none)$(git status --porcelain 2>/dev/null | md5sum | cut -c1-8)
if [ ! -f .next/BUILD_ID ] || [ "$(cat .next/.detectory-tree 2>/dev/null)" != "$tree" ]; then
  echo "› building the app…" >&2
  npx next build
  echo "$tree" > .next/.detectory-tree
fi
echo "› Detectory on http://${HOST:-127.0.0.1}:${PORT:-3000}" >&2
exec npx next start -p "${PORT:-3000}" -H "${HOST:-127.0.0.1}"
