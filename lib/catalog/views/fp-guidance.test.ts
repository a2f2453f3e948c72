import { describe, expect, it } from "vitest";
import { buildFpGuidance, type FpInput } from "./fp-guidance";
import { cand, cnot, detection, oneOf, ref, str } from "./test-fixtures";

const withFilters = detection(
  {
    selection: str("Image", "endswith", ["\\rundll32.exe"]),
    filter_main_system: str("ParentImage", "startswith", ["C:\\Windows\\System32\\"]),
    filter_optional_chrome: str("CommandLine", "contains", ["chrome_elf.dll"]),
  },
  cand(ref("selection"), cnot(oneOf("filter_main_*", ["filter_main_system"])), cnot(oneOf("filter_optional_*", ["filter_optional_chrome"]))),
);

describe("buildFpGuidance", () => {
  it.each<[string, FpInput, { unknownOnly: boolean; fps: string[]; tuning: string[]; optional: string[]; genericCount: number }]>([
    [
      "own falsepositives and filters",
      { falsePositives: ["Legitimate backup software"], detection: withFilters, level: "high", logsource: { product: "windows", category: "process_creation" } },
      { unknownOnly: false, fps: ["Legitimate backup software"], tuning: ["filter_main_system"], optional: ["filter_optional_chrome"], genericCount: 0 },
    ],
    [
      "only Unknown gets generic advice",
      { falsePositives: ["Unknown"], detection: withFilters, level: "medium", logsource: { product: "windows", category: "process_creation" } },
      { unknownOnly: true, fps: [], tuning: ["filter_main_system"], optional: ["filter_optional_chrome"], genericCount: 3 },
    ],
    [
      "empty list with no detection",
      { falsePositives: [], detection: null, level: null, logsource: {} },
      { unknownOnly: true, fps: [], tuning: [], optional: [], genericCount: 2 },
    ],
  ])("%s", (_name, input, expected) => {
    const g = buildFpGuidance(input);
    expect(g.unknownOnly).toBe(expected.unknownOnly);
    expect(g.falsePositives).toEqual(expected.fps);
    expect(g.tuning.map((t) => t.name)).toEqual(expected.tuning);
    expect(g.optional.map((t) => t.name)).toEqual(expected.optional);
    expect(g.generic).toHaveLength(expected.genericCount);
  });

  it.each([["process_creation", /full image path/], ["registry_set", /registry key/], ["proxy", /destination/]])(
    "generic advice for category %s",
    (category, re) => {
      const g = buildFpGuidance({ falsePositives: ["Unknown"], detection: null, level: "low", logsource: { product: "windows", category } });
      expect(g.generic.join(" ")).toMatch(re);
    },
  );

  it("describes the tuning in words with its fields", () => {
    const g = buildFpGuidance({ falsePositives: [], detection: withFilters, level: "high", logsource: {} });
    expect(g.tuning[0].text).toBe('ParentImage starts with "C:\\Windows\\System32\\"');
    expect(g.tuning[0].fields).toEqual([{ field: "ParentImage", values: ["C:\\Windows\\System32\\"] }]);
  });
});
