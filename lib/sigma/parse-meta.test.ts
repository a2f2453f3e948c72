import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SigmaCorrelation, SigmaDocument, SigmaFilter } from "./model";
import { parseSigmaFile } from "./parse-file";
import { linkMetaRules } from "./link";
import { matchDetection } from "./evaluate";

const load = (name: string) => parseSigmaFile(readFileSync(join(__dirname, "testdata", name), "utf8"));
const docs = (name: string) => load(name).documents.map((d) => d.document as SigmaDocument);

describe("correlation with chained rules (mr_failed_logins_then_success.yml)", () => {
  const file = load("mr_failed_logins_then_success.yml");
  const [failed, success, count, ordered] = file.documents.map((d) => d.document!);
  it("reads four documents without problems", () => {
    expect(file.documents.map((d) => [d.document?.kind, d.issues])).toEqual([
      ["rule", []], ["rule", []], ["correlation", []], ["correlation", []],
    ]);
    expect([failed.line, success.line, count.line, ordered.line]).toEqual([2, 14, 24, 38]);
  });
  it("reads the event_count correlation", () => {
    expect(count).toMatchObject({
      kind: "correlation", type: "event_count", name: "many_failed_logons",
      rules: ["5638f7c0-ac70-491d-8465-2a65075e0d86"], groupBy: ["TargetUserName", "TargetDomainName"],
      timespan: { text: "10m", seconds: 600 }, condition: { gte: 10 }, aliases: {}, generate: false,
    });
  });
  it("reads the temporal_ordered correlation with aliases and generate", () => {
    expect(ordered).toMatchObject({
      type: "temporal_ordered", rules: ["many_failed_logons", "successful_logon"], timespan: { text: "1h", seconds: 3600 },
      condition: null, generate: true, level: "high",
      aliases: { User: { many_failed_logons: "TargetUserName", successful_logon: "TargetUserName" } },
    });
  });
  it("links references by id and by name", () => {
    const linked = linkMetaRules(file.documents.map((d) => d.document!));
    expect(linked.issues).toEqual([]);
    expect((linked.documents[2] as SigmaCorrelation).resolved).toEqual(["5638f7c0-ac70-491d-8465-2a65075e0d86"]);
    expect((linked.documents[3] as SigmaCorrelation).resolved).toEqual(["0e95725d-7320-415d-80f7-004da920fc11", "successful_logon"]);
  });
});

describe("value_* correlations (mr_value_types.yml)", () => {
  const file = load("mr_value_types.yml");
  it.each<[number, string, object, number]>([
    [0, "value_count", { field: "TargetUserName", gt: 100, lte: 200 }, 86400],
    [1, "value_sum", { field: "bytes_out", gte: 1000000 }, 3600],
    [2, "value_avg", { field: "bytes_out", gt: 5000 }, 30],
    [3, "value_percentile", { field: "bytes_out", percentile: 95, gt: 5000 }, 172800],
    [4, "value_median", { field: "bytes_out", neq: 0 }, 900],
  ])("document %i is %s", (index, type, condition, seconds) => {
    const d = file.documents[index];
    expect(d.issues).toEqual([]);
    expect(d.document).toMatchObject({ type, condition, timespan: { seconds } });
  });
  it("reports references that resolve to nothing", () => {
    const linked = linkMetaRules(docs("mr_value_types.yml"));
    expect(linked.issues.map((i) => i.code)).toEqual(Array(5).fill("unresolved-rule-reference"));
  });
});

describe("invalid correlation (mr_invalid.yml)", () => {
  it("reports each broken part with its line", () => {
    const d = load("mr_invalid.yml").documents[0];
    expect(d.issues.map((i) => [i.code, i.line])).toEqual([
      ["invalid-correlation-type", 4],
      ["invalid-attribute-type", 5],
      ["invalid-timespan", 6],
      ["invalid-correlation-condition", 8],
      ["invalid-correlation-condition", 8],
    ]);
  });
});

describe("filter (mf_admin_workstations.yml)", () => {
  const d = load("mf_admin_workstations.yml").documents[0];
  const filter = d.document as SigmaFilter;
  it("reads rules, logsource and its detection", () => {
    expect(d.issues).toEqual([]);
    expect(filter.kind).toBe("filter");
    expect(filter.rules).toEqual(["5638f7c0-ac70-491d-8465-2a65075e0d86", "successful_logon", "not_in_this_file"]);
    expect(filter.logsource).toEqual({ product: "windows", category: "process_creation", custom: {} });
    expect(filter.detection.conditionText).toEqual(["not selection"]);
  });
  it.each<[string, boolean]>([["ADM-01", false], ["WS-01", true]])("its condition on ComputerName %s is %s", (host, expected) => {
    expect(matchDetection(filter.detection, { ComputerName: host }).match).toBe(expected);
  });
  it("links to rules in another file by id and name; warns on the rest", () => {
    const linked = linkMetaRules([...docs("mr_failed_logins_then_success.yml"), filter]);
    expect((linked.documents[4] as SigmaFilter).resolved).toEqual(["5638f7c0-ac70-491d-8465-2a65075e0d86", "successful_logon"]);
    expect(linked.issues.map((i) => [i.code, i.message])).toEqual([
      ["unresolved-rule-reference", "filter 'Filter out admin workstations' refers to 'not_in_this_file', which is not among the given rules"],
    ]);
  });
  it("expands `any` to every detection rule", () => {
    const anyFilter = { ...filter, rules: ["any"] };
    const linked = linkMetaRules([...docs("mr_failed_logins_then_success.yml"), anyFilter]);
    expect((linked.documents[4] as SigmaFilter).resolved).toEqual(["5638f7c0-ac70-491d-8465-2a65075e0d86", "successful_logon"]);
  });
});

describe("filter attributes the spec excludes", () => {
  it("warns about level and status on a filter", () => {
    const text = "title: f\nlevel: high\nstatus: test\nlogsource: {product: windows}\nfilter:\n    rules: [any]\n    selection: {User: x}\n    condition: not selection\n";
    expect(parseSigmaFile(text).documents[0].issues.map((i) => [i.code, i.line])).toEqual([
      ["ignored-attribute", 2],
      ["ignored-attribute", 3],
    ]);
  });
});
