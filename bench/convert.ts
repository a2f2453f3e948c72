/**
 * Conversion throughput over the whole SigmaHQ snapshot (../shared/sigma), per target:
 *   parse+convert — YAML text → parseSigmaFile → convertParsed, rules/s;
 *   convert-only  — already-parsed documents → convertParsed, rules/s.
 * Run: npx tsx bench/convert.ts [rounds]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSigmaFile } from "../lib/sigma";
import { convertParsed, TARGET_IDS } from "../lib/kql";

const shared = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
const root = path.join(shared, "sigma");
const files: string[] = [];
const walk = (dir: string) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith(".yml")) files.push(full);
  }
};
walk(root);
const texts = files.map((f) => readFileSync(f, "utf8"));
const parsed = texts.flatMap((t) => parseSigmaFile(t).documents);
const rounds = Number(process.argv[2] ?? 3);

function rate(fn: () => number): number {
  fn(); // warm-up
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const n = fn();
    best = Math.max(best, n / ((performance.now() - t0) / 1000));
  }
  return best;
}

console.log(`corpus: ${files.length} files, ${parsed.length} documents (best of ${rounds} rounds)`);
for (const target of TARGET_IDS) {
  const full = rate(() => {
    let n = 0;
    for (const t of texts) for (const d of parseSigmaFile(t).documents) { convertParsed(d, target); n++; }
    return n;
  });
  const only = rate(() => {
    for (const d of parsed) convertParsed(d, target);
    return parsed.length;
  });
  console.log(`${target.padEnd(14)} parse+convert ${Math.round(full).toLocaleString("en")} rules/s   convert-only ${Math.round(only).toLocaleString("en")} rules/s`);
}
