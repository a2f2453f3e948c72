#!/usr/bin/env node
// Generates both Prisma clients (SQLite default + PostgreSQL) after install.
// Prisma 7's CLI looks for a native schema engine even for `generate`, which it never calls; pointing it at
// our WebAssembly shim keeps install fully offline (see tools/schema-engine-shim.mjs).
import { execFileSync } from "node:child_process";
import { existsSync, chmodSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const shim = path.join(root, "tools", "schema-engine-shim.mjs");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.log("prisma CLI not installed yet; skipping client generation");
  process.exit(0);
}
chmodSync(shim, 0o755);
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: shim, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const config of ["prisma.config.ts", "prisma.pg.config.ts"]) {
  if (!existsSync(path.join(root, config))) continue;
  execFileSync(process.execPath, [cli, "generate", "--config", config], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
}
