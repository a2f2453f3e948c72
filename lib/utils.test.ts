import { describe, expect, it } from "vitest";
import { createLru, formatDuration, plural } from "./utils";

describe("createLru", () => {
  it("evicts the least recently used entry", () => {
    const lru = createLru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.get("a");
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([1, undefined, 3]);
  });
});

describe("formatDuration", () => {
  it.each([
    [850, "850 ms"],
    [12_400, "12.4 s"],
    [185_000, "3 min 5 s"],
    [null, "—"],
  ])("%s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("plural", () => {
  it.each([
    [1, "1 rule"],
    [4030, "4,030 rules"],
  ])("%i", (n, text) => expect(plural(n, "rule")).toBe(text));
});
