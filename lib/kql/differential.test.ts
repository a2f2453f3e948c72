/**
 * Differential test: for every converted corpus rule, events generated from the rule's literals are judged by
 * lib/sigma's evaluator (on the Sigma event) and by a KQL evaluator running the emitted query (on the row the
 * route's table would hold for that event). The verdicts must agree.
 */
import { describe, expect, it } from "vitest";
import { buildMatchExpr, matchEvent } from "../sigma";
import { printQuery } from "./emit/print";
import { runPipeline } from "./pipeline/run";
import { TARGETS } from "./targets";
import { TARGET_IDS, type TargetId } from "./target";
import { corpusAvailable, SIGMA_DIR } from "./testing/corpus";
import { corpusConversions } from "./testing/corpus-conversions";
import { fieldCandidates, generateEvents } from "./testing/event-gen";
import { compileQuery } from "./testing/kql-eval";
import { CannotInvert, toEventAndRow, Unrealistic } from "./testing/row-map";

interface Outcome {
  rules: number;
  skipped: number;
  events: number;
  /** Events both sides matched: shows the generated events exercise the positive paths too. */
  positives: number;
  mismatches: string[];
}

function differential(target: TargetId): Outcome {
  const t = TARGETS[target];
  const out: Outcome = { rules: 0, skipped: 0, events: 0, positives: 0, mismatches: [] };
  for (const { file, rule, result } of corpusConversions(target)) {
    if (result.status !== "converted" || !rule || !result.query) continue;
    out.rules++;
    // A watchlist's items are the deployment's; the Sigma side has no values for the placeholder either.
    if (result.query.includes("_GetWatchlist(")) { out.skipped++; continue; }
    const expr = buildMatchExpr(rule.detection);
    const pipeline = runPipeline(expr, rule.logsource, t);
    if (!pipeline.ok) throw new Error(`${file.rel}: converted once, not twice`);
    const route = pipeline.route;
    const columns = t.schema[route.table];
    const query = compileQuery(result.query);
    const filterOnly = compileQuery(printQuery(route.table, pipeline.filter, [], []));
    try {
      for (const generated of generateEvents(fieldCandidates(expr))) {
        let pair;
        try {
          pair = toEventAndRow(generated, route, columns);
        } catch (e) {
          if (e instanceof Unrealistic) continue;
          throw e;
        }
        if (!filterOnly.matches(pair.row)) continue;
        out.events++;
        const sigma = matchEvent(rule, pair.event).match;
        const kql = query.matches(pair.row);
        if (sigma && kql) out.positives++;
        if (sigma !== kql && out.mismatches.length < 15) {
          out.mismatches.push(`${file.rel}: sigma=${sigma} kql=${kql}\n  event ${JSON.stringify(pair.event)}\n${result.query}`);
        }
      }
    } catch (e) {
      if (!(e instanceof CannotInvert)) throw new Error(`${file.rel}: ${e instanceof Error ? e.message : String(e)}`);
      out.skipped++;
    }
  }
  return out;
}

describe.skipIf(!corpusAvailable())(`differential Sigma vs KQL verdicts (needs ${SIGMA_DIR})`, () => {
  it.each(TARGET_IDS)("%s", (target) => {
    const o = differential(target);
    console.info(`${target}: ${o.rules} converted rules, ${o.skipped} skipped (mapping not invertible, or items from a watchlist), ${o.events} events compared, ${o.positives} matched by both`);
    expect(o.mismatches).toEqual([]);
    expect(o.events).toBeGreaterThan(o.rules);
    expect(o.positives).toBeGreaterThan(o.rules / 2);
    expect(o.skipped).toBeLessThan(o.rules * 0.2);
  }, 300_000);
});
