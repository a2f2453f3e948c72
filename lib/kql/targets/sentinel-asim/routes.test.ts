import { describe, expect, it } from "vitest";
import { routeColumnProblems } from "../route-columns";
import { sentinelAsimTarget } from "./index";

const routes = sentinelAsimTarget.routes;

describe("sentinel-asim routes", () => {
  it("have unique ids", () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
  });

  it.each(routes.map((r) => [r.id, r] as const))("%s names only columns of its ASIM schema", (_id, route) => {
    expect(routeColumnProblems(route, sentinelAsimTarget.schema)).toEqual([]);
    expect(route.connectors.length).toBeGreaterThan(0);
    expect(Object.keys(route.when).length).toBeGreaterThan(0);
  });

  it.each([
    ["file_event", "Image", "ActingProcessName"],
    ["file_event", "TargetFilename", "TargetFilePath"],
    ["process_creation", "ParentImage", "ActingProcessName"],
    ["process_creation", "OriginalFileName", "TargetProcessFileOriginalName"],
    ["registry_set", "Image", "ActingProcessName"],
  ])("%s maps %s to %s (the acting process, full paths)", (category, field, column) => {
    const route = routes.find((r) => r.id === `sentinel-asim/${category}`);
    expect(route?.fields[field]).toEqual({ column });
  });

  it.each([["process_access", "GrantedAccess"]])("never maps %s %s approximately onto an ASIM parser", (_c, field) => {
    // Native fallback routes read Sysmon's own GrantedAccess from EventData, which is exact; ASIM has no such column.
    for (const route of routes.filter((r) => !r.id.startsWith("sentinel-asim/native/"))) {
      const mapping = route.fields[field];
      if (mapping) expect(mapping).toHaveProperty("unsupported");
    }
  });
});
