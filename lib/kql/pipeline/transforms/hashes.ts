/**
 * Field mapping `hashes`: Sysmon's `Hashes` holds `ALGO=value` pairs joined by commas (`SHA1=…,MD5=…`) in an
 * order set by its configuration. `contains 'ALGO=HEX'` is the only order-independent test, and it means the
 * ALGO hash starts with HEX (equals it when HEX has the algorithm's full length). Algorithms the table has no
 * column for make the rule unsupported; they are never dropped from an OR.
 */
import type { MatchLeaf } from "../../../sigma";
import type { KqlCond } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { columnRef, type BindContext } from "../bind";
import { perStringValue, plainText, refuse, textTest } from "./util";

const FULL_LENGTH: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha384: 96, sha512: 128, imphash: 32 };

/** Binds a `Hashes` leaf given algorithm (any case) → column. */
export function applyHashes(leaf: MatchLeaf, columns: Record<string, string | null>, ctx: BindContext): KqlCond {
  const byAlgo = new Map(Object.entries(columns).map(([k, v]) => [k.toLowerCase(), v]));
  if (leaf.kind === "exists" || leaf.kind === "null") {
    return refuse(ctx, "unsupported-modifier", `${leaf.field}: presence of the combined hash list has no single column`);
  }
  const anyColumn = [...byAlgo.values()].find((c) => c);
  const first = anyColumn ? columnRef(anyColumn, ctx) : null;
  if (!first) return refuse(ctx, "unmapped-field", `${leaf.field}: no hash column in ${ctx.route.table}`);
  return perStringValue(leaf, first, ctx, "hashes", (value, l) => {
    const s = shapeValue(value, l.op);
    const text = plainText(s.parts);
    if (text === null || s.anchorStart || s.anchorEnd || text.includes(",")) {
      return refuse(ctx, "unsupported-value", `${l.field}: only "contains 'ALGO=value'" tests on Hashes are independent of the hash order`);
    }
    const m = /^([A-Za-z0-9]+)=(.*)$/.exec(text);
    if (!m) return refuse(ctx, "hashes-without-algorithm", `${l.field}: ${JSON.stringify(text)} does not name its algorithm (ALGO=value)`);
    const algo = m[1].toLowerCase();
    const column = byAlgo.get(algo);
    if (!column) return refuse(ctx, "hash-algorithm-unmapped", `${l.field}: ${m[1].toUpperCase()} hashes have no column in ${ctx.route.table}`);
    const col = columnRef(column, ctx);
    if (!col) return { kind: "const", value: false };
    const full = FULL_LENGTH[algo] !== undefined && m[2].length === FULL_LENGTH[algo];
    return textTest(l, col, full ? "eq" : "startswith", m[2], l.cased);
  });
}
