import { describe, expect, it } from "vitest";
import { childPos, keyOffset, LineIndex, loadYamlDocuments } from "./yaml-positions";

const TEXT = `a: 1
b:
    - 'quoted'
    - "double"
    - plain
c: {d: e, f: [g, h]}
empty:
---
second: true
`;

describe("loadYamlDocuments positions", () => {
  const docs = loadYamlDocuments(TEXT);
  const lines = new LineIndex(TEXT);
  const at = (offset: number) => {
    const { line, col } = lines.at(offset);
    return `${line}:${col}`;
  };
  it("loads both documents", () => {
    expect(docs.map((d) => d.value)).toEqual([{ a: 1, b: ["quoted", "double", "plain"], c: { d: "e", f: ["g", "h"] }, empty: null }, { second: true }]);
  });
  it.each<[string, (root: (typeof docs)[number]["pos"]) => number, string]>([
    ["key a", (p) => keyOffset(p, "a"), "1:1"],
    ["value of a", (p) => childPos(p, "a").offset, "1:4"],
    ["single-quoted item (at the quote)", (p) => childPos(childPos(p, "b"), 0).offset, "3:7"],
    ["double-quoted item", (p) => childPos(childPos(p, "b"), 1).offset, "4:7"],
    ["plain item", (p) => childPos(childPos(p, "b"), 2).offset, "5:7"],
    ["flow mapping value", (p) => childPos(childPos(p, "c"), "d").offset, "6:8"],
    ["flow sequence item", (p) => childPos(childPos(childPos(p, "c"), "f"), 1).offset, "6:18"],
    ["empty value falls back to its key", (p) => childPos(p, "empty").offset, "7:1"],
    ["missing key falls back to the parent", (p) => childPos(p, "zzz").offset, "1:1"],
  ])("%s", (_name, pick, expected) => {
    expect(at(pick(docs[0].pos))).toBe(expected);
  });
  it("second document starts after the separator", () => {
    expect(at(docs[1].offset)).toBe("9:1");
  });
});

describe("YAML errors keep the other documents", () => {
  it.each<[string, string, (string | null)[]]>([
    ["whole file broken", "a: [\n", [null]],
    ["middle document broken", "a: 1\n---\nb: [\n---\nc: 3\n", ["ok", null, "ok"]],
  ])("%s", (_name, text, expected) => {
    expect(loadYamlDocuments(text).map((d) => (d.error ? null : "ok"))).toEqual(expected);
  });
});
