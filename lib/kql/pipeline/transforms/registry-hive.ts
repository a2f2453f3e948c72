/**
 * Transforms `registry-hive` and `registry-hive-mde`: Sysmon writes registry paths with short hive names
 * (`HKLM\…`, `HKU\…`, `HKCR\…`); ASIM and Defender XDR write the long names (`HKEY_LOCAL_MACHINE\…`). Defender
 * XDR writes user hives (`HKU\<SID>`) as `HKEY_CURRENT_USER\<SID>`. A value that names the hive gets it
 * rewritten; a value that could match inside or across a hive name in one spelling but not the other (e.g.
 * `contains 'LM\Software'`, `contains 'LOCAL'`) is refused instead of guessed.
 */
import type { MatchLeaf, SigmaString } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { combine } from "../../emit/ir";
import { boundTest, type BindContext } from "../bind";
import { perStringValue, refuse, valuesLeaf } from "./util";

// ASIM's registry parsers normalise HKCR to HKEY_LOCAL_MACHINE\Classes and HKCU to HKEY_CURRENT_USER.
const STANDARD: Record<string, string> = {
  hklm: "HKEY_LOCAL_MACHINE",
  hku: "HKEY_USERS",
  hkcu: "HKEY_CURRENT_USER",
  hkcr: "HKEY_LOCAL_MACHINE\\Classes",
  hkcc: "HKEY_CURRENT_CONFIG",
};
// Defender XDR writes HKU\<SID> as HKEY_CURRENT_USER\<SID>; its spelling of HKCR and HKCC paths is not documented.
const MDE: Record<string, string> = { hklm: "HKEY_LOCAL_MACHINE", hku: "HKEY_CURRENT_USER" };

/** Every hive spelling either side may use; a value fragment inside one of these is ambiguous. */
const ALL_HIVE_NAMES = ["HKLM", "HKU", "HKCU", "HKCR", "HKCC", "HKEY_LOCAL_MACHINE", "HKEY_USERS", "HKEY_CURRENT_USER", "HKEY_CLASSES_ROOT", "HKEY_CURRENT_CONFIG"].map((h) => h.toLowerCase());

function isProperSuffixOfHive(seg: string): boolean {
  const s = seg.toLowerCase();
  return ALL_HIVE_NAMES.some((h) => h.length > s.length && h.endsWith(s));
}

function insideHiveName(fragment: string): boolean {
  const f = fragment.toLowerCase();
  return ALL_HIVE_NAMES.some((h) => h.includes(f));
}

/** Rewrites the leading text of a value: its first path segment `seg` becomes `long`. */
function withHead(value: SigmaString, seg: string, long: string): SigmaString {
  const first = value[0];
  if (first?.kind !== "text") return value;
  return [{ kind: "text", value: long + first.value.slice(seg.length) }, ...value.slice(1)];
}

/** See the module comment. `flavour` picks the long names. */
export function registryHiveTransform(leaf: MatchLeaf, col: ColumnRef, flavour: "standard" | "mde", ctx: BindContext): KqlCond {
  const names = flavour === "mde" ? MDE : STANDARD;
  return perStringValue(leaf, col, ctx, "registry-hive", (value, l) => {
    const s = shapeValue(value, l.op);
    const first = s.parts[0];
    const head = first?.kind === "text" ? first.value : "";
    const slash = head.indexOf("\\");
    const ambiguous = () =>
      refuse(ctx, "registry-hive-ambiguous", `${l.field}: ${JSON.stringify(head)} may meet a hive name, which is spelt differently in ${col.columns.join(", ")}`);
    const keep = () => boundTest(valuesLeaf(l, s.anchorStart ? (s.anchorEnd ? "eq" : "startswith") : s.anchorEnd ? "endswith" : "contains", [s.parts], l.cased), col);
    const rewritten = (seg: string, long: string) => {
      const op = s.anchorStart ? (s.anchorEnd ? "eq" : "startswith") : s.anchorEnd ? "endswith" : "contains";
      return boundTest(valuesLeaf(l, op, [withHead(s.parts, seg, long)], l.cased), col);
    };
    if (slash < 0) {
      // No separator in the leading text: it lies within one path element.
      if (s.anchorStart) return head === "" && s.parts.length === 0 ? keep() : ambiguous();
      return head === "" || insideHiveName(head) ? ambiguous() : keep();
    }
    const seg = head.slice(0, slash);
    const long = names[seg.toLowerCase()];
    if (long && s.anchorStart) return rewritten(seg, long);
    if (long) {
      // Unanchored: the value either starts the path (hive rewritten, now anchored) or occurs below the root,
      // where the short spelling is just text and stays as written.
      const anchoredOp = s.anchorEnd ? "eq" : "startswith";
      const atRoot = boundTest(valuesLeaf(l, anchoredOp, [withHead(s.parts, seg, long)], l.cased), col);
      return combine("or", [atRoot, keep()]);
    }
    if (ALL_HIVE_NAMES.includes(seg.toLowerCase())) {
      return refuse(ctx, "registry-hive-ambiguous", `${l.field}: the hive ${seg} has no known spelling in ${col.columns.join(", ")}`);
    }
    if (s.anchorStart) return keep(); // starts with a non-hive element: matches nothing in either spelling
    if (seg !== "" && isProperSuffixOfHive(seg)) return ambiguous();
    return keep();
  });
}
