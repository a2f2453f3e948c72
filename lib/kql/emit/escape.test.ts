import { describe, expect, it } from "vitest";
import { kqlIdentifier, kqlNumber, kqlString } from "./escape";

describe("kqlString", () => {
  it.each([
    ["plain", '"plain"'],
    ["C:\\Windows\\", '@"C:\\Windows\\"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\"x"', '"C:\\\\\\"x\\""'],
    ["it's", '"it\'s"'],
    ["tab\there", '"tab\\there"'],
    ["line\nbreak\\", '"line\\nbreak\\\\"'],
    ["nul\u0000", '"nul\\u0000"'],
    ["", '""'],
  ])("%j → %s", (value, expected) => {
    expect(kqlString(value)).toBe(expected);
  });
});

describe("kqlIdentifier", () => {
  it.each([
    ["FolderPath", "FolderPath"],
    ["c-uri", "['c-uri']"],
    ["has", "['has']"],
    ["1st", "['1st']"],
    ["it's", "['it\\'s']"],
  ])("%s → %s", (name, expected) => {
    expect(kqlIdentifier(name)).toBe(expected);
  });
});

describe("kqlNumber", () => {
  it.each([
    [4, "4"],
    [-1, "-1"],
    [1.5, "1.5"],
  ])("%d → %s", (n, expected) => {
    expect(kqlNumber(n)).toBe(expected);
  });
});
