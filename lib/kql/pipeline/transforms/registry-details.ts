/**
 * Transform `registry-details`: Sysmon renders registry value data as text (`DWORD (0x00000001)`,
 * `QWORD (0x…)`, `Binary Data`, or the string itself); Defender XDR keeps the data (`1` for that DWORD) and
 * the type in RegistryValueType. Whole DWORD/QWORD renderings map to type + decimal data; string tests map as
 * they are when they cannot match a number rendering on either side; the rest is refused.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { combine } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { boundTest, columnRef, type BindContext } from "../bind";
import { perStringValue, plainText, refuse, textTest, valuesLeaf } from "./util";

const NUMBER_RENDERING = /^(DWORD|QWORD) \(0x([0-9a-f]{1,16})\)$/i;

const RENDERING_HEADS = ["dword (0x", "qword (0x"];

/** Could `fragment` occur inside a Sysmon number/binary rendering or a decimal number (the XDR side)? */
function mayMeetNumber(fragment: string): boolean {
  const f = fragment.toLowerCase();
  if (f === "" || "binary data".includes(f) || "(empty)".includes(f)) return true;
  for (const head of RENDERING_HEADS) {
    if (head.includes(f)) return true;
    for (let i = 0; i <= head.length; i++) {
      const a = head.slice(i);
      if (f.startsWith(a) && /^[0-9a-f]*\)?$/.test(f.slice(a.length))) return true;
    }
  }
  return false;
}

/** See the module comment; `param` is the value-type column (default RegistryValueType). */
export function registryDetailsTransform(leaf: MatchLeaf, col: ColumnRef, param: string | undefined, ctx: BindContext): KqlCond {
  return perStringValue(leaf, col, ctx, "registry-details", (value, l) => {
    const s = shapeValue(value, l.op);
    const text = plainText(s.parts);
    // Sysmon writes an empty string value as "(Empty)".
    if (text !== null && s.anchorStart && s.anchorEnd && text.toLowerCase() === "(empty)") return textTest(l, col, "eq", "", false);
    if (text !== null && text.toLowerCase() === "binary data") {
      // Sysmon writes every REG_BINARY value as "Binary Data"; Defender XDR keeps the bytes and the type.
      const typeCol = columnRef(param ?? "RegistryValueType", ctx);
      return typeCol ? textTest(l, typeCol, "eq", "Binary", false) : { kind: "const", value: false };
    }
    if (text !== null) {
      // A whole rendering is that number. Under contains/startswith/endswith a string value could also hold the
      // rendering's text, so that test is kept beside the number test.
      const m = NUMBER_RENDERING.exec(text);
      if (m) {
        const typeCol = columnRef(param ?? "RegistryValueType", ctx);
        if (!typeCol) return { kind: "const", value: false };
        const decimal = BigInt(`0x${m[2]}`).toString();
        const isNumber = combine("and", [textTest(l, typeCol, "eq", m[1].toUpperCase() === "DWORD" ? "Dword" : "Qword", false), textTest(l, col, "eq", decimal, false)]);
        if (s.anchorStart && s.anchorEnd) return isNumber;
        return combine("or", [isNumber, boundTest(valuesLeaf(l, l.op, [value], l.cased), col)]);
      }
    }
    const fragments = s.parts.filter((p) => p.kind === "text").map((p) => (p.kind === "text" ? p.value : ""));
    if (fragments.length === 0 || fragments.some(mayMeetNumber)) {
      return refuse(ctx, "registry-details-ambiguous", `${l.field}: ${JSON.stringify(text ?? fragments.join("*"))} could match a number, which Sysmon and ${col.columns.join(", ")} write differently`);
    }
    return boundTest(valuesLeaf(l, l.op, [value], l.cased), col);
  });
}
