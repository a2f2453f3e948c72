/**
 * Turns a source spec (a folder, a zip path, a zip URL or a git URL, as given on the command line or in
 * DETECTORY_SOURCES) into a SourceSnapshot: its identity, upstream revision and rule files.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { SourceIdentity, SourceKind, SourceSnapshot } from "../types";
import { downloadToCache } from "./download";
import { readFolderProvenance, readRuleFolder, webUrlOfRemote } from "./folder";
import { checkoutGit } from "./git";
import { readRuleZip } from "./zip";

/** SigmaHQ's repository, for "view original" links of rules that come from it. */
export const SIGMAHQ_REPO_URL = "https://github.com/SigmaHQ/sigma";
/** SigmaHQ's newest release with every rule folder. */
export const SIGMAHQ_LATEST_ZIP_URL = "https://github.com/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip";
/** Sources synced when neither the command line nor DETECTORY_SOURCES names any. */
export const DEFAULT_SOURCES = ["rules", SIGMAHQ_LATEST_ZIP_URL];

/** Decides how a spec is read: http(s) zips are downloads, other remote URLs and `*.git` paths are git. */
export function sourceKindOf(spec: string): SourceKind {
  const withoutQuery = spec.split(/[?#]/)[0];
  if (/^https?:\/\//i.test(spec)) return /\.zip$/i.test(withoutQuery) ? "url" : "git";
  if (/^(git@|git:\/\/|ssh:\/\/|file:\/\/|git\+)/i.test(spec) || /\.git\/?$/.test(spec)) return "git";
  if (/\.zip$/i.test(withoutQuery)) return "zip";
  return "folder";
}

const isSigmaHq = (text: string | null) => !!text && /github\.com[/:]SigmaHQ\/sigma(\.git)?([/#?]|$)/i.test(text);

/** The stable identity of a spec (no I/O): key, label, repository link. */
export function identifySource(spec: string): SourceIdentity {
  const kind = sourceKindOf(spec);
  const local = kind === "folder" || kind === "zip";
  const location = local ? path.relative(process.cwd(), path.resolve(spec)) || "." : spec.replace(/^git\+/, "");
  const sigmaHq = isSigmaHq(location) || (kind === "zip" && /^sigma_.*\.zip$/i.test(path.basename(location)));
  const label = sigmaHq
    ? "SigmaHQ"
    : kind === "git"
      ? location.replace(/\.git$|\/$/, "").split(/[/:]/).slice(-2).join("/")
      : kind === "url"
        ? decodeURIComponent(location.split(/[?#]/)[0].split("/").pop() || location)
        : path.basename(path.resolve(spec));
  const repoUrl = sigmaHq ? SIGMAHQ_REPO_URL : kind === "git" ? webUrlOfRemote(location) : null;
  return { key: `${kind}:${location}`, kind, location, label, repoUrl, defaultBranch: sigmaHq ? "master" : null };
}

/** SigmaHQ release tags look like r2024-09-02; the tag appears in release download URLs and asset names. */
export function releaseTagOf(text: string): string | null {
  return /\/releases\/download\/([^/]+)\//.exec(text)?.[1] ?? /\b(r\d{4}-\d{2}-\d{2}(?:-\d+)?)\b/.exec(text)?.[1] ?? null;
}

/** Options shared by the readers. */
export interface ReadSourceOptions {
  cacheDir: string;
  /** Download limits, mostly for tests. */
  headersTimeoutMs?: number;
}

/** Reads one source. Throws with a one-line reason when the source cannot be read at all. */
export async function readSource(spec: string, options: ReadSourceOptions): Promise<SourceSnapshot> {
  const identity = identifySource(spec);
  switch (identity.kind) {
    case "folder": {
      const root = path.resolve(spec);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`folder ${spec} does not exist`);
      const provenance = readFolderProvenance(root);
      const sigmaHq = isSigmaHq(provenance.repoUrl);
      return {
        ...identity,
        label: sigmaHq ? "SigmaHQ" : identity.label,
        repoUrl: provenance.repoUrl ?? identity.repoUrl,
        defaultBranch: sigmaHq ? "master" : identity.defaultBranch,
        revision: provenance.revision,
        files: readRuleFolder(root),
        warnings: [],
      };
    }
    case "zip": {
      const file = path.resolve(spec);
      if (!existsSync(file)) throw new Error(`zip ${spec} does not exist`);
      const files = readRuleZip(readFileSync(file));
      return { ...identity, revision: releaseTagOf(path.basename(file)), files, warnings: [] };
    }
    case "url": {
      const download = await downloadToCache(spec, { cacheDir: options.cacheDir, headersTimeoutMs: options.headersTimeoutMs });
      const files = readRuleZip(download.bytes);
      return {
        ...identity,
        revision: releaseTagOf(download.finalUrl) ?? releaseTagOf(spec),
        files,
        warnings: download.warning ? [download.warning] : [],
      };
    }
    case "git": {
      const checkout = await checkoutGit(identity.location, options.cacheDir);
      return {
        ...identity,
        revision: checkout.revision,
        defaultBranch: checkout.defaultBranch ?? identity.defaultBranch,
        files: readRuleFolder(checkout.dir),
        warnings: checkout.warning ? [checkout.warning] : [],
      };
    }
  }
}
