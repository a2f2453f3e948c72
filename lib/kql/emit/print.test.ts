import { describe, expect, it } from "vitest";
import type { KqlText } from "./ir";
import { MAX_CHAIN, printCond, printFlat, printQuery } from "./print";

const a = (text: string): KqlText => ({ kind: "atom", text });

describe("printFlat uses minimal parentheses", () => {
  it.each<[string, KqlText, string]>([
    ["and inside or", { kind: "or", items: [a("A"), { kind: "and", items: [a("B"), a("C")] }] }, "A or B and C"],
    ["or inside and", { kind: "and", items: [a("A"), { kind: "or", items: [a("B"), a("C")] }] }, "A and (B or C)"],
    ["not of or", { kind: "not", item: { kind: "or", items: [a("A"), a("B")] } }, "not(A or B)"],
    ["not inside and", { kind: "and", items: [{ kind: "not", item: a("A") }, a("B")] }, "not(A) and B"],
  ])("%s", (_name, node, expected) => {
    expect(printFlat(node)).toBe(expected);
  });
});

describe("layout", () => {
  it("breaks a long chain one operand per line", () => {
    const items = Array.from({ length: 6 }, (_, i) => a(`ProcessCommandLine contains "value-${i}"`));
    expect(printCond({ kind: "or", items }, 0).split("\n")).toHaveLength(6);
  });

  it(`groups chains longer than ${MAX_CHAIN} operands`, () => {
    const items = Array.from({ length: MAX_CHAIN + 1 }, (_, i) => a(`X == ${i}`));
    const text = printFlat({ kind: "or", items });
    expect(text.startsWith("(X == 0 or")).toBe(true);
    expect(text.endsWith(") or X == 64")).toBe(true);
  });

  it("puts route filters, then extends, then rule conjuncts", () => {
    expect(printQuery("T", [a("A == 1")], ["| extend B = 1"], [a("B == 2")])).toBe("T\n| where A == 1\n| extend B = 1\n| where B == 2");
  });
});
