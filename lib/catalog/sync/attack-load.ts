/**
 * Loads an ATT&CK STIX bundle (plain JSON or gzip) from a path or URL, with its digest and the ATT&CK release
 * it holds. mitre/cti's STIX 2.0 bundles do not state their release, so the version comes from the file name or
 * URL (`…-v19.1…`, `/ATT&CK-v19.1/`), else from a compact `enterprise-attack.json` next to the file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { downloadToCache } from "./sources/download";

/** MITRE's current Enterprise ATT&CK bundle (used when neither --attack nor DETECTORY_ATTACK is given). */
export const DEFAULT_ATTACK_URL = "https://raw.githubusercontent.com/mitre/cti/master/enterprise-attack/enterprise-attack.json";

/** A located bundle: its digest, and its JSON text on demand (a 35 MB string is only built when needed). */
export interface LoadedAttackBundle {
  location: string;
  /** SHA-256 of the JSON text (the same for the .gz and the plain file). */
  digest: string;
  readJson: () => string;
  /** ATT&CK release named by the file name, URL or a sibling compact file; null when nothing says. */
  versionHint: string | null;
  warning: string | null;
}

/** The release number a path or URL names, e.g. `v19.1` in `enterprise-attack-v19.1.json` or `ATT%26CK-v19.1`. */
export function attackVersionFromName(name: string): string | null {
  return /(?:^|[^\d.])v?(\d{1,2}\.\d{1,2})(?:[^\d]|$)/i.exec(decodeURIComponent(path.basename(name.split("?")[0])))?.[1] ?? /ATT(?:&|%26)CK-v(\d{1,2}\.\d{1,2})/i.exec(name)?.[1] ?? null;
}

function siblingCompactVersion(file: string): string | null {
  const sibling = path.join(path.dirname(file), "enterprise-attack.json");
  if (sibling === file || !existsSync(sibling)) return null;
  try {
    // Only the head is needed: the compact file states {"domain", "name", "version": {"attack": …}} first.
    const head = readFileSync(sibling, "utf8").slice(0, 4096);
    return /"attack"\s*:\s*"(\d+\.\d+)"/.exec(head)?.[1] ?? null;
  } catch {
    return null;
  }
}

function decode(bytes: Uint8Array, location: string): string {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: 512 * 1024 * 1024 }) : Buffer.from(bytes);
  const text = raw.toString("utf8");
  if (!text.trimStart().startsWith("{")) throw new Error(`${location} is not a JSON STIX bundle`);
  return text;
}

const digestOf = (json: string) => createHash("sha256").update(json).digest("hex");

/**
 * The digest of a local bundle, remembered per (path, size, mtime) in the cache folder so an unchanged re-sync
 * does not inflate and hash 35 MB again.
 */
function localDigest(file: string, cacheDir: string, location: string): string {
  const stat = statSync(file);
  const key = `${file}\t${stat.size}\t${stat.mtimeMs}`;
  const memoFile = path.join(cacheDir, "attack-digests.json");
  let memo: Record<string, string> = {};
  try {
    memo = JSON.parse(readFileSync(memoFile, "utf8")) as Record<string, string>;
  } catch {
    memo = {};
  }
  if (memo[key]) return memo[key];
  const digest = digestOf(decode(readFileSync(file), location));
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(memoFile, JSON.stringify({ ...Object.fromEntries(Object.entries(memo).filter(([k]) => !k.startsWith(`${file}\t`))), [key]: digest }));
  } catch {
    // A read-only cache only costs the re-hash next time.
  }
  return digest;
}

/** Locates the bundle and computes its digest; throws with a one-line reason when it cannot be read. */
export async function loadAttackBundle(location: string, cacheDir: string): Promise<LoadedAttackBundle> {
  let versionHint = attackVersionFromName(location);
  if (/^https?:\/\//i.test(location)) {
    const download = await downloadToCache(location, { cacheDir, headersTimeoutMs: 15_000, maxBytes: 512 * 1024 * 1024 }).catch((error: Error) => {
      throw new Error(`${location}: ${error.message}`);
    });
    versionHint ??= attackVersionFromName(download.finalUrl);
    const json = decode(download.bytes, location);
    return { location, digest: digestOf(json), readJson: () => json, versionHint, warning: download.warning };
  }
  const file = path.resolve(location);
  if (!existsSync(file)) throw new Error(`ATT&CK bundle ${location} does not exist`);
  versionHint ??= siblingCompactVersion(file);
  const digest = localDigest(file, cacheDir, location);
  return { location, digest, readJson: () => decode(readFileSync(file), location), versionHint, warning: null };
}
