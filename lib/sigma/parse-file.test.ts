import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRule, parseSigmaFile } from "./parse-file";

const FULL = `title: Full rule
id: 929a690e-bef0-4204-a928-ef5e620d6fcc
name: full_rule
related:
    - id: 5638f7c0-ac70-491d-8465-2a65075e0d86
      type: derived
taxonomy: sigma
status: test
description: Everything the spec defines
license: DRL-1.1
author: A, B
references:
    - https://example.org/a
date: 2024-01-02
modified: 2024/03/04
logsource:
    category: process_creation
    product: windows
    service: sysmon
    definition: 'Requirements: Sysmon'
    custom_key: extra
detection:
    selection:
        Image|endswith: '\\cmd.exe'
    condition: selection
fields:
    - CommandLine
falsepositives:
    - Admins
level: high
tags:
    - attack.execution
    - attack.t1059.003
scope:
    - server
x_custom: 7
`;

describe("parseRule reads every attribute", () => {
  const { rule, issues } = parseRule(FULL);
  it.each<[string, unknown]>([
    ["title", "Full rule"],
    ["id", "929a690e-bef0-4204-a928-ef5e620d6fcc"],
    ["name", "full_rule"],
    ["related", [{ id: "5638f7c0-ac70-491d-8465-2a65075e0d86", type: "derived" }]],
    ["taxonomy", "sigma"],
    ["status", "test"],
    ["description", "Everything the spec defines"],
    ["license", "DRL-1.1"],
    ["author", "A, B"],
    ["references", ["https://example.org/a"]],
    ["date", "2024-01-02"],
    ["modified", "2024-03-04"],
    ["logsource", { category: "process_creation", product: "windows", service: "sysmon", definition: "Requirements: Sysmon", custom: { custom_key: "extra" } }],
    ["fields", ["CommandLine"]],
    ["falsepositives", ["Admins"]],
    ["level", "high"],
    ["tags", ["attack.execution", "attack.t1059.003"]],
    ["scope", ["server"]],
    ["custom", { x_custom: 7 }],
    ["line", 1],
    ["kind", "rule"],
  ])("%s", (key, value) => {
    expect((rule as unknown as Record<string, unknown>)[key]).toEqual(value);
  });
  it("only warns about the legacy date", () => {
    expect(issues.map((i) => [i.code, i.line, i.col])).toEqual([["legacy-date-format", 15, 11]]);
  });
  it("records the line of search identifiers and leaves", () => {
    const search = rule!.detection.searches.selection;
    expect(search.line).toBe(23);
    expect(search.expr.kind === "leaf" && search.expr.leaf.source).toEqual({ search: "selection", key: "Image|endswith", line: 24 });
  });
});

describe("problems carry codes and YAML locations", () => {
  const text = readFileSync(join(__dirname, "testdata/rule_many_problems.yml"), "utf8");
  const { rule, issues } = parseRule(text);
  it("still returns the rule", () => {
    expect(rule?.title).toBe("Problems everywhere");
    expect(rule?.custom).toEqual({ custom_field: { nested: true } });
  });
  it.each<[string, number, number]>([
    ["invalid-id", 3, 5],
    ["invalid-status", 4, 9],
    ["invalid-level", 5, 8],
    ["legacy-date-format", 6, 7],
    ["invalid-date", 7, 11],
    ["invalid-related-type", 10, 7],
    ["invalid-tag", 12, 7],
    ["duplicate-list-item", 14, 7],
    ["conflicting-modifiers", 23, 9],
    ["wildcard-in-encoded-value", 24, 9],
    ["unknown-identifier", 27, 34],
    ["unused-search", 25, 5],
  ])("%s at %i:%i", (code, line, col) => {
    const found = issues.filter((i) => i.code === code);
    expect(found.map((i) => [i.line, i.col])).toContainEqual([line, col]);
  });
  it("places condition problems inside a quoted condition", () => {
    const r = parseRule("title: t\nlogsource: {product: x}\ndetection:\n    s: {a: 1}\n    condition: 's and nope'\n");
    expect(r.issues.map((i) => [i.code, i.line, i.col])).toEqual([["unknown-identifier", 5, 23]]);
  });
  it("has no other codes", () => {
    expect(new Set(issues.map((i) => i.code)).size).toBe(12);
  });
});

describe("broken documents never throw", () => {
  it.each<[string, string, string[]]>([
    ["empty text", "", ["empty-file"]],
    ["only a comment", "# nothing\n", ["empty-file"]],
    ["invalid YAML", "title: [unclosed\n", ["yaml-syntax"]],
    ["duplicate key", "title: a\ntitle: b\n", ["yaml-syntax"]],
    ["a list document", "- a\n- b\n", ["not-a-mapping"]],
    ["a scalar document", "just text\n", ["not-a-mapping"]],
    ["no detection", "title: t\nlogsource: {product: x}\n", ["missing-attribute"]],
    ["unknown kind", "title: t\n", ["unknown-document-kind"]],
    ["no title", "logsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n", ["missing-attribute"]],
    ["no logsource", "title: t\ndetection: {s: {a: 1}, condition: s}\n", ["missing-attribute"]],
    ["no condition", "title: t\nlogsource: {product: x}\ndetection: {s: {a: 1}}\n", ["missing-attribute"]],
    ["detection is a list", "title: t\nlogsource: {product: x}\ndetection: [a]\n", ["invalid-attribute-type"]],
    ["empty detection", "title: t\nlogsource: {product: x}\ndetection: {condition: s}\n", ["empty-detection", "unknown-identifier"]],
    ["title is a map", "title: {a: 1}\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n", ["invalid-attribute-type"]],
    ["search is null", "title: t\nlogsource: {product: x}\ndetection: {s: null, condition: s}\n", ["invalid-search"]],
    ["mixed list", "title: t\nlogsource: {product: x}\ndetection: {s: [{a: 1}, b], condition: s}\n", ["invalid-search"]],
    ["nested list value", "title: t\nlogsource: {product: x}\ndetection: {s: {a: [[1]]}, condition: s}\n", ["invalid-value-type"]],
    ["exists with a string", "title: t\nlogsource: {product: x}\ndetection: {s: {a|exists: 'yes'}, condition: s}\n", ["invalid-value-type"]],
    ["gt with a string", "title: t\nlogsource: {product: x}\ndetection: {s: {a|gt: '5'}, condition: s}\n", ["invalid-value-type"]],
    ["bad cidr", "title: t\nlogsource: {product: x}\ndetection: {s: {a|cidr: '10.0.0.0/33'}, condition: s}\n", ["invalid-cidr"]],
    ["bad regex", "title: t\nlogsource: {product: x}\ndetection: {s: {a|re: '(unclosed'}, condition: s}\n", ["invalid-regex"]],
    ["lookahead regex", "title: t\nlogsource: {product: x}\ndetection: {s: {a|re: 'a(?=b)'}, condition: s}\n", ["unsupported-regex-feature"]],
    ["empty value list", "title: t\nlogsource: {product: x}\ndetection: {s: {a: []}, condition: s}\n", ["empty-value-list"]],
    ["all on one value", "title: t\nlogsource: {product: x}\ndetection: {s: {a|contains|all: x}, condition: s}\n", ["all-single-value"]],
    ["null in a list", "title: t\nlogsource: {product: x}\ndetection: {s: {a: [x, null]}, condition: s}\n", ["null-in-list"]],
    ["exists on keywords", "title: t\nlogsource: {product: x}\ndetection: {s: {'|exists': true}, condition: s}\n", ["missing-field"]],
    ["literal star after a path", "title: t\nlogsource: {product: x}\ndetection: {s: {a|contains: 'C:\\Temp\\*.exe'}, condition: s}\n", ["literal-wildcard"]],
    ["literal star in an LDAP filter", "title: t\nlogsource: {product: x}\ndetection: {s: {a: '(cn=\\*)'}, condition: s}\n", []],
    ["literal star in a share name", "title: t\nlogsource: {product: x}\ndetection: {s: {a: '\\\\\\\\\\*\\\\IPC$'}, condition: s}\n", []],
    ["custom attribute named __proto__", "title: t\n__proto__: x\nlogsource: {product: x, __proto__: y}\ndetection: {s: {a: 1}, condition: s}\n", []],
    ["odd identifier names", "title: t\nlogsource: {product: x}\ndetection: {__proto__: {a: 1}, constructor: {b: 2}, condition: __proto__ and constructor}\n", []],
    ["tab indentation", "title: t\n\tlogsource: x\n", ["yaml-syntax"]],
  ])("%s", (_name, text, codes) => {
    const file = parseSigmaFile(text);
    const all = [...file.issues, ...file.documents.flatMap((d) => d.issues)];
    expect(all.map((i) => i.code)).toEqual(codes);
    for (const i of all) expect(i.line).toBeGreaterThanOrEqual(1);
  });
});

describe("several documents in one file", () => {
  it("keeps good documents when one has broken YAML", () => {
    const file = parseSigmaFile("title: a\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n---\ntitle: [broken\n---\ntitle: c\ncorrelation: {type: temporal, rules: [a], timespan: 5m}\n");
    expect(file.documents.map((d) => d.document?.kind ?? null)).toEqual(["rule", null, "correlation"]);
    expect(file.documents[1].issues.map((i) => [i.code, i.line])).toEqual([["yaml-syntax", 6]]);
    expect(file.documents[2].document?.line).toBe(7);
  });
});
