/**
 * Transform `network-initiated`: Sysmon's `Initiated` (`true` = this host opened the connection) → Defender
 * XDR's ActionType: outbound connection actions vs `InboundConnectionAccepted`.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { combine } from "../../emit/ir";
import type { BindContext } from "../bind";
import { textTest } from "./util";
import { initiatedFlags } from "./initiated-direction";

/** Action types of connections the device initiated. */
export const OUTBOUND_ACTIONS = ["ConnectionSuccess", "ConnectionFailed", "ConnectionAttempt"];

/** See the module comment. */
export function networkInitiatedTransform(leaf: MatchLeaf, col: ColumnRef, _p: string | undefined, ctx: BindContext): KqlCond {
  const flags = initiatedFlags(leaf, ctx);
  if (!flags) return { kind: "const", value: false };
  const base: MatchLeaf = { kind: "string", field: leaf.field, op: "eq", values: [], cased: false, source: leaf.source };
  return combine("or", [...new Set(flags)].map((f) =>
    f
      ? { kind: "bound" as const, test: { kind: "test" as const, leaf: { ...base, values: OUTBOUND_ACTIONS.map((a) => [{ kind: "text" as const, value: a }]) }, col } }
      : textTest(base, col, "eq", "InboundConnectionAccepted", false),
  ));
}
