import { describe, expect, it } from "vitest";
import { feedHref, parseFeedQuery, parseReadiness, toggleFacetHref } from "./feed-params";

describe("parseReadiness", () => {
  it.each([
    ["sentinel-asim:converts", { target: "sentinel-asim", converts: true }],
    ["defender-xdr:not", { target: "defender-xdr", converts: false }],
    ["azure-monitor:not:unmapped-field", { target: "azure-monitor", converts: false, reason: "unmapped-field" }],
    ["splunk:converts", null],
    ["sentinel-asim:maybe", null],
  ])("%s", (value, expected) => expect(parseReadiness(value)).toEqual(expected));
});

describe("parseFeedQuery", () => {
  it.each([
    ["empty", {}, { q: "", level: [], page: 1, from: null, includeRemoved: false }],
    ["lists and junk", { level: ["high", "high", " "], page: "-3", from: "2024-13", removed: "1" }, { level: ["high"], page: 1, from: null, includeRemoved: true }],
    ["technique upper-cased", { technique: "t1059.001", page: "2" }, { technique: ["T1059.001"], page: 2 }],
    ["date bounds", { from: "2024-01-01", to: "2024-12-31" }, { from: "2024-01-01", to: "2024-12-31" }],
  ])("%s", (_name, sp, expected) => expect(parseFeedQuery(sp)).toMatchObject(expected));
});

describe("hrefs", () => {
  const q = parseFeedQuery({ q: "powershell", level: "high", page: "3" });
  it.each([
    ["feedHref keeps state", feedHref(q), "/?q=powershell&level=high&page=3"],
    ["toggle adds a value and resets page", toggleFacetHref(q, "level", "critical"), "/?q=powershell&level=high&level=critical"],
    ["toggle removes a value", toggleFacetHref(q, "level", "high"), "/?q=powershell"],
    ["readiness replaces the same target", toggleFacetHref(parseFeedQuery({ ready: "defender-xdr:converts" }), "ready", "defender-xdr:not"), "/?ready=defender-xdr%3Anot"],
  ])("%s", (_name, href, expected) => expect(href).toBe(expected));
});
