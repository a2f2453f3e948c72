/**
 * `npm run --silent convert -- <file|dir>... --target <sentinel-asim|defender-xdr|azure-monitor|all> [--format text|jsonl]`
 * Converts Sigma rule files to KQL. jsonl prints one line per (document, target):
 * {"path","id","target","status","table","query","issues":[{code,message}]}; `path` is relative to the argument.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSigmaFile, type ParsedDocument, type SigmaRule } from "../../sigma";
import { convertParsed } from "../convert";
import { TARGET_IDS, type TargetId } from "../target";

interface Options {
  inputs: string[];
  targets: TargetId[];
  format: "text" | "jsonl";
}

function usage(message: string): never {
  process.stderr.write(`convert: ${message}\nusage: convert <file|dir>... --target <${TARGET_IDS.join("|")}|all> [--format text|jsonl]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const inputs: string[] = [];
  let target: string | null = null;
  let format = "text";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--target" || a === "-t") target = argv[++i] ?? usage("--target needs a value");
    else if (a.startsWith("--target=")) target = a.slice(9);
    else if (a === "--format" || a === "-f") format = argv[++i] ?? usage("--format needs a value");
    else if (a.startsWith("--format=")) format = a.slice(9);
    else if (a.startsWith("-")) usage(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) usage("no input files");
  if (!target) usage("--target is required");
  if (format !== "text" && format !== "jsonl") usage(`unknown format ${format}`);
  const targets = target === "all" ? [...TARGET_IDS] : [target as TargetId];
  if (!targets.every((t) => TARGET_IDS.includes(t))) usage(`unknown target ${target}`);
  return { inputs, targets, format: format as Options["format"] };
}

/** Every .yml/.yaml file under `input` (or the file itself), with its path relative to `input`. */
function listFiles(input: string): { file: string; rel: string }[] {
  const st = statSync(input);
  if (st.isFile()) return [{ file: input, rel: path.basename(input) }];
  const out: { file: string; rel: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(entry.name)) out.push({ file: full, rel: path.relative(input, full) });
    }
  };
  walk(input);
  return out;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const docs: { rel: string; parsed: ParsedDocument }[] = [];
  let failedInputs = 0;
  for (const input of opts.inputs) {
    let files: { file: string; rel: string }[];
    try {
      files = listFiles(input);
    } catch (e) {
      process.stderr.write(`convert: ${input}: ${e instanceof Error ? e.message : String(e)}\n`);
      failedInputs++;
      continue;
    }
    for (const f of files) {
      const parsed = parseSigmaFile(readFileSync(f.file, "utf8"));
      for (const i of parsed.issues) process.stderr.write(`${f.file}:${i.line ?? 1}: ${i.code}: ${i.message}\n`);
      for (const d of parsed.documents) docs.push({ rel: f.rel, parsed: d });
    }
  }
  const byRef = new Map<string, SigmaRule>();
  for (const { parsed } of docs) {
    const d = parsed.document;
    if (d?.kind !== "rule") continue;
    if (d.id) byRef.set(d.id, d);
    if (d.name) byRef.set(d.name, d);
  }
  const ctx = { resolveRule: (ref: string) => byRef.get(ref) };
  const out: string[] = [];
  for (const { rel, parsed } of docs) {
    for (const target of opts.targets) {
      const r = convertParsed(parsed, target, ctx);
      const id = parsed.document?.id ?? null;
      if (opts.format === "jsonl") {
        out.push(JSON.stringify({ path: rel, id, target, status: r.status, table: r.table, query: r.query, issues: r.issues.map((i) => ({ code: i.code, message: i.message })) }));
      } else {
        out.push(`# ${rel}${docs.filter((d) => d.rel === rel).length > 1 ? ` [${parsed.index}]` : ""} → ${target}: ${r.status}`);
        if (r.query) out.push(r.query);
        for (const i of r.issues) out.push(`! ${i.code}: ${i.message}`);
        out.push("");
      }
    }
  }
  process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
  if (failedInputs) process.exitCode = 1;
}

main();
