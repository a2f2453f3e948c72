import { describe, expect, it } from "vitest";
import type { MatchExpr } from "../../sigma/model";
import { describeExpr, listValues } from "./describe-match";
import { and, or, str, strAll } from "./test-fixtures";

describe("listValues", () => {
  it.each([
    [["a"], "or", '"a"'],
    [["a", "b"], "or", '"a" or "b"'],
    [["a", "b", "c"], "and", '"a", "b" and "c"'],
    [["a", "b", "c", "d", "e"], "or", '"a", "b", "c" or 2 more'],
    [[], "or", "(no value)"],
  ] as const)("%j joined with %s", (values, joiner, expected) => {
    expect(listValues([...values], joiner)).toBe(expected);
  });
});

describe("describeExpr", () => {
  const cases: [string, MatchExpr, string][] = [
    ["one endswith value", str("Image", "endswith", ["\\restic.exe"]), 'Image ends with "\\restic.exe"'],
    ["contains list", str("CommandLine", "contains", ["sftp:", "rest:http"]), 'CommandLine contains any of "sftp:" or "rest:http"'],
    ["contains|all merged", strAll("CommandLine", "contains", ["init", " -r "]), 'CommandLine contains all of "init" and " -r "'],
    ["keywords", str(null, "contains", ["mimikatz"]), 'the event mentions "mimikatz"'],
    [
      "and of two fields",
      and(str("Image", "endswith", ["\\a.exe"]), str("CommandLine", "contains", ["x"])),
      'Image ends with "\\a.exe" and CommandLine contains "x"',
    ],
    [
      "or of compound items",
      or(strAll("CommandLine", "contains", ["a", "b"]), strAll("CommandLine", "contains", ["c", "d"])),
      'CommandLine contains all of "a" and "b"; or CommandLine contains all of "c" and "d"',
    ],
    [
      "five leaves cut to three",
      and(...["A", "B", "C", "D", "E"].map((f) => str(f, "eq", ["1"]))),
      'A is "1", B is "1", C is "1" and 2 more conditions',
    ],
    [
      "and of a list and an all-list binds tighter than or",
      and(str("CommandLine", "contains", ["sftp:", "s3:"]), strAll("CommandLine", "contains", [" init ", " -r "])),
      'CommandLine contains any of "sftp:" or "s3:", and CommandLine contains all of " init " and " -r "',
    ],
    ["not", { kind: "not", item: str("User", "eq", ["SYSTEM"]) }, 'not (User is "SYSTEM")'],
  ];
  it.each(cases)("%s", (_name, expr, expected) => {
    expect(describeExpr(expr)).toBe(expected);
  });
});
