/**
 * Transform `path-prefix:<prefix>`: the column writes every value behind a fixed prefix that Sigma's field
 * omits (Defender XDR pipe names are `\Device\NamedPipe\foo` where Sysmon writes `\foo`). Values anchored at the
 * start get the prefix; unanchored values are kept unless they could match inside or across the prefix.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { boundTest, type BindContext } from "../bind";
import { perStringValue, refuse, valuesLeaf } from "./util";

/** True when a match of `head` could start inside the prefix (then Sigma and the column disagree). */
function overlapsPrefix(prefix: string, head: string): boolean {
  const p = prefix.toLowerCase();
  const h = head.toLowerCase();
  for (let i = 0; i < p.length; i++) {
    const suffix = p.slice(i);
    if (h.startsWith(suffix) || suffix.startsWith(h)) return true;
  }
  return false;
}

/** See the module comment. */
export function pathPrefixTransform(leaf: MatchLeaf, col: ColumnRef, param: string | undefined, ctx: BindContext): KqlCond {
  const prefix = param ?? "";
  return perStringValue(leaf, col, ctx, "path-prefix", (value, l) => {
    const s = shapeValue(value, l.op);
    const op = s.anchorStart ? (s.anchorEnd ? "eq" : "startswith") : s.anchorEnd ? "endswith" : "contains";
    const first = s.parts[0];
    const head = first?.kind === "text" ? first.value : "";
    if (s.anchorStart) {
      const rest = first?.kind === "text" ? [{ kind: "text" as const, value: prefix + head }, ...s.parts.slice(1)] : [{ kind: "text" as const, value: prefix }, ...s.parts];
      return boundTest(valuesLeaf(l, op, [rest], l.cased), col);
    }
    if (head === "" || overlapsPrefix(prefix, head)) {
      return refuse(ctx, "path-prefix-ambiguous", `${l.field}: ${JSON.stringify(head)} could match inside the ${JSON.stringify(prefix)} prefix that ${col.columns.join(", ")} adds`);
    }
    return boundTest(valuesLeaf(l, op, [s.parts], l.cased), col);
  });
}
