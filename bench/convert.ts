/**
 * Conversion throughput over the whole SigmaHQ snapshot (../shared/sigma), per target:
 *   parse+convert — YAML text → parseSigmaFile → convertParsed, rules/s;
 *   convert-only  — already-parsed documents → convertParsed, rules/s.
 *   js-yaml       — js-yaml loadAll over the same texts, the baseline the parse+convert rate is compared with.
 * Run: npx tsx bench/convert.ts [rounds]   (default 5 measured rounds after 2 warm-up rounds)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";
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
const rounds = Number(process.argv[2] ?? 5);
const WARM_UP = 2;

/** One measure: a function returning how many items it handled. */
type Measure = { name: string; fn: () => number; rates: number[] };

const measures: Measure[] = [
  {
    name: "js-yaml",
    fn: () => {
      for (const t of texts) loadAll(t);
      return texts.length;
    },
    rates: [],
  },
  ...TARGET_IDS.flatMap((target): Measure[] => [
    {
      name: `${target} parse+convert`,
      fn: () => {
        let n = 0;
        for (const t of texts) for (const d of parseSigmaFile(t).documents) { convertParsed(d, target); n++; }
        return n;
      },
      rates: [],
    },
    {
      name: `${target} convert-only`,
      fn: () => {
        for (const d of parsed) convertParsed(d, target);
        return parsed.length;
      },
      rates: [],
    },
  ]),
];

// Every measure is warmed up first, then the rounds interleave the measures, so JIT state, GC pressure and
// other load on the machine fall on all of them alike; each figure is the median round.
for (let r = 0; r < WARM_UP; r++) for (const m of measures) m.fn();
for (let r = 0; r < rounds; r++) {
  for (const m of measures) {
    const t0 = performance.now();
    const n = m.fn();
    m.rates.push(n / ((performance.now() - t0) / 1000));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rateOf = (name: string) => median(measures.find((m) => m.name === name)!.rates);
const fmt = (x: number) => Math.round(x).toLocaleString("en");

console.log(`corpus: ${files.length} files, ${parsed.length} documents (${WARM_UP} warm-up + ${rounds} interleaved rounds, median round)`);
const yamlRate = rateOf("js-yaml");
console.log(`js-yaml loadAll ${fmt(yamlRate)} files/s (baseline)`);
for (const target of TARGET_IDS) {
  const full = rateOf(`${target} parse+convert`);
  const only = rateOf(`${target} convert-only`);
  const share = Math.round((100 * full) / yamlRate);
  console.log(`${target.padEnd(14)} parse+convert ${fmt(full)} rules/s (${share}% of js-yaml)   convert-only ${fmt(only)} rules/s`);
}
