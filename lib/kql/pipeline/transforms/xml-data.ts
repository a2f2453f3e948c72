/**
 * Transform `xml-unnamed-data` (or `xml-unnamed-data:any-item`, which also reads named items): Sigma's `Data` field (the unnamed `<Data>` items of a classic Windows event, e.g.
 * Windows PowerShell 400/600/800 or Application-log events) tested against the Event table's `EventData`, which
 * holds the event's EventData as XML text: `<DataItem …><EventData xmlns="…"><Data>item</Data>…</EventData>`.
 *
 * Each value becomes a regex confined to one unnamed item: it starts at `<Data>` (so named items, written
 * `<Data Name="…">`, and the wrapper's attributes never match) and only crosses `[^<]`, so it cannot run into
 * the next element. Sigma matches a multi-valued field when any item matches, which is what a search over the
 * items gives. Values holding a character XML escapes (`& < > " '`) are refused: the text holds the escaped
 * form, whose exact spelling the agent does not document.
 */
import type { MatchLeaf, SigmaString } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { escapeRe2 } from "../../emit/regex";
import { boundTest, type BindContext } from "../bind";
import { perStringValue, refuse } from "./util";

const XML_ESCAPED = /[&<>"']/;

/** The RE2 pattern for one shaped value inside one `<Data>` element, or a reason it has none. */
function itemPattern(value: SigmaString, op: MatchLeaf & { kind: "string" }, anyItem: boolean): { pattern: string } | { code: string; reason: string } {
  const s = shapeValue(value, op.op);
  let body = "";
  for (const part of s.parts) {
    if (part.kind === "text") {
      if (XML_ESCAPED.test(part.value)) return { code: "unsupported-value", reason: `${JSON.stringify(part.value)} holds a character the EventData XML stores escaped` };
      body += escapeRe2(part.value);
    } else if (part.kind === "anyChars") body += "[^<]*";
    else if (part.kind === "oneChar") body += "[^<]";
    else return { code: "placeholder-unresolved", reason: `placeholder %${part.name}% has no value in this target` };
  }
  if (s.anchorStart && s.anchorEnd && body === "") return { code: "unsupported-value", reason: "an empty item has no single spelling in the EventData XML (<Data></Data> or <Data/>)" };
  const open = anyItem ? '<Data(?: Name="[^"]*")?>' : "<Data>";
  const start = s.anchorStart ? open : `${open}[^<]*`;
  const end = s.anchorEnd ? "</Data>" : "";
  return { pattern: `${op.cased ? "" : "(?i)"}${start}${body}${end}` };
}

/** See the module comment. */
export function xmlUnnamedDataTransform(leaf: MatchLeaf, col: ColumnRef, param: string | undefined, ctx: BindContext): KqlCond {
  if (leaf.kind === "exists" || leaf.kind === "null") {
    return refuse(ctx, "unsupported-modifier", `${leaf.field}: whether an event has unnamed data items is not a test on the EventData XML text`);
  }
  if (leaf.kind === "regex") {
    return refuse(ctx, "unsupported-modifier", `${leaf.field}: a regular expression cannot be confined to one unnamed item of the EventData XML`);
  }
  return perStringValue(leaf, col, ctx, "xml-unnamed-data", (value, l) => {
    const p = itemPattern(value, l, param === "any-item");
    if ("reason" in p) return refuse(ctx, p.code, `${l.field}: ${p.reason}`);
    const regex: MatchLeaf = { kind: "regex", field: l.field, values: [p.pattern], flags: { ignoreCase: false, multiline: false, dotAll: false }, source: l.source };
    return boundTest(regex, col);
  });
}
