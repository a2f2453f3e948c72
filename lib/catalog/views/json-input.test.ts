import { describe, expect, it } from "vitest";
import { parseJsonInput } from "./json-input";

describe("parseJsonInput", () => {
  it.each([
    ['{"Image": "C:\\\\Windows\\\\a.exe", "EventID": 1}', { Image: "C:\\Windows\\a.exe", EventID: 1 }],
    ["[1, -2.5e3, true, null]", [1, -2500, true, null]],
    ['  {"a": {"b": []}}  ', { a: { b: [] } }],
  ])("valid %s", (text, value) => expect(parseJsonInput(text)).toEqual({ ok: true, value }));

  it.each([
    ['{"a": }', 1, 7, /expected a value/],
    ['{\n  "a": 1,\n}', 3, 1, /trailing comma/],
    ["[1, 2", 1, 6, /expected "," or "]"/],
    ["", 1, 1, /empty/],
    ['{"a": 1} x', 1, 10, /after the JSON value/],
    ["{a: 1}", 1, 2, /double-quoted property name/],
    ['{"p": "C:\\Windows"}', 1, 7, /invalid escape/],
  ])("invalid %j at %i:%i", (text, line, col, re) => {
    const r = parseJsonInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect([r.line, r.col]).toEqual([line, col]);
      expect(r.message).toMatch(re);
    }
  });
});
