/**
 * `npm run --silent sigma -- check <file|dir>... [--format text|jsonl]` validates Sigma files (one line per file,
 * exit 1 when any file has an error) and `npm run --silent sigma -- match <rule.yml> <event.json> [--format json]`
 * evaluates a rule against events (a JSON object, a JSON array or JSON lines).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ISSUE_CODES, matchEvent, parseRule, parseSigmaFile, type SigmaIssue } from "../index";

const USAGE = `usage:
  sigma check <file|dir>... [--format text|jsonl]
  sigma match <rule.yml> <event.json> [--format text|json]`;

interface Args {
  command: string;
  paths: string[];
  format: string;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  const paths: string[] = [];
  let format = "text";
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--format") format = rest[++i] ?? "";
    else if (a.startsWith("--format=")) format = a.slice("--format=".length);
    else if (a === "-h" || a === "--help") return USAGE;
    else if (a.startsWith("--")) return `unknown option ${a}\n${USAGE}`;
    else paths.push(a);
  }
  if (command === "check" && !["text", "jsonl"].includes(format)) return `--format must be text or jsonl\n${USAGE}`;
  if (command === "match" && !["text", "json"].includes(format)) return `--format must be text or json\n${USAGE}`;
  return { command: command ?? "", paths, format };
}

/** Files under a path: the file itself, or every .yml/.yaml below a directory (sorted), relative to it. */
function collect(arg: string): { file: string; rel: string }[] {
  let stat;
  try {
    stat = statSync(arg);
  } catch {
    return [{ file: arg, rel: arg }];
  }
  if (!stat.isDirectory()) return [{ file: arg, rel: path.basename(arg) }];
  const out: { file: string; rel: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push({ file: full, rel: path.relative(arg, full) });
    }
  };
  walk(arg);
  return out;
}

function readText(file: string): string | SigmaIssue {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { code: "unreadable-file", message: `cannot read ${file}: ${reason}`, severity: ISSUE_CODES["unreadable-file"].severity };
  }
}

function describeLine(rel: string, problems: SigmaIssue[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const where = (p: SigmaIssue) => (p.line ? ` ${p.line}:${p.col ?? 1}` : "");
  if (errors.length === 0 && warnings.length === 0) return `${rel}: ok`;
  const parts: string[] = [];
  if (errors.length) parts.push(`${errors.length} error${errors.length > 1 ? "s" : ""} (${errors.map((p) => `${p.code}${where(p)}: ${p.message}`).join("; ")})`);
  if (warnings.length) parts.push(`${warnings.length} warning${warnings.length > 1 ? "s" : ""} (${warnings.map((p) => `${p.code}${where(p)}`).join("; ")})`);
  return `${rel}: ${errors.length ? "" : "ok, "}${parts.join(", ")}`;
}

function check(args: Args): number {
  if (args.paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  let failed = false;
  let files = 0;
  let withErrors = 0;
  for (const arg of args.paths) {
    for (const { file, rel } of collect(arg)) {
      const text = readText(file);
      let problems: SigmaIssue[];
      let id: string | null = null;
      if (typeof text === "string") {
        const parsed = parseSigmaFile(text);
        problems = [...parsed.issues, ...parsed.documents.flatMap((d) => d.issues)];
        id = parsed.documents.find((d) => d.document?.id)?.document?.id ?? null;
      } else problems = [text];
      const ok = !problems.some((p) => p.severity === "error");
      failed ||= !ok;
      files++;
      if (!ok) withErrors++;
      if (args.format === "jsonl") {
        const slim = problems.map(({ code, message, line, col, severity }) => ({ code, message, line: line ?? null, col: col ?? null, severity }));
        console.log(JSON.stringify({ path: rel, id, ok, problems: slim }));
      } else console.log(describeLine(rel, problems));
    }
  }
  // The tally goes to stderr so stdout stays exactly one line per file.
  console.error(`${files} file${files === 1 ? "" : "s"} checked: ${files - withErrors} ok, ${withErrors} with errors`);
  return failed ? 1 : 0;
}

/** Events from a file: one JSON value (object or array of objects) or JSON lines. */
function readEvents(file: string): unknown[] | string {
  const text = readText(file);
  if (typeof text !== "string") return text.message;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  } catch (error) {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    try {
      return lines.map((l) => JSON.parse(l) as unknown);
    } catch {
      return `${file} is not JSON (an object, an array of objects or JSON lines): ${(error as Error).message}`;
    }
  }
}

function match(args: Args): number {
  if (args.paths.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const [ruleFile, eventFile] = args.paths;
  const text = readText(ruleFile);
  if (typeof text !== "string") {
    console.error(text.message);
    return 1;
  }
  const { rule, issues } = parseRule(text);
  for (const i of issues.filter((p) => p.severity === "error")) console.error(`${ruleFile}:${i.line ?? 1}:${i.col ?? 1}: ${i.code}: ${i.message}`);
  if (!rule) {
    console.error(`${ruleFile}: no detection rule found`);
    return 1;
  }
  const events = readEvents(eventFile);
  if (typeof events === "string") {
    console.error(events);
    return 1;
  }
  for (const event of events) {
    const result = matchEvent(rule, event);
    if (args.format === "json") console.log(JSON.stringify(result));
    else console.log(result.match ? `match (${result.matched.join(", ")})` : `no match${result.matched.length ? ` (true: ${result.matched.join(", ")})` : ""}`);
  }
  return 0;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    console.error(args);
    return args === USAGE ? 0 : 2;
  }
  if (args.command === "check") return check(args);
  if (args.command === "match") return match(args);
  console.error(args.command ? `unknown command ${args.command}\n${USAGE}` : USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
