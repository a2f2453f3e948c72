import { describe, expect, it } from "vitest";
import { computeConfidence, type ConfidenceInput } from "./confidence";

const all3 = (warnings: number): ConfidenceInput["conversions"] => [0, 1, 2].map(() => ({ state: "converted" as const, warnings }));

describe("computeConfidence", () => {
  it.each<[string, ConfidenceInput, string, string]>([
    ["stable high exact", { status: "stable", level: "high", conversions: all3(0) }, "high", "Status stable, level high; converts to all 3 KQL targets without warnings."],
    ["test medium exact", { status: "test", level: "medium", conversions: all3(0) }, "medium", "Status test, level medium; converts to all 3 KQL targets without warnings."],
    ["experimental high with warnings", { status: "experimental", level: "high", conversions: all3(1) }, "medium", "Status experimental, level high; converts to all 3 KQL targets, 3 with warnings."],
    [
      "experimental high partial",
      { status: "experimental", level: "high", conversions: [{ state: "converted", warnings: 0 }, { state: "unsupported", warnings: 0 }, { state: "unsupported", warnings: 0 }] },
      "medium",
      "Status experimental, level high; converts to 1 of 3 KQL targets.",
    ],
    ["experimental low none", { status: "experimental", level: "low", conversions: [{ state: "unsupported", warnings: 0 }] }, "low", "Status experimental, level low; does not convert to any KQL target."],
    ["deprecated is always low", { status: "deprecated", level: "critical", conversions: all3(0) }, "low", "Status deprecated, level critical; converts to all 3 KQL targets without warnings."],
    ["missing status and level", { status: null, level: null, conversions: all3(0) }, "medium", "Status unspecified, level unspecified; converts to all 3 KQL targets without warnings."],
  ])("%s", (_name, input, level, reason) => {
    expect(computeConfidence(input)).toEqual({ level, reason });
  });
});
