import { describe, expect, it } from "vitest";
import { KustoValidator } from "./kusto-validator";

const validator = new KustoValidator({ T: { A: "string", N: "long", ["x-y"]: "string" } });

describe("KustoValidator", () => {
  it.each<[string, string[]]>([
    ['T\n| where A =~ "x" and N > 3', []],
    ["T\n| where ['x-y'] contains @\"a\\b\"", []],
    ['T\n| where B =~ "x"', ["KS142"]],
    ['U\n| where A =~ "x"', ["KS204"]],
    ["T\n| where A contains", ["KS006"]],
    ['T\n| where A in~ ((_GetWatchlist("admins") | project SearchKey))', []],
    ['T\n| where A in~ ((_GetWatchlist("admins") | project Nope))', ["KS142"]],
    ['T\n| where N in~ ((_GetWatchlist("admins") | project SearchKey))', ["KS107"]],
  ])("%s", (query, codes) => {
    expect(validator.errors(query).map((e) => e.code)).toEqual(codes);
  });
});
