import { describe, expect, it } from "vitest";
import type { SigmaString } from "./model";
import { formatSigmaString, hasWildcards, parseSigmaString, regexToJs, sigmaStringText, sigmaStringToRegex } from "./values";

const T = (value: string) => ({ kind: "text" as const, value });
const ANY = { kind: "anyChars" as const };
const ONE = { kind: "oneChar" as const };

describe("parseSigmaString escapes (spec §2.1)", () => {
  it.each<[string, SigmaString]>([
    ["C:\\Windows\\System32", [T("C:\\Windows\\System32")]],
    ["\\\\server\\share", [T("\\server\\share")]],
    ["\\\\\\\\server", [T("\\\\server")]],
    ["a\\*b", [T("a*b")]],
    ["a\\?b", [T("a?b")]],
    ["C:\\Windows\\*", [T("C:\\Windows*")]],
    ["C:\\Windows\\\\*", [T("C:\\Windows\\"), ANY]],
    ["C:\\Windows\\\\\\*", [T("C:\\Windows\\*")]],
    ["a\\\\\\b", [T("a\\\\b")]],
    ["trailing\\", [T("trailing\\")]],
    ["*mimikatz*", [ANY, T("mimikatz"), ANY]],
    ["a?c", [T("a"), ONE, T("c")]],
    ["", []],
    ["100%", [T("100%")]],
    ["%APPDATA%\\x", [T("%APPDATA%\\x")]],
  ])("%j", (raw, parts) => {
    expect(parseSigmaString(raw)).toEqual(parts);
  });

  it.each<[string, SigmaString]>([
    ["%Workstations%", [{ kind: "placeholder", name: "Workstations" }]],
    ["pre%a_b%post", [T("pre"), { kind: "placeholder", name: "a_b" }, T("post")]],
    ["\\%literal%", [T("%literal%")]],
    ["100% sure", [T("100% sure")]],
  ])("with expand: %j", (raw, parts) => {
    expect(parseSigmaString(raw, true)).toEqual(parts);
  });
});

describe("formatSigmaString round-trips", () => {
  it.each(["C:\\Windows\\", "a\\*b", "C:\\Windows\\\\*", "*x?y*", "\\\\\\\\server", "q\\\\\\*"])("%j", (raw) => {
    const parts = parseSigmaString(raw);
    expect(parseSigmaString(formatSigmaString(parts))).toEqual(parts);
  });
});

describe("helpers", () => {
  it.each<[string, boolean, string]>([
    ["plain", false, "plain"],
    ["a*b", true, "a*b"],
    ["a\\*b", false, "a*b"],
    ["x?", true, "x?"],
  ])("%j: wildcards=%s text=%j", (raw, wild, text) => {
    const parts = parseSigmaString(raw);
    expect(hasWildcards(parts)).toBe(wild);
    expect(sigmaStringText(parts)).toBe(text);
  });
});

describe("sigmaStringToRegex", () => {
  it.each<[string, "eq" | "contains" | "startswith" | "endswith", boolean, string]>([
    ["a*b", "eq", false, "(?is)^a.*b$"],
    ["a?b", "contains", false, "(?is)^.*a.b.*$"],
    ["x.y(z)", "startswith", true, "(?s)^x\\.y\\(z\\).*$"],
    ["\\\\*", "endswith", false, "(?is)^.*\\\\.*$"],
    ["[a]{1}|+^$", "eq", true, "(?s)^\\[a\\]\\{1\\}\\|\\+\\^\\$$"],
  ])("%j %s cased=%s", (raw, op, cased, re) => {
    expect(sigmaStringToRegex(parseSigmaString(raw), { op, cased })).toBe(re);
  });

  it.each<[string, "eq" | "contains", boolean, string, boolean]>([
    ["a*b", "eq", false, "A\nxx\nB", true],
    ["a*b", "eq", true, "A-B", false],
    ["a?c", "eq", false, "abc", true],
    ["a?c", "eq", false, "abbc", false],
    ["c:\\win*", "contains", false, "x C:\\Windows y", true],
  ])("JS: %j %s cased=%s on %j → %s", (raw, op, cased, text, expected) => {
    expect(regexToJs(sigmaStringToRegex(parseSigmaString(raw), { op, cased })).test(text)).toBe(expected);
  });
});
