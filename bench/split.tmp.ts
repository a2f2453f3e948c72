import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEvents, constructFromEvents, loadAll } from "js-yaml";
import { loadYamlDocuments } from "../lib/sigma/yaml-positions";
import { parseSigmaFile } from "../lib/sigma/index";
function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => { const full = path.join(dir, e.name); return e.isDirectory() ? listYaml(full) : e.name.endsWith(".yml") ? [full] : []; });
}
const texts = listYaml("/work/shared/sigma").map((f) => readFileSync(f, "utf8"));
const evs = texts.map((t) => parseEvents(t, {}));
const fns: Record<string, () => void> = {
  loadAll: () => { for (const t of texts) loadAll(t); },
  parseEvents: () => { for (const t of texts) parseEvents(t, {}); },
  construct: () => { texts.forEach((t, i) => constructFromEvents(evs[i], { source: t })); },
  loadYamlDocuments: () => { for (const t of texts) loadYamlDocuments(t); },
  parseSigmaFile: () => { for (const t of texts) parseSigmaFile(t); },
};
const res: Record<string, number[]> = {};
for (let r = 0; r < 10; r++) for (const [k, f] of Object.entries(fns)) { const s = performance.now(); f(); (res[k] ??= []).push(performance.now() - s); }
for (const [k, v] of Object.entries(res)) { const w = v.slice(3).sort((a, b) => a - b); console.log(k.padEnd(20), Math.round(w[0]), Math.round(w[Math.floor(w.length / 2)])); }
