import { describe, expect, it } from "vitest";
import { globMatch, parseCondition } from "./parser";
import { printCondition } from "./print";

const IDS = ["a", "b", "c", "d", "selection", "selection_img", "selection_cli", "filter_main_x", "filter_optional_y", "_hidden", "notepad", "sel-dash", "1"];

describe("condition precedence via the printer", () => {
  it.each<[string, string]>([
    ["a", "a"],
    ["a or b and not c", "(a or (b and (not c)))"],
    ["a and b or c and d", "((a and b) or (c and d))"],
    ["a and b and c", "(a and b and c)"],
    ["a or b or c or d", "(a or b or c or d)"],
    ["(a and b) and (c and d)", "(a and b and c and d)"],
    ["a and (b or c)", "(a and (b or c))"],
    ["not a and b", "((not a) and b)"],
    ["not (a and b)", "(not (a and b))"],
    ["not not a", "(not (not a))"],
    ["((a))", "a"],
    ["selection and notepad", "(selection and notepad)"],
    ["notepad", "notepad"],
    ["1 of selection_*", "1 of selection_*"],
    ["any of selection_*", "1 of selection_*"],
    ["all of selection_* and not 1 of filter_*", "(all of selection_* and (not 1 of filter_*))"],
    ["not 1 of filter_* or a", "((not 1 of filter_*) or a)"],
    ["1 of them", "1 of them"],
    ["all of them", "all of them"],
    ["sel-dash or a", "(sel-dash or a)"],
    ["a\n  and b", "(a and b)"],
  ])("%j → %s", (text, printed) => {
    const r = parseCondition(text, IDS);
    expect(r.issues).toEqual([]);
    expect(printCondition(r.node!)).toBe(printed);
  });
});

describe("x of patterns resolve to identifiers", () => {
  it.each<[string, string[]]>([
    ["1 of selection*", ["selection", "selection_img", "selection_cli"]],
    ["all of filter_*", ["filter_main_x", "filter_optional_y"]],
    ["1 of them", IDS.filter((n) => n !== "_hidden")],
    ["1 of _*", ["_hidden"]],
    ["1 of *", IDS.filter((n) => n !== "_hidden")],
    ["1 of selection", ["selection"]],
  ])("%j", (text, names) => {
    const node = parseCondition(text, IDS).node!;
    expect(node.kind === "of" ? node.names : null).toEqual(names);
  });
});

describe("condition errors", () => {
  it.each<[string, string[]]>([
    ["a AND b", ["condition-syntax"]],
    ["a and", ["condition-syntax"]],
    ["(a or b", ["condition-syntax"]],
    ["a or b)", ["condition-syntax"]],
    ["a b", ["condition-syntax"]],
    ["", ["condition-syntax"]],
    ["and a", ["condition-syntax"]],
    ["1 of", ["condition-syntax"]],
    ["1 of (a)", ["condition-syntax"]],
    ["unknown", ["unknown-identifier"]],
    ["a and not missing", ["unknown-identifier"]],
    ["1 of nothing_*", ["pattern-matches-nothing"]],
    ["all of zzz", ["pattern-matches-nothing"]],
    ["a | count() by b > 5", ["deprecated-aggregation"]],
    ["a | near b", ["deprecated-aggregation"]],
  ])("%j → %j", (text, codes) => {
    expect(parseCondition(text, IDS).issues.map((i) => i.code)).toEqual(codes);
  });

  it("reports the column of the offending token", () => {
    expect(parseCondition("a and b AND c", IDS).issues[0].col).toBe(9);
  });

  it("keeps the part before an aggregation pipe", () => {
    expect(printCondition(parseCondition("a and b | count() > 5", IDS).node!)).toBe("(a and b)");
  });
});

describe("globMatch", () => {
  it.each<[string, string, boolean]>([
    ["sel*", "selection", true],
    ["sel*", "sel", true],
    ["sel*", "xsel", false],
    ["*_img", "selection_img", true],
    ["sel*img", "selection_img", true],
    ["sel*img", "selection_cli", false],
    ["a*b*c", "abc", true],
    ["a*b*c", "acb", false],
    ["a*a", "a", false],
    ["*", "", true],
    ["exact", "exact", true],
    ["exact", "exactly", false],
  ])("%j vs %j → %s", (pattern, name, expected) => {
    expect(globMatch(pattern, name)).toBe(expected);
  });
});

describe("hostile conditions", () => {
  it.each<[string, string]>([
    ["10,000 nested parentheses", `${"(".repeat(10000)}a${")".repeat(10000)}`],
    ["10,000 nots", `${"not ".repeat(10000)}a`],
  ])("%s are a syntax error, not a stack overflow", (_name, text) => {
    expect(parseCondition(text, IDS).issues.map((i) => i.code)).toEqual(["condition-syntax"]);
  });
});
