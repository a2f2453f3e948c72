/**
 * Reads a git repository of Sigma rules: a shallow clone into the cache folder on the first sync, a shallow
 * fetch + hard reset of the working copy on later ones. The revision is the checked-out commit.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A checked-out repository. */
export interface GitCheckout {
  dir: string;
  revision: string;
  defaultBranch: string | null;
  /** Set when the fetch failed and the previous checkout was used. */
  warning: string | null;
}

async function git(args: string[], cwd?: string, timeoutMs = 300_000): Promise<string> {
  const { stdout } = await run("git", args, {
    cwd,
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
    // Never prompt for credentials: a sync must not hang waiting for a password.
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "echo" },
  });
  return stdout.trim();
}

function gitErrorText(error: unknown): string {
  const e = error as { stderr?: string; message?: string };
  const line = (e.stderr ?? "").split("\n").find((l) => /fatal|error/i.test(l)) ?? e.message ?? String(error);
  return line.replace(/^fatal:\s*/i, "").trim();
}

/** Clones or updates `url` under `<cacheDir>/git/` and returns the working copy. Throws with git's reason. */
export async function checkoutGit(url: string, cacheDir: string): Promise<GitCheckout> {
  const slug = url.replace(/\.git$/, "").split(/[/:]/).filter(Boolean).slice(-2).join("-").replace(/[^\w.-]/g, "_");
  const dir = path.join(cacheDir, "git", `${slug}-${createHash("sha256").update(url).digest("hex").slice(0, 8)}`);
  let warning: string | null = null;
  if (existsSync(path.join(dir, ".git"))) {
    try {
      await git(["fetch", "--depth", "1", "--quiet", "origin", "HEAD"], dir);
      await git(["reset", "--hard", "--quiet", "FETCH_HEAD"], dir);
    } catch (error) {
      warning = `git fetch of ${url} failed (${gitErrorText(error)}); using the previous checkout`;
    }
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    try {
      await git(["clone", "--depth", "1", "--quiet", "--no-tags", url, dir]);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`git clone of ${url} failed: ${gitErrorText(error)}`);
    }
  }
  const revision = await git(["rev-parse", "HEAD"], dir);
  let defaultBranch: string | null = null;
  try {
    defaultBranch = (await git(["symbolic-ref", "--short", "refs/remotes/origin/HEAD"], dir)).replace(/^origin\//, "") || null;
  } catch {
    defaultBranch = (await git(["rev-parse", "--abbrev-ref", "HEAD"], dir).catch(() => "")) || null;
  }
  if (defaultBranch === "HEAD") defaultBranch = null;
  return { dir, revision, defaultBranch, warning };
}
