/**
 * Reads a local folder of Sigma YAML: every `.yml`/`.yaml` file below it, skipping hidden folders and
 * node_modules. A folder can say which upstream commit it mirrors through a `SNAPSHOT.md` ("Commit: <sha>"
 * and "Source repository: <url>") or its own `.git`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MAX_RULE_FILE_BYTES, type SourceFile } from "../types";

const RULE_EXTENSIONS = new Set([".yml", ".yaml"]);

/** Lists and reads the rule files under `root`, sorted by path (the order decides which duplicate id loses). */
export function readRuleFolder(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string, rel: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(abs, relPath);
      else if (entry.isFile() && RULE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        const size = statSync(abs).size;
        files.push({ path: relPath, size, bytes: size > MAX_RULE_FILE_BYTES ? null : readFileSync(abs) });
      }
    }
  };
  walk(root, "");
  return files;
}

/** Upstream facts a folder states about itself. */
export interface FolderProvenance {
  repoUrl: string | null;
  revision: string | null;
}

/** Reads `SNAPSHOT.md` (commit + repository lines) or the folder's git HEAD/origin, when present. */
export function readFolderProvenance(root: string): FolderProvenance {
  const snapshot = path.join(root, "SNAPSHOT.md");
  if (existsSync(snapshot)) {
    const text = readFileSync(snapshot, "utf8");
    const commit = /commit:?\**\s*`?([0-9a-f]{7,40})\b/i.exec(text)?.[1] ?? null;
    const repo = /(https:\/\/github\.com\/[\w.-]+\/[\w.-]+?)(?:\.git)?[\s)`]/i.exec(text)?.[1] ?? null;
    if (commit || repo) return { repoUrl: repo, revision: commit };
  }
  if (existsSync(path.join(root, ".git"))) {
    const git = (...args: string[]) => {
      try {
        return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
      } catch {
        return null;
      }
    };
    return { revision: git("rev-parse", "HEAD"), repoUrl: webUrlOfRemote(git("remote", "get-url", "origin")) };
  }
  return { repoUrl: null, revision: null };
}

/** The browsable https URL of a git remote (GitHub/GitLab style), or null for local/unknown remotes. */
export function webUrlOfRemote(remote: string | null): string | null {
  if (!remote) return null;
  const ssh = /^git@([^:]+):(.+?)(?:\.git)?$/.exec(remote);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const https = /^https?:\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote);
  return https ? `https://${https[1]}/${https[2]}` : null;
}
