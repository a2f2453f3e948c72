import { describe, expect, it } from "vitest";
import { buildDataSources, type RouteInfo, type StoredConversion } from "./data-sources";

const routes: RouteInfo[] = [
  { id: "sentinel-asim/process_creation", table: "imProcessCreate", connectors: ["Windows Security Events via AMA", "Microsoft Defender for Endpoint"], note: "ASIM parser" },
  { id: "sentinel-asim/process_creation_sysmon", table: "imProcessCreate", connectors: ["Sysmon via AMA"] },
];
const targets = [{ id: "sentinel-asim" as const, label: "Sentinel ASIM", routes }];

describe("buildDataSources", () => {
  it.each<[string, StoredConversion[], { table: string | null; connectors: string[]; state: string; columns: string[]; watchlists?: string[] }]>([
    [
      "route taken, as the converter writes it (route:<id>), not the first route on the table",
      [{ target: "sentinel-asim", state: "converted", table: "imProcessCreate", columns: ["CommandLine"], trace: ["select-route", "tried:sentinel-asim/process_creation", "route:sentinel-asim/process_creation_sysmon", "map-fields"] }],
      { table: "imProcessCreate", connectors: ["Sysmon via AMA"], state: "converted", columns: ["CommandLine"] },
    ],
    [
      "placeholders resolved to watchlists",
      [{ target: "sentinel-asim", state: "converted", table: "imProcessCreate", columns: ["TargetUsername"], trace: ["route:sentinel-asim/process_creation", "map-fields", "watchlist:Administrators", "watchlist:Jump_Servers"] }],
      { table: "imProcessCreate", connectors: ["Windows Security Events via AMA", "Microsoft Defender for Endpoint"], state: "converted", columns: ["TargetUsername"], watchlists: ["Administrators", "Jump_Servers"] },
    ],
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
    expect({ table: row.table, connectors: row.connectors, state: row.state, columns: row.columns, watchlists: row.watchlists }).toEqual({ watchlists: [], ...expected });
  });
});
