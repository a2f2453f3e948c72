import { describe, expect, it } from "vitest";
import type { Modifiers } from "./model";
import { emptyModifiers, parseKey } from "./modifiers";

const mods = (patch: Partial<Modifiers>, written: string[]): Modifiers => ({ ...emptyModifiers(), ...patch, written });

describe("parseKey: valid keys", () => {
  it.each<[string, string | null, Partial<Modifiers>]>([
    ["Image", "Image", {}],
    ["Image|contains", "Image", { contains: true }],
    ["Image|startswith", "Image", { startswith: true }],
    ["Image|endswith", "Image", { endswith: true }],
    ["CommandLine|contains|all", "CommandLine", { contains: true, all: true }],
    ["CommandLine|base64", "CommandLine", { base64: true }],
    ["CommandLine|base64offset|contains", "CommandLine", { base64offset: true, contains: true }],
    ["CommandLine|wide|base64offset|contains", "CommandLine", { utf16: "le", base64offset: true, contains: true }],
    ["CommandLine|utf16le|base64", "CommandLine", { utf16: "le", base64: true }],
    ["CommandLine|utf16be|base64", "CommandLine", { utf16: "be", base64: true }],
    ["CommandLine|utf16|base64offset", "CommandLine", { utf16: "bom", base64offset: true }],
    ["CommandLine|windash|contains", "CommandLine", { windash: true, contains: true }],
    ["CommandLine|contains|windash", "CommandLine", { windash: true, contains: true }],
    ["CommandLine|windash|base64offset|contains", "CommandLine", { windash: true, base64offset: true, contains: true }],
    ["CommandLine|re", "CommandLine", { re: true }],
    ["CommandLine|re|i|m|s", "CommandLine", { re: true, reFlags: { ignoreCase: true, multiline: true, dotAll: true } }],
    ["CommandLine|re|ignorecase|multiline|dotall", "CommandLine", { re: true, reFlags: { ignoreCase: true, multiline: true, dotAll: true } }],
    ["CommandLine|re|contains", "CommandLine", { re: true, contains: true }],
    ["DestinationIp|cidr", "DestinationIp", { cidr: true }],
    ["EventID|lt", "EventID", { compare: "lt" }],
    ["EventID|lte", "EventID", { compare: "lte" }],
    ["EventID|gt", "EventID", { compare: "gt" }],
    ["EventID|gte", "EventID", { compare: "gte" }],
    ["Field|exists", "Field", { exists: true }],
    ["Image|fieldref", "Image", { fieldref: true }],
    ["Image|fieldref|endswith", "Image", { fieldref: true, endswith: true }],
    ["Image|cased", "Image", { cased: true }],
    ["Image|contains|cased", "Image", { contains: true, cased: true }],
    ["Host|expand", "Host", { expand: true }],
    ["User|neq", "User", { neq: true }],
    ["User|fieldref|neq", "User", { fieldref: true, neq: true }],
    ["Time|minute", "Time", { timePart: "minute" }],
    ["Time|hour", "Time", { timePart: "hour" }],
    ["Time|day", "Time", { timePart: "day" }],
    ["Time|week", "Time", { timePart: "week" }],
    ["Time|month", "Time", { timePart: "month" }],
    ["Time|year", "Time", { timePart: "year" }],
    ["Time|hour|gte", "Time", { timePart: "hour", compare: "gte" }],
    ["|all", null, { all: true }],
    ["|contains", null, { contains: true }],
  ])("%s", (key, field, patch) => {
    const parsed = parseKey(key);
    expect(parsed.issues).toEqual([]);
    expect(parsed.field).toBe(field);
    expect(parsed.modifiers).toEqual(mods(patch, key.includes("|") ? key.slice(key.indexOf("|") + 1).split("|") : []));
  });
});

describe("parseKey: invalid keys", () => {
  it.each<[string, string[]]>([
    ["Image|contain", ["unknown-modifier"]],
    ["Image|CONTAINS", ["unknown-modifier"]],
    ["Image|contains|contains", ["duplicate-modifier"]],
    ["Image|contains|startswith", ["conflicting-modifiers"]],
    ["Image|startswith|endswith", ["conflicting-modifiers"]],
    ["Image|base64|base64offset", ["conflicting-modifiers"]],
    ["Image|wide|utf16be|base64", ["conflicting-modifiers"]],
    ["Image|lt|gt", ["conflicting-modifiers"]],
    ["Time|hour|minute", ["conflicting-modifiers"]],
    ["Image|contains|re", ["re-not-first"]],
    ["Image|re|cased", ["conflicting-modifiers"]],
    ["Image|re|base64", ["conflicting-modifiers"]],
    ["Image|re|windash", ["conflicting-modifiers"]],
    ["Image|i", ["regex-flag-without-re"]],
    ["Image|i|re", ["re-not-first", "modifier-order"]],
    ["Image|wide", ["utf16-without-base64"]],
    ["Image|utf16le|contains", ["utf16-without-base64"]],
    ["Image|base64|wide", ["modifier-order"]],
    ["Image|contains|base64offset", ["modifier-order"]],
    ["Image|base64|windash", ["modifier-order"]],
    ["Image|exists|contains", ["exists-not-standalone"]],
    ["Image|neq|exists", ["exists-not-standalone"]],
    ["Ip|cidr|contains", ["conflicting-modifiers"]],
    ["Ip|cidr|cased", ["conflicting-modifiers"]],
    ["EventID|gt|contains", ["conflicting-modifiers"]],
    ["EventID|gt|all", ["conflicting-modifiers"]],
    ["Image|fieldref|base64", ["conflicting-modifiers"]],
    ["Image|fieldref|cidr", ["conflicting-modifiers"]],
    ["Time|hour|contains", ["conflicting-modifiers"]],
    ["Image|base64|cased", ["conflicting-modifiers"]],
    ["Image|expand|base64", ["conflicting-modifiers"]],
  ])("%s → %j", (key, codes) => {
    expect(parseKey(key).issues.map((i) => i.code)).toEqual(codes);
  });
});
