import { describe, expect, it } from "vitest";
import { base64Encode, base64OffsetVariants, utf16Bytes, utf8Bytes, windashPositions, windashVariants } from "./encode";
import { formatSigmaString, parseSigmaString } from "./values";

// Expected outputs were computed independently with python3's base64 module and the `\B[-/]\b` regex.
describe("base64offset", () => {
  it.each<[string, Uint8Array, string[]]>([
    ["IEX (", utf8Bytes("IEX ("), ["SUVYIC", "lFWCAo", "JRVggK"]],
    ["http://", utf8Bytes("http://"), ["aHR0cDovL", "h0dHA6Ly", "odHRwOi8v"]],
    ["Invoke-Mimikatz", utf8Bytes("Invoke-Mimikatz"), ["SW52b2tlLU1pbWlrYXR6", "ludm9rZS1NaW1pa2F0e", "JbnZva2UtTWltaWthdH"]],
    ["wide cmd", utf16Bytes("cmd", "le"), ["YwBtAGQA", "MAbQBkA", "jAG0AZA"]],
    ["utf16be cmd", utf16Bytes("cmd", "be"), ["AGMAbQBk", "BjAG0AZ", "AYwBtAG"]],
    ["utf16 (BOM) cmd", utf16Bytes("cmd", "bom"), ["//5jAG0AZA", "/+YwBtAGQA", "//mMAbQBkA"]],
  ])("%s", (_name, bytes, expected) => {
    expect(base64OffsetVariants(bytes)).toEqual(expected);
  });
});

describe("base64", () => {
  it.each<[string, Uint8Array, string]>([
    ["whoami", utf8Bytes("whoami"), "d2hvYW1p"],
    ["wide whoami", utf16Bytes("whoami", "le"), "dwBoAG8AYQBtAGkA"],
    ["é (UTF-8)", utf8Bytes("é"), "w6k="],
    ["empty", new Uint8Array(), ""],
  ])("%s", (_name, bytes, expected) => {
    expect(base64Encode(bytes)).toBe(expected);
  });
});

describe("windash positions (\\B[-/]\\b)", () => {
  it.each<[string, number[]]>([
    ["-f", [0]],
    ["a-b", []],
    [" -x /y", [1, 4]],
    ["x/y", []],
    ["--foo", [1]],
    ["-", []],
    ["/c", [0]],
  ])("%j", (text, positions) => {
    expect(windashPositions(text)).toEqual(positions);
  });
});

describe("windash variants", () => {
  it("one dash gives 5 variants, the written one first", () => {
    const v = windashVariants(parseSigmaString(" -enc"))!.map(formatSigmaString);
    expect(v).toEqual([" -enc", " /enc", " \u2013enc", " \u2014enc", " \u2015enc"]);
  });
  it("a slash flag starts with the slash", () => {
    expect(windashVariants(parseSigmaString("/c"))!.map(formatSigmaString)).toEqual(["/c", "-c", "\u2013c", "\u2014c", "\u2015c"]);
  });
  it("two flags give 25 distinct variants", () => {
    const v = windashVariants(parseSigmaString(" -a -b"))!.map(formatSigmaString);
    expect(v).toHaveLength(25);
    expect(new Set(v).size).toBe(25);
    expect(v).toContain(" /a \u2015b");
  });
  it("wildcards stay in place", () => {
    expect(windashVariants(parseSigmaString("*-x*"))!.map(formatSigmaString)).toEqual(["*-x*", "*/x*", "*\u2013x*", "*\u2014x*", "*\u2015x*"]);
  });
  it("no dash position leaves the value alone", () => {
    expect(windashVariants(parseSigmaString("a-b"))!.map(formatSigmaString)).toEqual(["a-b"]);
  });
  it("too many positions returns null", () => {
    expect(windashVariants(parseSigmaString(" -a -b -c -d -e -f"))).toBeNull();
  });
});
