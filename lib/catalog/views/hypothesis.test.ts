import { describe, expect, it } from "vitest";
import { buildHypothesis, logsourcePhrase, type HypothesisInput } from "./hypothesis";
import { cand, cnot, detection, oneOf, ref, str, strAll } from "./test-fixtures";

const restic = detection(
  {
    selection_specific: strAll("CommandLine", "contains", ["--password-file", "init", " -r "]),
    selection_restic: str("CommandLine", "contains", ["sftp:", "rest:http", "s3:s3.", "s3.http", "azure:", " gs:"]),
  },
  oneOf("selection_*", ["selection_specific", "selection_restic"]),
);

const base: HypothesisInput = {
  title: "PUA - Restic Backup Tool Execution",
  techniques: [
    { id: "T1048", name: "Exfiltration Over Alternative Protocol" },
    { id: "T1567.002", name: "Exfiltration to Cloud Storage" },
  ],
  tactics: [{ name: "Exfiltration" }],
  logsource: { product: "windows", category: "process_creation" },
  detection: restic,
};

describe("logsourcePhrase", () => {
  it.each([
    [{ product: "windows", category: "process_creation" }, "Windows process creation events"],
    [{ product: "windows", service: "security" }, "Windows security log events"],
    [{ category: "proxy" }, "proxy events"],
    [{ product: "macos", category: "file_event" }, "macOS file events"],
    [{}, "log events"],
  ])("%j", (ls, expected) => expect(logsourcePhrase(ls)).toBe(expected));
});

describe("buildHypothesis", () => {
  it.each<[string, HypothesisInput, string[]]>([
    [
      "restic (two techniques, one-of selections)",
      base,
      [
        'If adversaries are using Exfiltration Over Alternative Protocol (T1048) or Exfiltration to Cloud Storage (T1567.002) for Exfiltration, Windows process creation events should show activity where CommandLine contains all of "--password-file", "init" and " -r "; or CommandLine contains any of "sftp:", "rest:http", "s3:s3." or 3 more.',
      ],
    ],
    [
      "selection with filter",
      {
        ...base,
        techniques: [{ id: "T1059.001", name: null }],
        tactics: [],
        detection: detection(
          { selection: str("Image", "endswith", ["\\powershell.exe"]), filter_main: str("ParentImage", "startswith", ["C:\\Program Files\\"]) },
          cand(ref("selection"), cnot(ref("filter_main"))),
        ),
      },
      [
        'If adversaries are using T1059.001, Windows process creation events should show activity where Image ends with "\\powershell.exe".',
        'Events are set aside as expected activity when ParentImage starts with "C:\\Program Files\\".',
      ],
    ],
    [
      "no tags, no detection",
      { ...base, techniques: [], tactics: [], detection: null },
      ['If the activity "PUA - Restic Backup Tool Execution" is happening, Windows process creation events should show activity matching this rule\'s detection.'],
    ],
    [
      "four techniques are cut with 'or 1 more technique'",
      { ...base, techniques: ["T1", "T2", "T3", "T4"].map((id) => ({ id, name: `N${id}` })), tactics: [{ name: "Execution" }, { name: "Persistence" }] },
      [
        'If adversaries are using NT1 (T1), NT2 (T2), NT3 (T3) or 1 more technique for Execution and Persistence, Windows process creation events should show activity where CommandLine contains all of "--password-file", "init" and " -r "; or CommandLine contains any of "sftp:", "rest:http", "s3:s3." or 3 more.',
      ],
    ],
  ])("%s", (_name, input, expected) => {
    expect(buildHypothesis(input).sentences).toEqual(expected);
  });

  it.each([["restic", base]])("%s never ends mid-word (every sentence ends with a full stop)", (_n, input) => {
    for (const s of buildHypothesis(input).sentences) expect(s).toMatch(/\.$/);
  });
});
