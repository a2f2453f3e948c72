import { describe, expect, it } from "vitest";
import { parseRule } from "./parse-file";
import { buildMatchExpr, printMatchExpr, simplifyExpr } from "./match-expr";
import type { MatchExpr } from "./model";

/** A rule with the given detection body (already indented by 4). */
const rule = (detection: string) => `title: t\nlogsource: {product: windows}\ndetection:\n${detection}\n`;

describe("buildMatchExpr inlines the condition", () => {
  it.each<[string, string, string]>([
    ["single selection", "    s:\n        Image|endswith: '\\cmd.exe'\n    condition: s", "Image|endswith: '\\cmd.exe'"],
    ["map is AND", "    s:\n        A: 1\n        B: x\n    condition: s", "(A|eq: 1 and B|eq: 'x')"],
    ["list of maps is OR", "    s:\n        - A: 1\n        - B: 2\n    condition: s", "(A|eq: 1 or B|eq: 2)"],
    ["value list is one leaf", "    s:\n        A:\n            - x\n            - 'y*'\n    condition: s", "A|eq: 'x', 'y*'"],
    ["mixed types split by kind", "    s:\n        A:\n            - x\n            - 5\n            - true\n            - y\n            - 6\n    condition: s", "(A|eq: 'x', 'y' or A|eq: 5, 6 or A: true)"],
    ["|all gives AND of leaves", "    s:\n        A|contains|all:\n            - x\n            - y\n    condition: s", "(A|contains: 'x' and A|contains: 'y')"],
    ["|all inside a map flattens", "    s:\n        A: 1\n        B|contains|all:\n            - x\n            - y\n    condition: s", "(A|eq: 1 and B|contains: 'x' and B|contains: 'y')"],
    ["a list mixing a map and a list matches nothing (invalid-search)", "    s:\n        - A: 1\n        - - B: 2\n    condition: s", "false"],
    ["|neq gives NOT", "    s:\n        A|neq:\n            - x\n            - y\n    condition: s", "(not A|eq: 'x', 'y')"],
    ["and chains flatten", "    a: {A: 1}\n    b: {B: 2}\n    c: {C: 3, D: 4}\n    condition: a and (b and c)", "(A|eq: 1 and B|eq: 2 and C|eq: 3 and D|eq: 4)"],
    ["or inside and", "    a: {A: 1}\n    b: {B: 2}\n    c: {C: 3}\n    condition: a and (b or c)", "(A|eq: 1 and (B|eq: 2 or C|eq: 3))"],
    ["1 of pattern is OR", "    sel_a: {A: 1}\n    sel_b: {B: 2}\n    other: {C: 3}\n    condition: 1 of sel_* and other", "((A|eq: 1 or B|eq: 2) and C|eq: 3)"],
    ["all of pattern is AND", "    sel_a: {A: 1}\n    sel_b: {B: 2}\n    condition: all of sel_*", "(A|eq: 1 and B|eq: 2)"],
    ["not 1 of filters", "    s: {A: 1}\n    filter_a: {B: 2}\n    filter_b: {C: 3}\n    condition: s and not 1 of filter_*", "(A|eq: 1 and (not (B|eq: 2 or C|eq: 3)))"],
    ["double negation folds", "    s: {A: 1}\n    condition: not not s", "A|eq: 1"],
    ["condition list is OR", "    a: {A: 1}\n    b: {B: 2}\n    condition:\n        - a\n        - b", "(A|eq: 1 or B|eq: 2)"],
    ["keywords", "    k:\n        - 'evil'\n        - 'bad*'\n    condition: k", "*|contains: 'evil', 'bad*'"],
    ["keywords |all", "    k:\n        '|all':\n            - a\n            - b\n    condition: k", "(*|contains: 'a' and *|contains: 'b')"],
    ["null, exists, cidr", "    s:\n        A: null\n        B|exists: false\n        C|cidr: 10.0.0.0/8\n    condition: s", "(A: null and B|exists: false and C|cidr: 10.0.0.0/8)"],
    ["regex with flags and contains", "    s:\n        A|re|i|contains: 'a+b'\n    condition: s", "A|re/i: '.*a+b.*'"],
    ["fieldref", "    s:\n        A|fieldref|startswith: B\n    condition: s", "A|fieldref|startswith: B"],
    ["time part with comparison", "    s:\n        T|hour|gte: 20\n    condition: s", "T|hour|gte: 20"],
    ["compare", "    s:\n        N|lt: 3\n    condition: s", "N|lt: 3"],
    ["escaped wildcard stays literal", "    s:\n        A: 'a\\*b'\n    condition: s", "A|eq: 'a\\*b'"],
    ["cased", "    s:\n        A|contains|cased: X\n    condition: s", "A|contains|cased: 'X'"],
    ["expand placeholder", "    s:\n        A|expand: '%Servers%'\n    condition: s", "A|eq: '%Servers%'"],
    ["unknown identifier is false", "    s: {A: 1}\n    condition: s or missing", "A|eq: 1"],
  ])("%s", (_name, detection, printed) => {
    const { rule: r } = parseRule(rule(detection));
    expect(printMatchExpr(buildMatchExpr(r!.detection))).toBe(printed);
  });
});

describe("simplifyExpr", () => {
  const leaf: MatchExpr = { kind: "leaf", leaf: { kind: "null", field: "F", source: { search: "s", key: "F" } } };
  const T: MatchExpr = { kind: "const", value: true };
  const F: MatchExpr = { kind: "const", value: false };
  it.each<[string, MatchExpr, string]>([
    ["and with false", { kind: "and", items: [leaf, F] }, "false"],
    ["and with true", { kind: "and", items: [leaf, T] }, "F: null"],
    ["or with true", { kind: "or", items: [leaf, T] }, "true"],
    ["or with false", { kind: "or", items: [F, leaf] }, "F: null"],
    ["empty and", { kind: "and", items: [] }, "true"],
    ["empty or", { kind: "or", items: [] }, "false"],
    ["nested or", { kind: "or", items: [leaf, { kind: "or", items: [leaf, leaf] }] }, "(F: null or F: null or F: null)"],
    ["not const", { kind: "not", item: F }, "true"],
  ])("%s", (_name, expr, printed) => {
    expect(printMatchExpr(simplifyExpr(expr))).toBe(printed);
  });
});
