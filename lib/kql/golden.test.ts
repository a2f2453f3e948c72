/**
 * Golden conversions: every lib/kql/testdata/<target>/<feature>.yml is converted for <target>; the query goes to
 * <feature>.kql, or the issues to <feature>.issues.txt when the rule is not converted. A file may hold several
 * YAML documents (a correlation and its base rules); the last document is the one converted. Every converted
 * query must also pass the Kusto parser against the target's schema.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSigmaFile, type SigmaRule } from "../sigma";
import { convertParsed } from "./convert";
import { TARGET_IDS, type TargetId } from "./target";
import { TARGETS } from "./targets";
import { KustoValidator } from "./testing/kusto-validator";

const TESTDATA = path.join(import.meta.dirname, "testdata");

function cases(target: TargetId): string[] {
  try {
    return readdirSync(path.join(TESTDATA, target)).filter((f) => f.endsWith(".yml")).sort();
  } catch {
    return [];
  }
}

describe.each(TARGET_IDS.filter((t) => cases(t).length > 0))("golden conversions for %s", (target) => {
  const validator = new KustoValidator(TARGETS[target].schema);
  it.each(cases(target))("%s", async (file) => {
    const text = readFileSync(path.join(TESTDATA, target, file), "utf8");
    const parsed = parseSigmaFile(text);
    const rules = new Map<string, SigmaRule>();
    for (const d of parsed.documents) {
      if (d.document?.kind !== "rule") continue;
      if (d.document.id) rules.set(d.document.id, d.document);
      if (d.document.name) rules.set(d.document.name, d.document);
    }
    const last = parsed.documents[parsed.documents.length - 1];
    expect(last, `${file} has no document`).toBeDefined();
    const result = convertParsed(last, target, { resolveRule: (ref) => rules.get(ref) });
    const base = path.join(TESTDATA, target, file.replace(/\.yml$/, ""));
    const stale = result.status === "converted" ? `${base}.issues.txt` : `${base}.kql`;
    expect(existsSync(stale), `${path.basename(stale)} is stale (the status changed): delete it`).toBe(false);
    if (result.status === "converted") {
      expect(validator.errors(result.query ?? "").map((e) => `${e.code} ${e.message}`)).toEqual([]);
      await expect(`${result.query}\n`).toMatchFileSnapshot(`${base}.kql`);
    } else {
      const lines = [`status: ${result.status}`, ...result.issues.map((i) => `${i.code}: ${i.message}`)];
      await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(`${base}.issues.txt`);
    }
  });
});
