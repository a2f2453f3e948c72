import { describe, expect, it } from "vitest";
import { buildDataSources, type RouteInfo, type StoredConversion } from "./data-sources";

const routes: RouteInfo[] = [
  { id: "sentinel-asim/process_creation", table: "imProcessCreate", connectors: ["Windows Security Events via AMA", "Microsoft Defender for Endpoint"], note: "ASIM parser" },
  { id: "sentinel-asim/process_creation_sysmon", table: "imProcessCreate", connectors: ["Sysmon via AMA"] },
];
const targets = [{ id: "sentinel-asim" as const, label: "Sentinel ASIM", routes }];

describe("buildDataSources", () => {
  it.each<[string, StoredConversion[], { table: string | null; connectors: string[]; state: string; columns: string[] }]>([
    [
      "route found by trace id",
      [{ target: "sentinel-asim", state: "converted", table: "imProcessCreate", columns: ["TargetProcessName", "CommandLine"], trace: ["route:x", "sentinel-asim/process_creation_sysmon"] }],
      { table: "imProcessCreate", connectors: ["Sysmon via AMA"], state: "converted", columns: ["CommandLine", "TargetProcessName"] },
    ],
    [
      "route found by table when the trace has no route id",
      [{ target: "sentinel-asim", state: "converted", table: "imProcessCreate", columns: [], trace: [] }],
      { table: "imProcessCreate", connectors: ["Windows Security Events via AMA", "Microsoft Defender for Endpoint"], state: "converted", columns: [] },
    ],
    [
      "unsupported without table",
      [{ target: "sentinel-asim", state: "unsupported", table: null, columns: [], trace: [] }],
      { table: null, connectors: [], state: "unsupported", columns: [] },
    ],
    ["no stored conversion", [], { table: null, connectors: [], state: "missing", columns: [] }],
  ])("%s", (_name, conversions, expected) => {
    const [row] = buildDataSources(targets, conversions);
    expect({ table: row.table, connectors: row.connectors, state: row.state, columns: row.columns }).toEqual(expected);
  });
});
