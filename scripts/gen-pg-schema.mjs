#!/usr/bin/env node
// Derives prisma-pg/schema.prisma from prisma/schema.prisma: same models, only the datasource provider and the
// generator output differ. Run after every change to the SQLite schema (`node scripts/gen-pg-schema.mjs`);
// `--check` exits 1 when the committed copy is stale (for CI).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const src = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
const header =
  "// GENERATED from prisma/schema.prisma by scripts/gen-pg-schema.mjs: do not edit; edit the SQLite schema and re-run.\n";

function replaceOnce(text, pattern, replacement, what) {
  if (!pattern.test(text)) throw new Error(`gen-pg-schema: ${what} not found in prisma/schema.prisma`);
  return text.replace(pattern, replacement);
}

let out = replaceOnce(src, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
out = replaceOnce(out, /output\s*=\s*"\.\.\/generated\/prisma"/, 'output   = "../generated/prisma-pg"', "generator output");
out = header + out;

const target = path.join(root, "prisma-pg", "schema.prisma");
if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== out) {
    console.error("prisma-pg/schema.prisma is stale: run node scripts/gen-pg-schema.mjs");
    process.exit(1);
  }
  process.exit(0);
}
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, out);
console.log("wrote prisma-pg/schema.prisma");
