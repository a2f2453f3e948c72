/**
 * Reads Sigma rules from a zip in the layout of SigmaHQ's release assets (sigma_all_rules.zip, sigma_core.zip…:
 * `rules/…`, `rules-emerging-threats/…`, `deprecated/…`). Entries are size-checked from the central directory
 * before inflating, so a zip bomb or a huge entry costs nothing.
 */
import { unzipSync } from "fflate";
import { MAX_RULE_FILE_BYTES, type SourceFile } from "../types";

/** Most entries a rule zip may hold (SigmaHQ's full release has ~4,000). */
export const MAX_ZIP_ENTRIES = 100_000;
/** Most bytes all rule entries of one zip may inflate to. */
export const MAX_ZIP_INFLATED_BYTES = 512 * 1024 * 1024;

const RULE_ENTRY = /\.ya?ml$/i;

/** Lists and inflates the rule files of a zip; throws (with a clear message) only when the archive is unusable. */
export function readRuleZip(data: Uint8Array): SourceFile[] {
  const tooLarge: SourceFile[] = [];
  let entries = 0;
  let inflated = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(data, {
      filter(file) {
        if (file.name.endsWith("/") || !RULE_ENTRY.test(file.name) || isHidden(file.name)) return false;
        if (++entries > MAX_ZIP_ENTRIES) throw new Error(`more than ${MAX_ZIP_ENTRIES} rule entries`);
        if (file.originalSize > MAX_RULE_FILE_BYTES) {
          tooLarge.push({ path: file.name, size: file.originalSize, bytes: null });
          return false;
        }
        inflated += file.originalSize;
        if (inflated > MAX_ZIP_INFLATED_BYTES) throw new Error(`rule entries inflate to more than ${MAX_ZIP_INFLATED_BYTES} bytes`);
        return true;
      },
    });
  } catch (error) {
    throw new Error(`not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`);
  }
  const files = [...Object.entries(unzipped).map(([name, bytes]) => ({ path: name, size: bytes.length, bytes })), ...tooLarge];
  const prefix = commonWrapperFolder(files.map((f) => f.path));
  return files
    .map((f) => ({ ...f, path: f.path.slice(prefix.length) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function isHidden(name: string): boolean {
  return name.split("/").some((part) => part.startsWith(".") || part === "node_modules" || part === "__MACOSX");
}

/**
 * A single top folder wrapping everything (e.g. `sigma-r2024-09-02/`) is dropped so paths match the repository;
 * SigmaHQ's own `rules*`/`deprecated` folders are kept.
 */
function commonWrapperFolder(paths: string[]): string {
  if (!paths.length) return "";
  const first = paths[0].split("/")[0];
  if (/^(rules|deprecated)/.test(first) || !paths.every((p) => p.startsWith(`${first}/`))) return "";
  return `${first}/`;
}
