import { describe, expect, it } from "vitest";
import { compileQuery } from "./kql-eval";

describe("compileQuery", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['T\n| where A =~ "x"', { A: "X" }, true],
    ['T\n| where A == "x"', { A: "X" }, false],
    ['T\n| where A in~ ("a", "b") and not(B contains "z")', { A: "B", B: "yy" }, true],
    ['T\n| where A endswith @"\\cmd.exe"', { A: "C:\\Windows\\CMD.EXE" }, true],
    ['T\n| where A matches regex "(?is)^foo.*bar$"', { A: "FOO\nxbar" }, true],
    ['T\n| where N in (1, 2)\n| where M >= 3', { N: 2, M: 3 }, true],
    ['T\n| where ipv4_is_in_any_range(IP, "10.0.0.0/8", "1.2.0.0/16")', { IP: "10.1.1.1" }, true],
    ['T\n| extend X = iff(isempty(B), A, strcat(A, @"\\", B))\n| where X =~ @"k\\v"', { A: "k", B: "v" }, true],
    ['T\n| where tostring(parse_json(F).P) startswith "a"', { F: '{"P":"abc"}' }, true],
    ['T\n| where A == "1"\n    or B == "2"', { A: "0", B: "2" }, true],
  ])("%s", (query, row, expected) => {
    expect(compileQuery(query).matches(row)).toBe(expected);
  });
});
