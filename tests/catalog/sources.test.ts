import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadToCache } from "@/lib/catalog/sync/sources/download";
import { readFolderProvenance, readRuleFolder, webUrlOfRemote } from "@/lib/catalog/sync/sources/folder";
import { checkoutGit } from "@/lib/catalog/sync/sources/git";
import { identifySource, readSource, releaseTagOf, sourceKindOf } from "@/lib/catalog/sync/sources/read-source";
import { readRuleZip } from "@/lib/catalog/sync/sources/zip";
import { MAX_RULE_FILE_BYTES } from "@/lib/catalog/sync/types";

const tmp = mkdtempSync(path.join(tmpdir(), "detectory-sources-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const enc = (s: string) => new TextEncoder().encode(s);

function writeTree(root: string, files: Record<string, string | Uint8Array>) {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
}

describe("sourceKindOf", () => {
  it.each([
    ["rules", "folder"],
    ["../shared/sigma", "folder"],
    ["downloads/sigma_all_rules.zip", "zip"],
    ["https://github.com/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip", "url"],
    ["http://127.0.0.1:8080/rules.zip?x=1", "url"],
    ["https://github.com/SigmaHQ/sigma", "git"],
    ["https://github.com/SigmaHQ/sigma.git", "git"],
    ["git@github.com:SigmaHQ/sigma.git", "git"],
    ["file:///tmp/repo.git", "git"],
    ["/tmp/bare.git", "git"],
  ])("%s is read as %s", (spec, kind) => {
    expect(sourceKindOf(spec)).toBe(kind);
  });
});

describe("identifySource", () => {
  it.each([
    ["rules", "folder:rules", null, "rules"],
    ["https://github.com/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip", "url:https://github.com/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip", "https://github.com/SigmaHQ/sigma", "SigmaHQ"],
    ["https://github.com/SigmaHQ/sigma.git", "git:https://github.com/SigmaHQ/sigma.git", "https://github.com/SigmaHQ/sigma", "SigmaHQ"],
    ["https://gitlab.example.com/team/detections.git", "git:https://gitlab.example.com/team/detections.git", "https://gitlab.example.com/team/detections", "team/detections"],
  ])("%s", (spec, key, repoUrl, label) => {
    const id = identifySource(spec);
    expect({ key: id.key, repoUrl: id.repoUrl, label: id.label }).toEqual({ key, repoUrl, label });
  });
});

describe("releaseTagOf / webUrlOfRemote", () => {
  it.each([
    ["https://github.com/SigmaHQ/sigma/releases/download/r2024-09-02/sigma_all_rules.zip", "r2024-09-02"],
    ["sigma_all_rules-r2025-01-13.zip", "r2025-01-13"],
    ["sigma_all_rules.zip", null],
  ])("release tag of %s", (text, tag) => expect(releaseTagOf(text)).toBe(tag));
  it.each([
    ["git@github.com:SigmaHQ/sigma.git", "https://github.com/SigmaHQ/sigma"],
    ["https://token@github.com/SigmaHQ/sigma.git", "https://github.com/SigmaHQ/sigma"],
    ["/srv/git/rules.git", null],
  ])("web URL of remote %s", (remote, url) => expect(webUrlOfRemote(remote)).toBe(url));
});

describe("readRuleFolder", () => {
  const root = path.join(tmp, "folder");
  writeTree(root, {
    "b/rule_b.yml": "title: b\n",
    "a/rule_a.yaml": "title: a\n",
    "a/notes.md": "# not a rule\n",
    ".github/workflow.yml": "on: push\n",
    "node_modules/pkg/x.yml": "title: x\n",
    "big.yml": new Uint8Array(MAX_RULE_FILE_BYTES + 1),
  });

  it("lists .yml/.yaml files sorted by path, skipping hidden folders, node_modules and other extensions", () => {
    expect(readRuleFolder(root).map((f) => f.path)).toEqual(["a/rule_a.yaml", "b/rule_b.yml", "big.yml"]);
  });

  it("does not read files over the size limit", () => {
    const big = readRuleFolder(root).find((f) => f.path === "big.yml")!;
    expect(big).toMatchObject({ size: MAX_RULE_FILE_BYTES + 1, bytes: null });
  });

  it("reads the upstream commit and repository from SNAPSHOT.md", () => {
    writeFileSync(path.join(root, "SNAPSHOT.md"), "- Source repository: https://github.com/SigmaHQ/sigma\n- Commit: 8eaafff1f2845a696050e05e72ba1140ee190698 (committed …)\n");
    expect(readFolderProvenance(root)).toEqual({ repoUrl: "https://github.com/SigmaHQ/sigma", revision: "8eaafff1f2845a696050e05e72ba1140ee190698" });
  });
});

describe("readRuleZip", () => {
  it("keeps SigmaHQ's rules* folders as the path root", () => {
    const zip = zipSync({ "rules/windows/a.yml": enc("title: a\n"), "deprecated/b.yml": enc("title: b\n"), "README.md": enc("x") });
    expect(readRuleZip(zip).map((f) => f.path)).toEqual(["deprecated/b.yml", "rules/windows/a.yml"]);
  });

  it("drops a single wrapper folder", () => {
    const zip = zipSync({ "sigma-r2024-09-02/rules/a.yml": enc("title: a\n"), "sigma-r2024-09-02/rules-emerging-threats/b.yml": enc("title: b\n") });
    expect(readRuleZip(zip).map((f) => f.path)).toEqual(["rules-emerging-threats/b.yml", "rules/a.yml"]);
  });

  it("lists an oversized entry without inflating it", () => {
    const zip = zipSync({ "rules/huge.yml": new Uint8Array(MAX_RULE_FILE_BYTES + 10), "rules/ok.yml": enc("title: ok\n") });
    const files = readRuleZip(zip);
    expect(files.find((f) => f.path === "rules/huge.yml")).toMatchObject({ bytes: null, size: MAX_RULE_FILE_BYTES + 10 });
    expect(files.find((f) => f.path === "rules/ok.yml")?.bytes).not.toBeNull();
  });

  it("inflates an entry that lies about its size (zip bomb) only up to the size it declares", () => {
    const zip = zipSync({ "rules/bomb.yml": new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 100, true); // local header: uncompressed size
      if (signature === 0x02014b50) view.setUint32(i + 24, 100, true); // central directory: uncompressed size
    }
    expect(readRuleZip(zip).map((f) => [f.path, f.bytes?.length])).toEqual([["rules/bomb.yml", 100]]);
  });

  it("rejects bytes that are not a zip with a clear message", () => {
    expect(() => readRuleZip(enc("this is not a zip"))).toThrow(/not a readable zip archive/);
  });
});

describe("downloadToCache", () => {
  let server: Server;
  let base = "";
  let requests = 0;
  const body = zipSync({ "rules/a.yml": enc("title: a\n") });
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      if (req.url === "/big.zip") {
        res.writeHead(200, { "content-length": String(10_000) });
        res.end(Buffer.alloc(10_000));
      } else if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304).end();
      } else if (req.url === "/missing.zip") {
        res.writeHead(404).end();
      } else {
        res.writeHead(200, { etag: '"v1"', "content-type": "application/zip" });
        res.end(Buffer.from(body));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const cacheDir = path.join(tmp, "cache");

  it("downloads, then revalidates with the ETag", async () => {
    const first = await downloadToCache(`${base}/rules.zip`, { cacheDir });
    expect(first).toMatchObject({ fromCache: false, warning: null });
    expect(Buffer.from(first.bytes).equals(Buffer.from(body))).toBe(true);
    const second = await downloadToCache(`${base}/rules.zip`, { cacheDir });
    expect(second).toMatchObject({ fromCache: true, warning: null });
  });

  it("uses the cached copy, with a warning, when the server has gone away", async () => {
    const once = createServer((_req, res) => res.writeHead(200).end(Buffer.from(body)));
    await new Promise<void>((resolve) => once.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(once.address() as AddressInfo).port}/sigma_all_rules.zip`;
    await downloadToCache(url, { cacheDir });
    await new Promise<void>((resolve) => once.close(() => resolve()));
    const offline = await downloadToCache(url, { cacheDir });
    expect(offline.fromCache).toBe(true);
    expect(offline.warning).toMatch(/^download of http:\/\/127\.0\.0\.1:\d+\/sigma_all_rules\.zip failed \(ECONNREFUSED.*\); using the copy cached on \d{4}-\d{2}-\d{2}$/);
  });

  it("fails with the network reason when nothing is cached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(downloadToCache(`http://127.0.0.1:${port}/rules.zip`, { cacheDir })).rejects.toThrow(/^download failed: ECONNREFUSED/);
  });

  it("fails fast, saying so, when the host name does not resolve (offline)", async () => {
    await expect(downloadToCache("https://detectory.invalid/sigma_all_rules.zip", { cacheDir })).rejects.toThrow(/^download failed: host not found \((ENOTFOUND|EAI_AGAIN); offline\?\)$/);
  });

  it("reports HTTP errors and the size cap", async () => {
    await expect(downloadToCache(`${base}/missing.zip`, { cacheDir })).rejects.toThrow(/HTTP 404/);
    await expect(downloadToCache(`${base}/big.zip`, { cacheDir, maxBytes: 1000 })).rejects.toThrow(/more than the 1000-byte limit/);
  });

  it("reads a zip URL as a source with its files", async () => {
    const snapshot = await readSource(`${base}/sigma_all_rules.zip`, { cacheDir });
    expect(snapshot.kind).toBe("url");
    expect(snapshot.files.map((f) => f.path)).toEqual(["rules/a.yml"]);
    expect(requests).toBeGreaterThan(0);
  });
});

describe("checkoutGit", () => {
  const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" }).trim();
  const work = path.join(tmp, "git-work");
  const bare = path.join(tmp, "remote.git");
  const commit = (files: Record<string, string>, message: string) => {
    writeTree(work, files);
    git(work, "add", "-A");
    git(work, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message);
    git(work, "push", "-q", "origin", "HEAD:main");
    return git(work, "rev-parse", "HEAD");
  };
  beforeAll(() => {
    mkdirSync(work, { recursive: true });
    git(tmp, "init", "-q", "--bare", "-b", "main", bare);
    git(work, "init", "-q", "-b", "main");
    git(work, "remote", "add", "origin", bare);
  });

  it("clones on the first sync and fetches the new commit on the next", async () => {
    const first = commit({ "rules/a.yml": "title: a\n" }, "first");
    const cacheDir = path.join(tmp, "git-cache");
    const one = await checkoutGit(`file://${bare}`, cacheDir);
    expect(one.revision).toBe(first);
    expect(readRuleFolder(one.dir).map((f) => f.path)).toEqual(["rules/a.yml"]);
    const second = commit({ "rules/b.yml": "title: b\n" }, "second");
    const snapshot = await readSource(`file://${bare}`, { cacheDir });
    expect(snapshot).toMatchObject({ kind: "git", revision: second, warnings: [] });
    expect(snapshot.files.map((f) => f.path)).toEqual(["rules/a.yml", "rules/b.yml"]);
  });

  it("fails with git's reason when the repository does not exist", async () => {
    await expect(checkoutGit(`file://${tmp}/nope.git`, path.join(tmp, "git-cache"))).rejects.toThrow(/git clone of .*nope\.git failed: .*(does not appear|not found|repository)/i);
  });
});
