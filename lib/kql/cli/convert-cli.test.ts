/** The convert CLI, run as a process on the golden inputs. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const INPUT = path.join(ROOT, "lib/kql/testdata/defender-xdr");

function run(...args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "lib/kql/cli/convert-cli.ts", ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("convert CLI", () => {
  it("prints one jsonl line per (document, target) with paths relative to the argument", () => {
    const lines = run(path.join(INPUT, "in-list.yml"), path.join(INPUT, "regex-lookahead.yml"), "--target", "all", "--format", "jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    const xdr = lines.find((l) => l.path === "in-list.yml" && l.target === "defender-xdr");
    expect(xdr).toMatchObject({ status: "converted", table: "DeviceProcessEvents", issues: [] });
    expect(xdr.query).toContain("in~");
    const none = lines.find((l) => l.path === "regex-lookahead.yml" && l.target === "defender-xdr");
    expect(none).toMatchObject({ status: "unsupported", query: null });
    expect(none.issues[0].code).toBe("regex-not-re2");
  });

  it("prints queries and issues as text", () => {
    const out = run(path.join(INPUT, "regex-lookahead.yml"), path.join(INPUT, "in-list.yml"), "--target", "defender-xdr");
    expect(out).toContain("regex-lookahead.yml → defender-xdr: unsupported");
    expect(out).toContain("! regex-not-re2");
    expect(out).toContain("DeviceProcessEvents");
  });
});
