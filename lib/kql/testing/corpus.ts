/**
 * Test helper: loads the SigmaHQ snapshot in ../shared/sigma (env DETECTORY_SHARED) once, parsed, for corpus-wide
 * conversion tests and the benchmark. Non-deprecated = outside `deprecated/` and not `status: deprecated`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSigmaFile, type ParsedDocument } from "../../sigma";

/** The shared data folder. */
export const SHARED_DIR = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
/** The SigmaHQ snapshot folder. */
export const SIGMA_DIR = path.join(SHARED_DIR, "sigma");

/** One corpus file: its path under the snapshot, text and parsed documents. */
export interface CorpusFile {
  rel: string;
  text: string;
  documents: ParsedDocument[];
  deprecated: boolean;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.name.endsWith(".yml")) out.push(full);
  }
}

/** True when the snapshot is present. */
export function corpusAvailable(): boolean {
  return existsSync(SIGMA_DIR);
}

let cache: CorpusFile[] | null = null;

/** Every rule file of the snapshot, sorted by path, parsed. */
export function loadCorpus(): CorpusFile[] {
  if (cache) return cache;
  const files: string[] = [];
  walk(SIGMA_DIR, files);
  files.sort();
  cache = files.map((f) => {
    const rel = path.relative(SIGMA_DIR, f);
    const text = readFileSync(f, "utf8");
    const documents = parseSigmaFile(text).documents;
    const deprecated = rel.startsWith("deprecated") || documents.some((d) => d.document?.status === "deprecated");
    return { rel, text, documents, deprecated };
  });
  return cache;
}
