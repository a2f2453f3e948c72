/**
 * Deterministic fuzzing: seeded random mutations of real rules (delete lines, swap characters, change
 * indentation, insert odd YAML) must never make the parser, the MatchExpr builder or the evaluator throw.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSigmaFile } from "./parse-file";
import { buildMatchExpr } from "./match-expr";
import { matchEvent } from "./evaluate";

const shared = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
const corpus = path.join(shared, "sigma", "rules", "windows", "process_creation");

/** mulberry32: a tiny seeded PRNG, so every run tries the same mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_YAML = ["- ", ": ", "{", "}", "[", "]", "&a ", "*a", "!!binary ", "? ", "---", "|", ">", "\t", "'", '"', "#", "%", "@", "`", "~", "null", "|all", "|re", "|contains|", "*", "\\", "1 of ", " not ", "(", ")", "\u0000", "\uFFFD"];

function mutate(text: string, rnd: () => number): string {
  const lines = text.split("\n");
  const pick = (n: number) => Math.floor(rnd() * n);
  const times = 1 + pick(3);
  let out = lines;
  for (let k = 0; k < times; k++) {
    if (out.length === 0) out = [""];
    const i = pick(out.length);
    switch (pick(6)) {
      case 0:
        out = out.filter((_, j) => j !== i);
        break;
      case 1: {
        const line = out[i];
        if (line.length > 1) {
          const c = pick(line.length - 1);
          out[i] = line.slice(0, c) + line[c + 1] + line[c] + line.slice(c + 2);
        }
        break;
      }
      case 2:
        out[i] = rnd() < 0.5 ? out[i].replace(/^ {1,4}/, "") : " ".repeat(1 + pick(6)) + out[i];
        break;
      case 3: {
        const line = out[i];
        const c = pick(line.length + 1);
        out[i] = line.slice(0, c) + ODD_YAML[pick(ODD_YAML.length)] + line.slice(c);
        break;
      }
      case 4:
        out.splice(i, 0, out[pick(out.length)]);
        break;
      default:
        out = out.slice(0, i);
    }
  }
  return out.join("\n");
}

describe.skipIf(!existsSync(corpus))("fuzzed corpus rules", () => {
  if (!existsSync(corpus)) console.warn(`skipping the fuzz test: ${corpus} is absent`);
  it("3,000 mutations never crash and never hit an internal error", () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith(".yml")).sort().slice(0, 300);
    const texts = files.map((f) => readFileSync(path.join(corpus, f), "utf8"));
    const rnd = prng(20261204);
    const event = { Image: "C:\\Windows\\System32\\cmd.exe", CommandLine: "cmd /c whoami", User: "SYSTEM", EventID: 1 };
    const failures: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const text = mutate(texts[n % texts.length], rnd);
      try {
        const file = parseSigmaFile(text);
        for (const d of file.documents) {
          if (d.issues.some((i) => i.code === "internal-error")) failures.push(`${files[n % texts.length]} #${n}: ${d.issues.find((i) => i.code === "internal-error")!.message}`);
          if (d.document?.kind === "rule") {
            buildMatchExpr(d.document.detection);
            matchEvent(d.document, event);
          }
        }
      } catch (error) {
        failures.push(`${files[n % texts.length]} #${n}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("generated rules with random modifier chains and values", () => {
  const MODS = ["contains", "startswith", "endswith", "all", "base64", "base64offset", "wide", "utf16be", "utf16", "windash", "re", "i", "m", "s", "cidr", "lt", "gte", "exists", "fieldref", "cased", "expand", "neq", "hour", "week", "bogus"];
  const VALUES = ["'a'", "'*x?y*'", "'-f /c'", "'10.0.0.0/8'", "'fe80::/10'", "5", "-1.5", "true", "null", "''", "'(a|b)+'", "'(unclosed'", "'%Servers%'", "'C:\\Temp\\*.exe'", "['a', 'b']", "[1, 'x', null]", "[]", "{k: v}", "Other"];
  const EVENTS: unknown[] = [{}, { F: "a" }, { F: "10.1.2.3", Other: "10.1.2.3" }, { F: 5 }, { F: ["x", "ya"] }, { F: "2024-05-06T07:30:00Z" }, { F: null }, { F: { k: "v" } }, "not an object", null, [1, 2]];
  it("2,000 rules never crash the parser or the evaluator", () => {
    const rnd = prng(7);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    const failures: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const mods = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(MODS));
      const key = `${rnd() < 0.1 ? "" : "F"}${mods.map((m) => `|${m}`).join("")}`;
      const text = `title: g\nlogsource: {product: x}\ndetection:\n    sel:\n        '${key}': ${pick(VALUES)}\n    other: [${pick(VALUES)}]\n    condition: ${pick(["sel", "sel or other", "not sel", "1 of *", "all of them", "sel and"])}\n`;
      try {
        const file = parseSigmaFile(text);
        const doc = file.documents[0];
        if (doc?.issues.some((i) => i.code === "internal-error")) failures.push(`${key}: internal error`);
        if (doc?.document?.kind === "rule") {
          buildMatchExpr(doc.document.detection);
          for (const e of EVENTS) matchEvent(doc.document, e);
        }
      } catch (error) {
        failures.push(`${text}\n→ ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
