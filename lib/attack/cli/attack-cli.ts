/**
 * `npx tsx lib/attack/cli/attack-cli.ts [bundle.json|bundle.json.gz] [tag…]`: parses an ATT&CK STIX bundle,
 * prints its version, live counts, issues and the time each stage took, then resolves any tags given.
 * Defaults to ../shared/attack/enterprise-attack.stix.json.gz.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { countLive, createTagResolver, parseAttackBundle } from "../index";

const shared = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
const [file = path.join(shared, "attack", "enterprise-attack.stix.json.gz"), ...tags] = process.argv.slice(2);

const t0 = performance.now();
const raw = readFileSync(file);
const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
const t1 = performance.now();
const json: unknown = JSON.parse(text);
const t2 = performance.now();
const { data, issues } = parseAttackBundle(json);
const t3 = performance.now();

const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
console.log(`${file}: ${(text.length / 1e6).toFixed(1)} MB of JSON`);
console.log(`read+gunzip ${ms(t0, t1)}, JSON.parse ${ms(t1, t2)}, parseAttackBundle ${ms(t2, t3)}`);
console.log(`${data.name} (${data.domain}) version ${JSON.stringify(data.version)}`);
console.log(`live: ${JSON.stringify(countLive(data))}`);
for (const issue of issues) console.log(`issue ${issue.code}: ${issue.message}`);
const resolve = createTagResolver(data);
for (const tag of tags) console.log(JSON.stringify(resolve(tag)));
