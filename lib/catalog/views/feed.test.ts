import { describe, expect, it } from "vitest";
import { runFeed, splitAuthors, type FeedLabels, type FeedRow } from "./feed";
import { parseFeedQuery } from "./feed-params";

function row(id: string, over: Partial<FeedRow>): FeedRow {
  return {
    id, title: `Rule ${id}`, description: null, level: "medium", status: "test", sourceKey: "folder:rules", sourceLabel: "Own rules",
    product: "windows", category: "process_creation", service: null, author: null, date: "2024-01-01", modified: null,
    techniques: [], removedAt: null, sortDate: "2024-01-01", tactics: [],
    readiness: { "sentinel-asim": "converted", "defender-xdr": "converted", "azure-monitor": "unsupported" },
    reasons: { "sentinel-asim": null, "defender-xdr": null, "azure-monitor": "no-route" },
    ...over,
  };
}

const rows: FeedRow[] = [
  row("a", { level: "high", tactics: ["execution"], techniques: [{ id: "T1059.001", name: "PowerShell" }], sortDate: "2025-03-01", author: "Alice, Bob (Org)" }),
  row("b", { level: "high", tactics: ["stealth"], techniques: [{ id: "T1027", name: null }], sortDate: "2024-06-01" }),
  row("c", { level: "low", tactics: ["execution"], techniques: [{ id: "T1059", name: "Command and Scripting Interpreter" }], sortDate: "2025-01-01", author: "Bob (Org)" }),
  row("d", { level: "critical", removedAt: "2026-01-01T00:00:00.000Z", sortDate: "2026-01-01" }),
  row("e", { level: "medium", readiness: { "sentinel-asim": "unsupported", "defender-xdr": "converted", "azure-monitor": "converted" }, reasons: { "sentinel-asim": "unmapped-field", "defender-xdr": null, "azure-monitor": null }, sortDate: null }),
];
const labels: FeedLabels = { tactic: new Map([["execution", "Execution"]]), technique: new Map(), source: new Map(), target: new Map([["sentinel-asim", "Sentinel ASIM"]]) };

const ids = (sp: Record<string, string | string[]>, hits: string[] | null = null) => runFeed(rows, parseFeedQuery(sp), hits, labels).items.map((i) => i.id);
const facet = (sp: Record<string, string | string[]>, key: string) =>
  Object.fromEntries(runFeed(rows, parseFeedQuery(sp), null, labels).facets.find((f) => f.key === key)!.values.map((v) => [v.value, v.count]));

describe("runFeed filters", () => {
  it.each<[string, Record<string, string | string[]>, string[]]>([
    ["newest first, removed hidden", {}, ["a", "c", "b", "e"]],
    ["removed shown on request", { removed: "1" }, ["d", "a", "c", "b", "e"]],
    ["level OR within facet", { level: ["high", "low"] }, ["a", "c", "b"]],
    ["level AND tactic", { level: "high", tactic: "execution" }, ["a"]],
    ["technique includes sub-techniques", { technique: "t1059" }, ["a", "c"]],
    ["sub-technique exact", { technique: "T1059.001" }, ["a"]],
    ["readiness converts", { ready: "sentinel-asim:converts" }, ["a", "c", "b"]],
    ["readiness not with reason", { ready: "sentinel-asim:not:unmapped-field" }, ["e"]],
    ["date range", { from: "2025-01-01", to: "2025-12-31" }, ["a", "c"]],
    ["author person", { author: "Bob (Org)" }, ["a", "c"]],
  ])("%s", (_name, sp, expected) => expect(ids(sp)).toEqual(expected));

  it("keeps the text search order", () => expect(ids({}, ["e", "b", "zz"])).toEqual(["e", "b"]));
});

describe("runFeed facet counts follow the other filters", () => {
  it.each<[string, Record<string, string | string[]>, string, Record<string, number>]>([
    ["level counts ignore the level filter", { level: "high" }, "level", { high: 2, medium: 1, low: 1 }],
    ["level counts follow the tactic filter", { tactic: "execution" }, "level", { high: 1, low: 1 }],
    ["tactic counts follow the level filter", { level: "high" }, "tactic", { execution: 1, stealth: 1 }],
    ["selected value with no hits still listed", { level: "high", tactic: "impact" }, "tactic", { execution: 1, stealth: 1, impact: 0 }],
  ])("%s", (_name, sp, key, expected) => expect(facet(sp, key)).toEqual(expected));

  it("paginates", () => {
    const r = runFeed(rows, parseFeedQuery({ page: "2" }), null, labels, 3);
    expect([r.total, r.items.map((i) => i.id)]).toEqual([4, ["e"]]);
  });
});

describe("splitAuthors", () => {
  it.each([
    ["Nounou Mbeiri, Swachchhanda Shrawan Poudel (Nextron Systems)", ["Nounou Mbeiri", "Swachchhanda Shrawan Poudel (Nextron Systems)"]],
    ["Florian Roth (Nextron Systems) and Max", ["Florian Roth (Nextron Systems)", "Max"]],
    [null, []],
  ])("%j", (a, expected) => expect(splitAuthors(a)).toEqual(expected));
});
