/**
 * Runs the parser over the real ATT&CK v19.1 Enterprise bundle in ../shared/attack and resolves every `attack.*`
 * tag the SigmaHQ snapshot in ../shared/sigma uses. Skips when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildMatrix, countLive } from "./matrix";
import { parseAttackBundle } from "./parse-bundle";
import { createTagResolver } from "./tags";

const shared = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
const bundlePath = path.join(shared, "attack", "enterprise-attack.stix.json.gz");
const sigmaPath = path.join(shared, "sigma");
const present = existsSync(bundlePath);
if (!present) console.warn(`lib/attack real-bundle tests skipped: ${bundlePath} not found (../shared is absent)`);

function* ruleFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* ruleFiles(full);
    else if (/\.ya?ml$/.test(entry.name)) yield full;
  }
}

/** `attack.*` items of YAML lists under `roots`, read with a regex: enough for tags, no Sigma parser needed. */
function attackTags(roots: string[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const root of roots) {
    for (const file of ruleFiles(root)) {
      for (const m of readFileSync(file, "utf8").matchAll(/^\s*-\s+['"]?(attack\.[A-Za-z0-9_.-]+)/gm)) {
        if (!tags.has(m[1])) tags.set(m[1], file);
      }
    }
  }
  return tags;
}

const sigmaRoots = () =>
  readdirSync(sigmaPath)
    .filter((d) => d.startsWith("rules") || d === "deprecated")
    .map((d) => path.join(sigmaPath, d));

describe.skipIf(!present)("the real ATT&CK v19.1 Enterprise bundle", () => {
  const { data, issues } = present
    ? parseAttackBundle(gunzipSync(readFileSync(bundlePath)).toString("utf8"), { attackVersion: "19.1" })
    : parseAttackBundle({ type: "bundle", objects: [] });

  it("parses without issues", () => {
    expect(issues).toEqual([]);
    expect(data.version).toEqual({ attack: "19.1", modified: "2026-05-12", attackSpec: "3.3.0", stixSpec: "2.0" });
  });

  it("has 15 tactics in matrix order", () => {
    expect(data.tactics.map((t) => t.shortname)).toEqual([
      "reconnaissance",
      "resource-development",
      "initial-access",
      "execution",
      "persistence",
      "privilege-escalation",
      "stealth",
      "defense-impairment",
      "credential-access",
      "discovery",
      "lateral-movement",
      "collection",
      "command-and-control",
      "exfiltration",
      "impact",
    ]);
  });

  it("has 222 live techniques and 475 live sub-techniques, as the compact file says", () => {
    expect(countLive(data)).toEqual({ tactics: 15, techniques: 222, subtechniques: 475, groups: 174, software: 821, campaigns: 56 });
    const columns = buildMatrix(data);
    expect(new Set(columns.flatMap((c) => c.techniques.map((t) => t.technique.id))).size).toBe(222);
  });

  it.each([
    ["T1086", "T1059.001"],
    ["T1562.001", "T1685"],
    ["T1562.002", "T1685.001"],
    ["T1070.001", "T1685.005"],
  ])("revoked %s is replaced by %s", (id, replacement) => {
    expect(data.techniques.find((t) => t.id === id)?.revokedBy).toBe(replacement);
  });

  it.skipIf(!existsSync(sigmaPath))("resolves every attack.* tag used by the SigmaHQ rules", () => {
    const resolve = createTagResolver(data);
    const tags = attackTags(sigmaRoots());
    expect(tags.size).toBeGreaterThan(400);
    const failures = [...tags].map(([tag, file]) => ({ ...resolve(tag), file })).filter((r) => r.kind === "unknown" || r.name === null);
    expect(failures).toEqual([]);
  });

  // Our own rules must use current ATT&CK: no revoked ids, no renamed tactics, nothing deprecated.
  it("resolves every attack.* tag in the repository's rules/ to a live object without notes", () => {
    const resolve = createTagResolver(data);
    const tags = attackTags([path.resolve(process.cwd(), "rules")]);
    expect(tags.size).toBeGreaterThan(50);
    const problems = [...tags].map(([tag, file]) => ({ ...resolve(tag), file })).filter((r) => r.kind === "unknown" || r.notes);
    expect(problems).toEqual([]);
  });
});
