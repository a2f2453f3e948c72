import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const testdata = path.resolve(__dirname, "../testdata");

function run(...args: string[]) {
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(__dirname, "sigma-cli.ts"), ...args], { encoding: "utf8", cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("sigma CLI", () => {
  it("check --format jsonl: one line per file, paths relative to the directory, exit 1 on errors", () => {
    const r = run("check", testdata, "--format", "jsonl");
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as { path: string; ok: boolean; id: string | null; problems: { code: string }[] });
    expect(lines.map((l) => [l.path, l.ok])).toEqual([
      ["mf_admin_workstations.yml", true],
      ["mr_failed_logins_then_success.yml", true],
      ["mr_invalid.yml", false],
      ["mr_value_types.yml", true],
      ["rule_many_problems.yml", false],
    ]);
    expect(lines[1].id).toBe("5638f7c0-ac70-491d-8465-2a65075e0d86");
    expect(r.code).toBe(1);
  });

  it("check on a missing file says so and fails", () => {
    const r = run("check", "does-not-exist.yml");
    expect(r.out).toContain("unreadable-file");
    expect(r.out).toContain("no such file");
    expect(r.code).toBe(1);
  });

  it("match --format json prints one verdict per event of an array", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sigma-cli-"));
    const rule = path.join(dir, "rule.yml");
    const events = path.join(dir, "events.json");
    writeFileSync(rule, "title: t\nlogsource: {product: x}\ndetection:\n    sel: {Image|endswith: '\\\\cmd.exe'}\n    condition: sel\n");
    writeFileSync(events, JSON.stringify([{ Image: "C:\\cmd.exe" }, { Image: "x" }]));
    const r = run("match", rule, events, "--format", "json");
    expect(r.out.trim().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([
      { match: true, matched: ["sel"] },
      { match: false, matched: [] },
    ]);
    expect(r.code).toBe(0);
  });
});
