import { describe, expect, it } from "vitest";
import { routeColumnProblems } from "../route-columns";
import { azureMonitorTarget } from "./index";
import { SYSMON_CATEGORIES } from "./sysmon";

const routes = azureMonitorTarget.routes;

describe("azure-monitor routes", () => {
  it("have unique ids", () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
  });

  it.each(routes.map((r) => [r.id, r] as const))("%s names only columns of its table", (_id, route) => {
    expect(routeColumnProblems(route, azureMonitorTarget.schema)).toEqual([]);
    expect(route.connectors.length).toBeGreaterThan(0);
  });

  it.each(SYSMON_CATEGORIES.map(([c]) => [c]))("Sysmon category %s has a WindowsEvent route", (category) => {
    const route = routes.find((r) => r.id === `azure-monitor/sysmon/${category}`);
    expect(route?.table).toBe("WindowsEvent");
  });

  it("tries SecurityEvent 4688 before Sysmon event 1 for process creation", () => {
    const ids = routes.map((r) => r.id);
    expect(ids.indexOf("azure-monitor/windows/process_creation-4688")).toBeLessThan(ids.indexOf("azure-monitor/sysmon/process_creation"));
  });

  it("lists only the tables its routes use in the generated schema", () => {
    expect(new Set(routes.map((r) => r.table))).toEqual(new Set(Object.keys(azureMonitorTarget.schema)));
  });
});
