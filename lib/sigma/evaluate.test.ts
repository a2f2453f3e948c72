import { describe, expect, it } from "vitest";
import { parseRule } from "./parse-file";
import { matchEvent, evaluateExpr } from "./evaluate";
import { buildMatchExpr } from "./match-expr";

/** A rule whose detection is `selection:` with the given body lines (indented by 8) and `condition: selection`. */
function ruleWith(selection: string, condition = "selection"): string {
  const body = selection.split("\n").map((l) => `        ${l}`).join("\n");
  return `title: t\nlogsource:\n    product: windows\ndetection:\n    selection:\n${body}\n    condition: ${condition}\n`;
}

function verdict(selection: string, event: unknown): boolean {
  const { rule, issues } = parseRule(ruleWith(selection));
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  const result = matchEvent(rule!, event).match;
  // The inlined MatchExpr must agree with the condition-based evaluation.
  expect(evaluateExpr(buildMatchExpr(rule!.detection), event)).toBe(result);
  return result;
}

describe("matchEvent per modifier", () => {
  it.each<[string, string, unknown, boolean]>([
    ["eq is case-insensitive", "Image: 'C:\\Windows\\cmd.exe'", { Image: "c:\\windows\\CMD.EXE" }, true],
    ["eq is exact", "Image: 'cmd.exe'", { Image: "xcmd.exe" }, false],
    ["wildcard *", "Image: '*\\cmd.exe'", { Image: "C:\\x\\cmd.exe" }, true],
    ["wildcard ?", "Image: 'c?d.exe'", { Image: "cmd.exe" }, true],
    ["wildcard ? needs one char", "Image: 'c?d.exe'", { Image: "cd.exe" }, false],
    ["escaped star is literal", "Image: 'a\\*b'", { Image: "a*b" }, true],
    ["escaped star does not wildcard", "Image: 'a\\*b'", { Image: "axxb" }, false],
    ["contains", "CommandLine|contains: 'mimikatz'", { CommandLine: "run MimiKatz.exe" }, true],
    ["contains misses", "CommandLine|contains: 'mimikatz'", { CommandLine: "run" }, false],
    ["startswith", "Image|startswith: 'C:\\Temp\\'", { Image: "c:\\temp\\x.exe" }, true],
    ["startswith misses", "Image|startswith: 'C:\\Temp\\'", { Image: "D:\\c:\\temp\\x.exe" }, false],
    ["endswith", "Image|endswith: '\\cmd.exe'", { Image: "C:\\Windows\\System32\\cmd.exe" }, true],
    ["endswith misses", "Image|endswith: '\\cmd.exe'", { Image: "C:\\cmd.exe.bak" }, false],
    ["list is OR", "Image|endswith:\n    - '\\a.exe'\n    - '\\b.exe'", { Image: "x\\b.exe" }, true],
    ["all is AND (match)", "CommandLine|contains|all:\n    - ' -a'\n    - ' -b'", { CommandLine: "x -b -a" }, true],
    ["all is AND (miss)", "CommandLine|contains|all:\n    - ' -a'\n    - ' -b'", { CommandLine: "x -a" }, false],
    ["cased matches exact case", "Image|cased: 'CMD.exe'", { Image: "CMD.exe" }, true],
    ["cased rejects other case", "Image|cased: 'CMD.exe'", { Image: "cmd.exe" }, false],
    ["contains|cased", "CommandLine|contains|cased: 'Invoke'", { CommandLine: "x invoke" }, false],
    ["windash /", "CommandLine|windash|contains: ' -enc '", { CommandLine: "powershell /enc abc" }, true],
    ["windash em dash", "CommandLine|windash|contains: ' -enc '", { CommandLine: "powershell \u2014enc abc" }, true],
    ["windash miss", "CommandLine|windash|contains: ' -enc '", { CommandLine: "powershell enc abc" }, false],
    ["base64", "CommandLine|base64: 'whoami'", { CommandLine: "d2hvYW1p" }, true],
    ["base64 is a full match", "CommandLine|base64: 'whoami'", { CommandLine: "xd2hvYW1p" }, false],
    ["base64offset|contains offset 0", "CommandLine|base64offset|contains: 'IEX ('", { CommandLine: "-e SUVYICgiaGkiKQ==" }, true],
    ["base64offset|contains offset 1", "CommandLine|base64offset|contains: 'IEX ('", { CommandLine: "-e YUlFWCAoKQ==" }, true],
    ["base64offset|contains offset 2", "CommandLine|base64offset|contains: 'IEX ('", { CommandLine: "-e YWJJRVggKCk=" }, true],
    ["base64offset|contains miss", "CommandLine|base64offset|contains: 'IEX ('", { CommandLine: "SUVY" }, false],
    ["wide|base64offset|contains", "CommandLine|wide|base64offset|contains: 'cmd'", { CommandLine: "x YwBtAGQA y" }, true],
    ["utf16be|base64offset|contains", "CommandLine|utf16be|base64offset|contains: 'cmd'", { CommandLine: "AGMAbQBk" }, true],
    ["utf16|base64offset|contains", "CommandLine|utf16|base64offset|contains: 'cmd'", { CommandLine: "//5jAG0AZA" }, true],
    ["re is case-sensitive", "CommandLine|re: 'Invoke-\\w+'", { CommandLine: "invoke-x" }, false],
    ["re matches anywhere", "CommandLine|re: 'Invoke-\\w+'", { CommandLine: "a Invoke-X b" }, true],
    ["re|i", "CommandLine|re|i: 'invoke-\\w+'", { CommandLine: "INVOKE-X" }, true],
    ["re with (?i) prefix", "CommandLine|re: '(?i)invoke-\\w+'", { CommandLine: "INVOKE-X" }, true],
    ["re|m", "CommandLine|re|m: '^b$'", { CommandLine: "a\nb\nc" }, true],
    ["re without m", "CommandLine|re: '^b$'", { CommandLine: "a\nb\nc" }, false],
    ["re|s", "CommandLine|re|s: 'a.c'", { CommandLine: "a\nc" }, true],
    ["re without s", "CommandLine|re: 'a.c'", { CommandLine: "a\nc" }, false],
    ["cidr v4", "DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: "10.1.2.3" }, true],
    ["cidr v4 miss", "DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: "11.1.2.3" }, false],
    ["cidr v4 /12", "DestinationIp|cidr: '172.16.0.0/12'", { DestinationIp: "172.31.255.1" }, true],
    ["cidr v4 /12 miss", "DestinationIp|cidr: '172.16.0.0/12'", { DestinationIp: "172.32.0.1" }, false],
    ["cidr v6", "DestinationIp|cidr: 'fe80::/10'", { DestinationIp: "FE80::1:2" }, true],
    ["cidr v6 miss", "DestinationIp|cidr: 'fe80::/10'", { DestinationIp: "fec0::1" }, false],
    ["cidr v6 loopback", "DestinationIp|cidr: '::1/128'", { DestinationIp: "0:0:0:0:0:0:0:1" }, true],
    ["cidr v4 against v6 value", "DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: "::1" }, false],
    ["cidr v4-mapped v6", "DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: "::ffff:10.0.0.5" }, true],
    ["lt", "Count|lt: 5", { Count: 4 }, true],
    ["lt boundary", "Count|lt: 5", { Count: 5 }, false],
    ["lte", "Count|lte: 5", { Count: 5 }, true],
    ["gt", "Count|gt: 5", { Count: "6" }, true],
    ["gt miss", "Count|gt: 5", { Count: 5 }, false],
    ["gte", "Count|gte: 5", { Count: 5 }, true],
    ["gte non-number", "Count|gte: 5", { Count: "many" }, false],
    ["number eq matches numeric string", "EventID: 4688", { EventID: "4688" }, true],
    ["number eq matches number", "EventID: 4688", { EventID: 4688 }, true],
    ["number eq miss", "EventID: 4688", { EventID: 4689 }, false],
    ["number list", "EventID:\n    - 1\n    - 4688", { EventID: 4688 }, true],
    ["quoted number is a string", "EventID: '4688'", { EventID: 4688 }, true],
    ["bool", "Enabled: true", { Enabled: true }, true],
    ["bool miss", "Enabled: true", { Enabled: false }, false],
    ["null matches absent", "Field: null", {}, true],
    ["null matches null", "Field: null", { Field: null }, true],
    ["null misses a value", "Field: null", { Field: "" }, false],
    ["empty string", "Field: ''", { Field: "" }, true],
    ["empty string misses absent", "Field: ''", {}, false],
    ["exists true", "Field|exists: true", { Field: null }, true],
    ["exists true miss", "Field|exists: true", {}, false],
    ["exists false", "Field|exists: false", {}, true],
    ["exists false miss", "Field|exists: false", { Field: "x" }, false],
    ["fieldref", "Image|fieldref: ParentImage", { Image: "C:\\A.exe", ParentImage: "c:\\a.exe" }, true],
    ["fieldref miss", "Image|fieldref: ParentImage", { Image: "a", ParentImage: "b" }, false],
    ["fieldref absent other", "Image|fieldref: ParentImage", { Image: "a" }, false],
    ["fieldref|endswith", "Image|fieldref|endswith: Name", { Image: "C:\\x\\a.exe", Name: "A.EXE" }, true],
    ["fieldref|cased", "Image|fieldref|cased: Other", { Image: "A", Other: "a" }, false],
    ["neq string", "User|neq: 'admin'", { User: "bob" }, true],
    ["neq string miss", "User|neq: 'admin'", { User: "ADMIN" }, false],
    ["neq list (none of)", "User|neq:\n    - a\n    - b", { User: "b" }, false],
    ["neq number", "EventID|neq: 1", { EventID: 2 }, true],
    ["fieldref|neq", "A|fieldref|neq: B", { A: "x", B: "y" }, true],
    ["minute", "Time|minute: 30", { Time: "2024-05-06T07:30:00Z" }, true],
    ["hour UTC", "Time|hour: 5", { Time: "2024-05-06T07:30:00+02:00" }, true],
    ["hour miss", "Time|hour: 7", { Time: "2024-05-06T07:30:00+02:00" }, false],
    ["day", "Time|day: 6", { Time: "2024-05-06T07:30:00Z" }, true],
    ["week", "Time|week: 19", { Time: "2024-05-06T07:30:00Z" }, true],
    ["month", "Time|month: 5", { Time: "2024-05-06" }, true],
    ["year", "Time|year: 2024", { Time: "2024-05-06 07:30:00" }, true],
    ["hour|gte", "Time|hour|gte: 20", { Time: "2024-05-06T22:00:00Z" }, true],
    ["timepart on non-date", "Time|hour: 1", { Time: "yesterday" }, false],
    ["expand placeholder is literal in evaluation", "Host|expand: '%servers%'", { Host: "%servers%" }, true],
    ["field name case-insensitive fallback", "image: 'a'", { Image: "A" }, true],
    ["dotted path", "actor.alternateId|contains: 'okta'", { actor: { alternateId: "system@okta.com" } }, true],
    ["dotted flat key wins", "a.b: 'flat'", { "a.b": "flat", a: { b: "nested" } }, true],
    ["array field value: any element", "Tags: 'x'", { Tags: ["y", "x"] }, true],
    ["absent field never matches a string", "Image: '*'", {}, false],
  ])("%s", (_name, selection, event, expected) => {
    expect(verdict(selection, event)).toBe(expected);
  });
});

describe("keywords", () => {
  const keywords = (body: string, event: unknown) => {
    const text = `title: t\nlogsource:\n    product: linux\ndetection:\n    keywords:\n${body}\n    condition: keywords\n`;
    const { rule } = parseRule(text);
    return matchEvent(rule!, event).match;
  };
  it.each<[string, string, unknown, boolean]>([
    ["substring of any value", "        - 'mimikatz'", { a: 1, msg: "ran MIMIKATZ now" }, true],
    ["nested values", "        - 'secret'", { a: { b: ["x", "top secret"] } }, true],
    ["no value contains it", "        - 'secret'", { a: "public" }, false],
    ["keywords are ORed", "        - 'a1'\n        - 'b2'", { x: "b2" }, true],
    ["|all ANDs keywords", "        '|all':\n            - 'a1'\n            - 'b2'", { x: "a1", y: "b2" }, true],
    ["|all needs all", "        '|all':\n            - 'a1'\n            - 'b2'", { x: "a1" }, false],
  ])("%s", (_name, body, event, expected) => {
    expect(keywords(body, event)).toBe(expected);
  });
});

describe("conditions and matched identifiers", () => {
  const text = `title: t
logsource:
    category: process_creation
detection:
    selection_img:
        Image|endswith: '\\cmd.exe'
    selection_cli:
        CommandLine|contains: '/c'
    filter_main:
        User: 'SYSTEM'
    condition: all of selection_* and not 1 of filter_*
`;
  const { rule } = parseRule(text);
  it.each<[string, unknown, boolean, string[]]>([
    ["both selections", { Image: "x\\cmd.exe", CommandLine: "cmd /c x" }, true, ["selection_img", "selection_cli"]],
    ["filtered", { Image: "x\\cmd.exe", CommandLine: "cmd /c x", User: "system" }, false, ["selection_img", "selection_cli", "filter_main"]],
    ["one selection", { Image: "x\\cmd.exe" }, false, ["selection_img"]],
    ["nothing", {}, false, []],
  ])("%s", (_name, event, match, matched) => {
    expect(matchEvent(rule!, event)).toEqual({ match, matched });
  });

  it("a list of conditions is an OR", () => {
    const r = parseRule("title: t\nlogsource: {product: x}\ndetection:\n    a: {F: 1}\n    b: {G: 2}\n    condition:\n        - a\n        - b\n").rule!;
    expect(matchEvent(r, { G: 2 }).match).toBe(true);
    expect(matchEvent(r, { F: 2 }).match).toBe(false);
  });

  it("a list of maps is an OR of ANDed maps", () => {
    const r = parseRule("title: t\nlogsource: {product: x}\ndetection:\n    s:\n        - {A: 1, B: 2}\n        - {C: 3}\n    condition: s\n").rule!;
    expect(matchEvent(r, { A: 1 }).match).toBe(false);
    expect(matchEvent(r, { A: 1, B: 2 }).match).toBe(true);
    expect(matchEvent(r, { C: 3 }).match).toBe(true);
  });
});

describe("hostile events", () => {
  it("a 10,000-level nested event does not overflow keyword search", () => {
    let deep: unknown = "needle";
    for (let i = 0; i < 10000; i++) deep = { x: deep };
    const { rule } = parseRule("title: t\nlogsource: {product: x}\ndetection:\n    k: [needle]\n    condition: k\n");
    expect(matchEvent(rule!, { shallow: "needle", deep }).match).toBe(true);
    expect(matchEvent(rule!, { deep }).match).toBe(false);
  });
});

describe("identifiers named like object internals", () => {
  it("__proto__ and constructor are ordinary search identifiers", () => {
    const { rule } = parseRule("title: t\nlogsource: {product: x}\ndetection:\n    __proto__: {a: 1}\n    constructor: {b: 2}\n    condition: __proto__ and not constructor\n");
    expect(Object.keys(rule!.detection.searches)).toEqual(["__proto__", "constructor"]);
    expect(matchEvent(rule!, { a: 1 })).toEqual({ match: true, matched: ["__proto__"] });
    expect(matchEvent(rule!, { a: 1, b: 2 }).match).toBe(false);
  });
});
