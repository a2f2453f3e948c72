/**
 * Test helper: Sigma events built from a rule's own literals (hits, near misses, case variants), for the
 * differential test. Deterministic; a handful of events per rule.
 */
import type { MatchExpr, MatchLeaf, SigmaString } from "../../sigma";
import { sampleForRegex } from "./regex-sample";

/** Sentinel for "the event does not have this field". */
export const ABSENT = Symbol("absent");
/** A candidate field value. */
export type Candidate = string | number | typeof ABSENT;

function render(value: SigmaString): string {
  return value.map((p) => (p.kind === "text" ? p.value : p.kind === "oneChar" ? "x" : p.kind === "placeholder" ? `%${p.name}%` : "")).join("");
}

function swapCase(s: string): string {
  return [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
}

function nearMiss(s: string): string {
  if (s.length === 0) return "q";
  const i = Math.floor(s.length / 2);
  return s.slice(0, i) + (s[i] === "#" ? "%" : "#") + s.slice(i + 1);
}

function wrap(s: string, op: string): string {
  return op === "contains" ? `a ${s} z` : op === "startswith" ? `${s} z` : op === "endswith" ? `a ${s}` : s;
}

function nextIp(net: string): string {
  const [addr] = net.split("/");
  if (addr.includes(".")) {
    const b = addr.split(".").map(Number);
    b[3] = Math.min(254, b[3] + 1);
    return b.join(".");
  }
  return addr.endsWith("::") ? `${addr}1` : addr;
}

function leafCandidates(leaf: MatchLeaf): Candidate[] {
  switch (leaf.kind) {
    case "string": {
      const out: Candidate[] = [];
      for (const v of leaf.values.slice(0, 3)) {
        const hit = wrap(render(v), leaf.op);
        out.push(hit, swapCase(hit), wrap(nearMiss(render(v)), leaf.op));
      }
      return out;
    }
    case "number":
      return leaf.values.slice(0, 3).flatMap((v) => [v, v + 1, v - 1]);
    case "bool":
      return ["true", "false"];
    case "cidr":
      return leaf.values.slice(0, 3).map((n) => nextIp(n.text)).concat(["203.0.113.7", "2001:db8::7"]);
    case "exists":
    case "null":
      return ["present", ABSENT];
    case "timepart":
      return ["2024-03-05T01:30:00Z", "2024-03-05T13:45:00Z"];
    case "regex":
      return leaf.values.slice(0, 3).flatMap((v) => {
        const sample = sampleForRegex(v);
        return [sample, `a ${sample} z`, swapCase(sample)];
      });
    case "fieldref":
      return [];
  }
}

/** Field → candidate values (first is a hit where one exists), from every leaf of the expression. */
export function fieldCandidates(expr: MatchExpr, out = new Map<string, Candidate[]>()): Map<string, Candidate[]> {
  if (expr.kind === "leaf" && expr.leaf.kind === "fieldref") {
    // Both fields get the same value first (a hit for eq/contains/…), then different ones.
    for (const [i, f] of [expr.leaf.field, ...expr.leaf.values].entries()) {
      const list = out.get(f) ?? [];
      for (const c of ["C:\\same\\value.exe", `other ${i}`]) if (!list.includes(c)) list.push(c);
      out.set(f, list);
    }
  } else if (expr.kind === "leaf") {
    const f = expr.leaf.field ?? "";
    const list = out.get(f) ?? [];
    for (const c of leafCandidates(expr.leaf)) if (!list.includes(c)) list.push(c);
    out.set(f, list);
  } else if (expr.kind === "and" || expr.kind === "or") expr.items.forEach((i) => fieldCandidates(i, out));
  else if (expr.kind === "not") fieldCandidates(expr.item, out);
  return out;
}

/** A few events: all-first candidates, each field varied alone, and round-robin mixes. Field "" = keywords. */
export function generateEvents(candidates: Map<string, Candidate[]>, max = 12): Map<string, Candidate>[] {
  const fields = [...candidates.keys()];
  const pick = (choice: (f: string, i: number) => number) => {
    const e = new Map<string, Candidate>();
    fields.forEach((f, i) => {
      const list = candidates.get(f)!;
      if (list.length) e.set(f, list[choice(f, i) % list.length]);
    });
    return e;
  };
  const events = [pick(() => 0)];
  for (const f of fields) {
    const n = candidates.get(f)!.length;
    for (let k = 1; k < Math.min(n, 4) && events.length < max / 2; k++) events.push(pick((g) => (g === f ? k : 0)));
  }
  for (let j = 1; events.length < max; j++) {
    events.push(pick((_f, i) => j * (i + 1)));
    if (j > max) break;
  }
  return events;
}
