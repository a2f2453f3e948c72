/**
 * Transform `file-name`: the column holds only a file name while Sigma's field holds a full path. Only tests on
 * the last path element translate exactly: `endswith '\cmd.exe'` → name == cmd.exe; `endswith 'md.exe'` (no
 * separator) → name endswith md.exe. Tests on folders (`contains '\Temp\'`, a full path) are refused.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import type { BindContext } from "../bind";
import { perStringValue, plainText, refuse, textTest } from "./util";

/** See the module comment. */
export function fileNameTransform(leaf: MatchLeaf, col: ColumnRef, _param: string | undefined, ctx: BindContext): KqlCond {
  return perStringValue(leaf, col, ctx, "file-name", (value, l) => {
    const s = shapeValue(value, l.op);
    const text = plainText(s.parts);
    const why = `${l.field}: ${col.columns.join(", ")} holds only a file name, so this test on the full path cannot be expressed`;
    if (text === null || s.anchorStart || !s.anchorEnd) return refuse(ctx, "path-not-expressible", why);
    const sep = Math.max(text.lastIndexOf("\\"), text.lastIndexOf("/"));
    if (sep < 0) return textTest(l, col, "endswith", text, l.cased);
    if (sep > 0 || text.length === 1) return refuse(ctx, "path-not-expressible", why);
    return textTest(l, col, "eq", text.slice(1), l.cased);
  });
}
