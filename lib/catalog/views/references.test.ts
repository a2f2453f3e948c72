import { describe, expect, it } from "vitest";
import { buildOrigin, isPinnableRevision, toReference } from "./references";

describe("toReference", () => {
  it.each([
    ["https://restic.net/", "https://restic.net/"],
    ["http://example.com/a b", null],
    ["javascript:alert(1)", null],
    ["Internal research", null],
    ["ftp://example.com/x", null],
  ])("%s", (text, href) => expect(toReference(text).href).toBe(href));
});

describe("isPinnableRevision", () => {
  it.each([
    ["8eaafff1f2845a696050e05e72ba1140ee190698", true],
    ["r2024-09-02", true],
    ["sha256:abc", false],
    [null, false],
  ])("%s", (rev, ok) => expect(isPinnableRevision(rev)).toBe(ok));
});

describe("buildOrigin", () => {
  it.each([
    [
      "SigmaHQ at a commit",
      { repoUrl: "https://github.com/SigmaHQ/sigma", revision: "8eaafff1f2845a696050e05e72ba1140ee190698", defaultBranch: "master" },
      {
        pinnedUrl: "https://github.com/SigmaHQ/sigma/blob/8eaafff1f2845a696050e05e72ba1140ee190698/rules/windows/a.yml",
        branchUrl: "https://github.com/SigmaHQ/sigma/blob/master/rules/windows/a.yml",
        ruleSetUrl: "https://github.com/SigmaHQ/sigma",
      },
    ],
    [
      "SigmaHQ with a folder digest",
      { repoUrl: "https://github.com/SigmaHQ/sigma.git", revision: "sha256:ff", defaultBranch: null },
      { pinnedUrl: null, branchUrl: "https://github.com/SigmaHQ/sigma/blob/master/rules/windows/a.yml", ruleSetUrl: "https://github.com/SigmaHQ/sigma" },
    ],
    ["own folder", { repoUrl: null, revision: "sha256:ff", defaultBranch: null }, { pinnedUrl: null, branchUrl: null, ruleSetUrl: null }],
  ])("%s", (_name, input, expected) => {
    const o = buildOrigin({ sourceKey: "k", sourceLabel: "L", path: "rules/windows/a.yml", retrievedAt: null, ...input });
    expect({ pinnedUrl: o.pinnedUrl, branchUrl: o.branchUrl, ruleSetUrl: o.ruleSetUrl }).toEqual(expected);
  });
});
