import { describe, expect, it } from "vitest";
import type { SigmaString } from "../../sigma";
import { escapeRe2, pcreToRe2, stripEdgeDotStar, wildcardToRe2 } from "./regex";

const NO_FLAGS = { ignoreCase: false, multiline: false, dotAll: false };

describe("pcreToRe2 accepts RE2 syntax", () => {
  it.each([
    ["\\s-e(nc)?\\s", "\\s-e(nc)?\\s"],
    ["a.*?b", "a.*?b"],
    ["[a-z]{2,5}x", "[a-z]{2,5}x"],
    ["[]a]", "[\\]a]"],
    ["[[:alpha:]]+", "[[:alpha:]]+"],
    ["(?<name>x)", "(?P<name>x)"],
    ["(?:a|b)", "(?:a|b)"],
    ["(?i)abc", "(?i)abc"],
    ["\\Qa.b\\E", "\\Qa.b\\E"],
    ["a{,3}", "a\\{,3}"],
    ["\\x41\\/", "\\x41\\/"],
  ])("%s → %s", (source, expected) => {
    expect(pcreToRe2(source, NO_FLAGS)).toEqual({ ok: true, pattern: expected });
  });

  it("adds modifier flags as a prefix", () => {
    expect(pcreToRe2("a.b", { ignoreCase: true, multiline: true, dotAll: true })).toEqual({ ok: true, pattern: "(?ims)a.b" });
  });
});

describe("pcreToRe2 refuses what RE2 lacks", () => {
  it.each([
    ["foo(?=bar)", "lookaround"],
    ["foo(?!bar)", "lookaround"],
    ["(?<=a)b", "lookaround"],
    ["(?<!a)b", "lookaround"],
    ["(a)\\1", "backreference"],
    ["a++", "possessive"],
    ["a{2}+", "possessive"],
    ["(?>a)", "atomic"],
    ["a\\Z", "\\Z"],
    ["\\h+", "\\h"],
    ["(?x) a", "inline flag"],
    ["[abc", "unterminated"],
    ["(?(1)a|b)", "conditional"],
  ])("%s (%s)", (source, why) => {
    const r = pcreToRe2(source, NO_FLAGS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(why);
  });
});

describe("stripEdgeDotStar", () => {
  it.each([
    [".*certutil -urlcache.*", "certutil -urlcache"],
    [".*a|b.*", "a|b"],
    ["a\\.*", "a\\.*"],
    ["a\\\\.*", "a\\\\"],
    [".*?x", ".*?x"],
    [".*", ".*"],
    ["(a|.*", "(a|.*"],
  ])("%s → %s", (source, expected) => {
    expect(stripEdgeDotStar(source)).toBe(expected);
  });
});

describe("wildcardToRe2", () => {
  const v = (...parts: (string | "*" | "?")[]): SigmaString =>
    parts.map((p) => (p === "*" ? { kind: "anyChars" } : p === "?" ? { kind: "oneChar" } : { kind: "text", value: p }));
  it.each([
    [v("foo", "*", "bar"), true, true, false, "(?is)^foo.*bar$"],
    [v("a.b", "?", "c"), false, true, true, "(?s)a\\.b.c$"],
    [v("x(y)"), true, false, false, "(?i)^x\\(y\\)"],
  ])("%j", (value, anchorStart, anchorEnd, cased, expected) => {
    expect(wildcardToRe2(value, { anchorStart, anchorEnd, cased })).toBe(expected);
  });

  it("escapes every RE2 metacharacter", () => {
    expect(escapeRe2("\\.+*?()|[]{}^$")).toBe("\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$");
  });
});
