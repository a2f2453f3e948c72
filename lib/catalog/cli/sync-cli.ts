/**
 * `npm run sync -- [--source S]... [--attack A | --no-attack] [--no-convert] [--quiet] [--if-empty]`: syncs rule sources (folders, zips,
 * zip URLs, git URLs) and the ATT&CK bundle into DATABASE_URL. Prints a one-line summary and every invalid file
 * (`path:line: code: message`). Exits 1 only when the sync could not run at all.
 */
import { parseArgs } from "node:util";
import { getPrisma } from "../db";
import { oneLine, runSync, type SyncSummary } from "../sync/run-sync";
import { createProgressBar } from "./progress";

const n = (value: number) => value.toLocaleString("en-US");

/** The summary line, e.g. `synced 3,952 files from 2 sources: 12 new, … ; ATT&CK v19.1 · 4.2 s`. */
export function formatSummary(s: SyncSummary): string {
  const read = s.sources.filter((src) => !src.warning || src.files > 0).length;
  const attack = s.attackVersion ? `ATT&CK ${/^\d/.test(s.attackVersion) ? `v${s.attackVersion}` : s.attackVersion}` : "no ATT&CK data";
  return (
    `synced ${n(s.filesSeen)} files from ${read} source${read === 1 ? "" : "s"}: ${n(s.newCount)} new, ${n(s.updatedCount)} updated, ` +
    `${n(s.unchangedCount)} unchanged, ${n(s.removedCount)} removed, ${n(s.invalidCount)} invalid; ${attack} · ${(s.durationMs / 1000).toFixed(1)} s`
  );
}

/** Rule warnings counted by code, e.g. ` (301 rule warnings: 300 legacy-date-format, 1 deprecated-aggregation)`. */
function formatWarningCounts(s: SyncSummary): string {
  const counts = new Map<string, number>();
  for (const p of s.problems) if (p.severity !== "error") counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  if (!counts.size) return "";
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const byCode = [...counts].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${n(count)} ${code}`);
  return ` (${n(total)} rule warning${total === 1 ? "" : "s"}: ${byCode.join(", ")})`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: "string", multiple: true },
      attack: { type: "string" },
      "no-attack": { type: "boolean", default: false },
      "no-convert": { type: "boolean", default: false },
      quiet: { type: "boolean", short: "q", default: false },
      timings: { type: "boolean", default: false },
      "if-empty": { type: "boolean", default: false },
    },
    allowPositionals: false,
  });
  // `npm start` syncs only a fresh catalog, so restarting the app never waits on downloads.
  if (values["if-empty"]) {
    const rules = await getPrisma().rule.count({ where: { removedAt: null } }).catch(() => 0);
    if (rules > 0) {
      console.log(`catalog already holds ${n(rules)} rules; not syncing (run \`npm run sync\` to refresh)`);
      return 0;
    }
  }
  const bar = values.quiet ? null : createProgressBar();
  let summary: SyncSummary;
  try {
    summary = await runSync({ sources: values.source, attack: values["no-attack"] ? false : values.attack, convert: !values["no-convert"], onProgress: bar?.update });
  } catch (error) {
    bar?.clear();
    const reason = oneLine(error);
    const hint = /no such table|relation "SyncRun" does not exist|does not exist/i.test(reason) && /SyncRun/.test(reason) ? " (run `npm run db:migrate` first)" : "";
    console.error(`sync failed: ${reason}${hint}`);
    return 1;
  }
  bar?.clear();
  for (const warning of summary.warnings) console.error(`warning: ${warning}`);
  const errors = summary.problems.filter((p) => p.severity === "error");
  if (!values.quiet) {
    for (const p of errors) {
      const source = summary.sources.find((s) => s.key === p.sourceKey);
      console.log(`${source ? `${source.label}: ` : ""}${p.path}${p.line ? `:${p.line}` : ""}: ${p.code}: ${p.message}`);
    }
  }
  console.log(formatSummary(summary) + formatWarningCounts(summary));
  if (values.timings) {
    const parts = Object.entries(summary.timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`);
    console.log(`timings: ${parts.join(", ")}; ${n(summary.convertedCount)} rules converted`);
  }
  return 0;
}

main().then((code) => process.exit(code));
