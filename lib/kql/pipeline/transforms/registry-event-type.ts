/**
 * Transform `registry-event-type`: Sysmon's registry `EventType` names → the action names Defender XDR
 * (ActionType) and ASIM (EventType) use. Only whole-value tests map; anything else is refused.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import type { BindContext } from "../bind";
import { shapeValue } from "../../emit/lower-string";
import { mergeWholeValues, perStringValue, plainText, refuse, textTest } from "./util";

/** Sysmon EventType (lower case) → action name. */
export const REGISTRY_EVENT_TYPES: Record<string, string> = {
  createkey: "RegistryKeyCreated",
  deletekey: "RegistryKeyDeleted",
  renamekey: "RegistryKeyRenamed",
  setvalue: "RegistryValueSet",
  deletevalue: "RegistryValueDeleted",
};

/** See the module comment. */
export function registryEventTypeTransform(leaf: MatchLeaf, col: ColumnRef, _param: string | undefined, ctx: BindContext): KqlCond {
  return mergeWholeValues(perStringValue(leaf, col, ctx, "registry-event-type", (value, l) => {
    const s = shapeValue(value, l.op);
    const text = plainText(s.parts);
    if (text === null || !s.anchorStart || !s.anchorEnd) return refuse(ctx, "unsupported-value", `${l.field}: only whole registry event type names can be mapped`);
    const mapped = REGISTRY_EVENT_TYPES[text.toLowerCase()];
    if (!mapped) return refuse(ctx, "unsupported-value", `${l.field}: registry event type ${JSON.stringify(text)} has no equivalent action`);
    if (l.cased && mapped.toLowerCase() !== text.toLowerCase()) return refuse(ctx, "unsupported-value", `${l.field}: case-sensitive event type`);
    return textTest(l, col, "eq", mapped, false);
  }));
}
