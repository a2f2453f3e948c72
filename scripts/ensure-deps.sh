#!/bin/sh
# Installs npm dependencies when node_modules is missing or older than package-lock.json.
# Shared by `npm start` and `npm test` so both work as the first command on a fresh clone.
set -eu
cd "$(dirname "$0")/.."
stamp=node_modules/.detectory-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "› installing dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
  touch "$stamp"
fi
# Both Prisma clients are generated into generated/ (gitignored) by postinstall; regenerate if a schema changed.
for schema in prisma/schema.prisma prisma-pg/schema.prisma; do
  [ -f "$schema" ] || continue
  out=generated/prisma/client.ts
  [ "$schema" = prisma-pg/schema.prisma ] && out=generated/prisma-pg/client.ts
  if [ ! -f "$out" ] || [ "$schema" -nt "$out" ]; then node scripts/prisma-generate.mjs >&2; break; fi
done
