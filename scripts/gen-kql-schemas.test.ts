import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const shared = process.env.DETECTORY_SHARED ?? path.resolve(process.cwd(), "../shared");
const haveShared = existsSync(path.join(shared, "kql-schemas"));

describe("gen-kql-schemas", () => {
  it.skipIf(!haveShared)("committed schema.generated.ts files match ../shared/kql-schemas (skipped when ../shared is absent)", () => {
    const run = () => execFileSync(process.execPath, ["scripts/gen-kql-schemas.mjs", "--check"], { encoding: "utf8", stdio: "pipe" });
    expect(run).not.toThrow();
    expect(run()).toMatch(/sentinel-asim\/schema\.generated\.ts: up to date/);
  });
});
