/**
 * Transform `sysmon-initiated-direction`: Sysmon's `Initiated` (`true` when the local process opened the
 * connection) → ASIM `NetworkDirection` (`Outbound` / `Inbound`). Only the values true/false map.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { combine } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import type { BindContext } from "../bind";
import { plainText, refuse, textTest } from "./util";

/** The true/false values of an `Initiated` test, or null (after recording a problem). */
export function initiatedFlags(leaf: MatchLeaf, ctx: BindContext): boolean[] | null {
  if (leaf.kind === "bool") return leaf.values;
  if (leaf.kind === "string") {
    const out: boolean[] = [];
    for (const v of leaf.values) {
      const s = shapeValue(v, leaf.op);
      const t = plainText(s.parts)?.toLowerCase();
      if (!s.anchorStart || !s.anchorEnd || (t !== "true" && t !== "false")) break;
      out.push(t === "true");
    }
    if (out.length === leaf.values.length) return out;
  }
  refuse(ctx, "unsupported-value", `${leaf.field}: only 'true' or 'false' can be mapped`);
  return null;
}

/** See the module comment. */
export function initiatedDirectionTransform(leaf: MatchLeaf, col: ColumnRef, _p: string | undefined, ctx: BindContext): KqlCond {
  const flags = initiatedFlags(leaf, ctx);
  if (!flags) return { kind: "const", value: false };
  return combine("or", [...new Set(flags)].map((f) => textTest(leaf, col, "eq", f ? "Outbound" : "Inbound", false)));
}
