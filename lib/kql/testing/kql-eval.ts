/**
 * Test helper: a small KQL evaluator for the subset lib/kql emits (`Table`, `| where <expr>`, `| extend X = <expr>`;
 * =~ == != !~, in~ / in, contains/startswith/endswith (+ _cs), matches regex, comparisons, and/or/not(), and the
 * functions the emitter uses). It parses the emitted text itself, so it checks what is printed, not the IR.
 */
import { cidrContains, parseCidr, regexToJs } from "../../sigma";

/** A table row: column → value (objects for dynamic columns). */
export type Row = Record<string, unknown>;

type Tok = { t: "id" | "str" | "num" | "op" | "punct"; v: string };

const OPS = ["=~", "!~", "==", "!=", ">=", "<=", ">", "<", "in~", "!in~", "!in"];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "@" && src[i + 1] === '"') {
      let j = i + 2; let s = "";
      for (;;) {
        if (src[j] === '"' && src[j + 1] === '"') { s += '"'; j += 2; continue; }
        if (src[j] === '"' || j >= src.length) break;
        s += src[j++];
      }
      out.push({ t: "str", v: s }); i = j + 1; continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1; let s = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") {
          const n = src[j + 1];
          if (n === "u") { s += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16)); j += 6; continue; }
          s += n === "n" ? "\n" : n === "t" ? "\t" : n === "r" ? "\r" : n; j += 2; continue;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s }); i = j + 1; continue;
    }
    if (c === "[" && src[i + 1] === "'") {
      const end = src.indexOf("']", i);
      out.push({ t: "id", v: src.slice(i + 2, end).replace(/\\(.)/g, "$1") }); i = end + 2; continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num && !(out.length && (out[out.length - 1].t === "id" || out[out.length - 1].t === "num"))) { out.push({ t: "num", v: num[0] }); i += num[0].length; continue; }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(~)?/.exec(src.slice(i));
    if (word) { out.push({ t: word[0] === "in~" ? "op" : "id", v: word[0] }); i += word[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { out.push({ t: "op", v: op }); i += op.length; continue; }
    out.push({ t: "punct", v: c }); i++;
  }
  return out;
}

/** An expression node. */
type Node =
  | { k: "lit"; v: unknown }
  | { k: "col"; name: string }
  | { k: "prop"; of: Node; name: string }
  | { k: "call"; fn: string; args: Node[] }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "in"; op: string; a: Node; list: Node[] }
  | { k: "and" | "or"; a: Node; b: Node };

const STRING_OPS = new Set(["contains", "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs", "has"]);

class Parser {
  private p = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(): Tok | undefined { return this.toks[this.p]; }
  private next(): Tok { const t = this.toks[this.p++]; if (!t) throw new Error("unexpected end"); return t; }
  private expect(v: string): void { const t = this.next(); if (t.v !== v) throw new Error(`expected ${v}, got ${t.v}`); }
  done(): boolean { return this.p >= this.toks.length; }
  expr(): Node {
    let a = this.and();
    while (this.peek()?.v === "or") { this.p++; a = { k: "or", a, b: this.and() }; }
    return a;
  }
  private and(): Node {
    let a = this.cmp();
    while (this.peek()?.v === "and") { this.p++; a = { k: "and", a, b: this.cmp() }; }
    return a;
  }
  private cmp(): Node {
    const a = this.primary();
    const t = this.peek();
    if (!t) return a;
    if (t.t === "op" && (t.v === "in~" || t.v === "!in~" || t.v === "!in") || (t.t === "id" && t.v === "in")) {
      this.p++; this.expect("(");
      const list: Node[] = [];
      while (this.peek()?.v !== ")") { list.push(this.primary()); if (this.peek()?.v === ",") this.p++; }
      this.expect(")");
      return { k: "in", op: t.v, a, list };
    }
    if (t.t === "op") { this.p++; return { k: "bin", op: t.v, a, b: this.primary() }; }
    if (t.t === "id" && STRING_OPS.has(t.v)) { this.p++; return { k: "bin", op: t.v, a, b: this.primary() }; }
    if (t.t === "id" && t.v === "matches") { this.p++; this.expect("regex"); return { k: "bin", op: "matches", a, b: this.primary() }; }
    return a;
  }
  private primary(): Node {
    const t = this.next();
    let node: Node;
    if (t.v === "(") { node = this.expr(); this.expect(")"); }
    else if (t.t === "str") node = { k: "lit", v: t.v };
    else if (t.t === "num") node = { k: "lit", v: Number(t.v) };
    else if (t.t === "id" && (t.v === "true" || t.v === "false")) node = { k: "lit", v: t.v === "true" };
    else if (t.t === "id" && this.peek()?.v === "(") {
      this.p++;
      const args: Node[] = [];
      while (this.peek()?.v !== ")") { args.push(this.expr()); if (this.peek()?.v === ",") this.p++; }
      this.expect(")");
      node = { k: "call", fn: t.v, args };
    } else if (t.t === "id") node = { k: "col", name: t.v };
    else throw new Error(`unexpected token ${t.v}`);
    while (this.peek()?.v === ".") { this.p++; node = { k: "prop", of: node, name: this.next().v }; }
    while (this.peek()?.v === "[" ) { this.p++; const key = this.next().v; this.expect("]"); node = { k: "prop", of: node, name: key }; }
    return node;
  }
}

/** Parses one KQL scalar expression. */
export function parseKqlExpr(text: string): Node {
  const p = new Parser(tokenize(text));
  const n = p.expr();
  if (!p.done()) throw new Error(`trailing tokens in ${text}`);
  return n;
}

const str = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
const lower = (v: unknown) => str(v).toLowerCase();

/** RE2 → JavaScript for the constructs the emitter passes through (escape-aware). */
function toRegex(pattern: string): RegExp {
  let js = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const n = pattern[i + 1];
      js += n === "z" ? "$(?![\\s\\S])" : n === "A" ? "^(?<![\\s\\S])" : c + n;
      i++;
    } else if (pattern.startsWith("(?P<", i)) {
      js += "(?<";
      i += 3;
    } else js += c;
  }
  return regexToJs(js);
}

function inRange(ip: unknown, net: unknown, version: 4 | 6): boolean {
  const n = parseCidr(str(net));
  if (!n || n.version !== version) return false;
  if (version === 4 && !/^\d+\.\d+\.\d+\.\d+$/.test(str(ip))) return false;
  return cidrContains(n, str(ip));
}

function call(fn: string, a: unknown[]): unknown {
  switch (fn) {
    case "isempty": return a[0] === null || a[0] === undefined || a[0] === "";
    case "isnotempty": return !(a[0] === null || a[0] === undefined || a[0] === "");
    case "isnull": return a[0] === null || a[0] === undefined;
    case "isnotnull": return !(a[0] === null || a[0] === undefined);
    case "tostring": return str(a[0]);
    case "tolong": case "toint": { const n = Number(str(a[0]).trim()); return str(a[0]).trim() === "" || !Number.isFinite(n) ? null : Math.trunc(n); }
    case "toreal": { const n = Number(str(a[0]).trim()); return str(a[0]).trim() === "" || Number.isNaN(n) ? null : n; }
    case "todatetime": { const d = new Date(str(a[0])); return Number.isNaN(d.getTime()) ? null : d; }
    case "parse_json": if (typeof a[0] !== "string") return a[0]; try { return JSON.parse(a[0]); } catch { return a[0]; }
    case "strcat": return a.map(str).join("");
    case "iff": return a[0] === true ? a[1] : a[2];
    case "ipv4_is_in_range": return inRange(a[0], a[1], 4);
    case "ipv4_is_in_any_range": return a.slice(1).some((n) => inRange(a[0], n, 4));
    case "ipv6_is_in_range": return inRange(a[0], a[1], 6);
    case "ipv6_is_in_any_range": return a.slice(1).some((n) => inRange(a[0], n, 6));
    case "datetime_part": {
      const d = a[1] instanceof Date ? a[1] : null;
      if (!d) return null;
      const part = str(a[0]);
      if (part === "hour") return d.getUTCHours();
      if (part === "minute") return d.getUTCMinutes();
      if (part === "day") return d.getUTCDate();
      if (part === "month") return d.getUTCMonth() + 1;
      if (part === "year") return d.getUTCFullYear();
      throw new Error(`datetime_part ${part} not supported by the test evaluator`);
    }
    default: throw new Error(`function ${fn} not supported by the test evaluator`);
  }
}

function binary(op: string, x: unknown, y: unknown): boolean {
  switch (op) {
    case "=~": return lower(x) === lower(y);
    case "!~": return lower(x) !== lower(y);
    case "==": return typeof y === "number" ? x !== null && x !== undefined && Number(x) === y : str(x) === str(y);
    case "!=": return typeof y === "number" ? Number(x) !== y : str(x) !== str(y);
    case ">": case ">=": case "<": case "<=": {
      if (x === null || x === undefined || x === "") return false;
      const a = Number(x), b = Number(y);
      return op === ">" ? a > b : op === ">=" ? a >= b : op === "<" ? a < b : a <= b;
    }
    case "contains": return lower(x).includes(lower(y));
    case "contains_cs": return str(x).includes(str(y));
    case "startswith": return lower(x).startsWith(lower(y));
    case "startswith_cs": return str(x).startsWith(str(y));
    case "endswith": return lower(x).endsWith(lower(y));
    case "endswith_cs": return str(x).endsWith(str(y));
    case "matches": return toRegex(str(y)).test(str(x));
    default: throw new Error(`operator ${op} not supported by the test evaluator`);
  }
}

/** Evaluates an expression on a row. */
export function evalNode(n: Node, row: Row): unknown {
  switch (n.k) {
    case "lit": return n.v;
    case "col": return n.name === "not" ? undefined : row[n.name];
    case "prop": { const o = evalNode(n.of, row); return o && typeof o === "object" ? (o as Record<string, unknown>)[n.name] ?? null : null; }
    case "call":
      if (n.fn === "not") return !evalNode(n.args[0], row);
      return call(n.fn, n.args.map((a) => evalNode(a, row)));
    case "and": return evalNode(n.a, row) === true && evalNode(n.b, row) === true;
    case "or": return evalNode(n.a, row) === true || evalNode(n.b, row) === true;
    case "in": {
      const x = evalNode(n.a, row);
      const hit = n.list.some((l) => binary(n.op.includes("~") ? "=~" : "==", x, evalNode(l, row)));
      return n.op.startsWith("!") ? !hit : hit;
    }
    case "bin": return binary(n.op, evalNode(n.a, row), evalNode(n.b, row));
  }
}

/** A compiled query: does a row of its table pass every `where` (after the `extend`s)? */
export interface CompiledQuery {
  table: string;
  matches(row: Row): boolean;
}

/** Compiles an emitted query (`Table` / `| where` / `| extend` lines) for evaluation. */
export function compileQuery(query: string): CompiledQuery {
  const stages: string[] = [];
  const lines = query.split("\n");
  for (const line of lines.slice(1)) {
    if (line.startsWith("| ")) stages.push(line.slice(2));
    else stages[stages.length - 1] += `\n${line}`;
  }
  const steps = stages.map((s) => {
    const m = /^(where|extend)\s+([\s\S]*)$/.exec(s);
    if (!m) throw new Error(`stage not supported by the test evaluator: ${s}`);
    if (m[1] === "where") return { kind: "where" as const, node: parseKqlExpr(m[2]) };
    const eq = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([\s\S]*)$/.exec(m[2]);
    if (!eq) throw new Error(`extend not supported: ${m[2]}`);
    return { kind: "extend" as const, name: eq[1], node: parseKqlExpr(eq[2]) };
  });
  return {
    table: lines[0].trim(),
    matches(input: Row): boolean {
      const row = { ...input };
      for (const s of steps) {
        if (s.kind === "extend") row[s.name] = evalNode(s.node, row);
        else if (evalNode(s.node, row) !== true) return false;
      }
      return true;
    },
  };
}
