/**
 * Value-mapping transforms: Sigma writes some enumerations differently from the tables (Windows logon type
 * numbers vs Defender's names, Sysmon's hex access masks vs decimal numbers, integrity level SIDs vs names).
 * Only whole-value tests map; partial-string tests on such values are refused.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { combine } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { boundTest, type BindContext } from "../bind";
import { mergeWholeValues, plainText, refuse, textTest } from "./util";

/** Windows logon type number → Defender XDR LogonType name. */
export const LOGON_TYPES: Record<string, string> = {
  "2": "Interactive", "3": "Network", "4": "Batch", "5": "Service", "7": "Unlock", "8": "NetworkCleartext",
  "9": "NewCredentials", "10": "RemoteInteractive", "11": "CachedInteractive", "12": "CachedRemoteInteractive", "13": "CachedUnlock",
};

/** Mandatory label SID → integrity level name. */
export const INTEGRITY_LEVELS: Record<string, string> = {
  "s-1-16-0": "Untrusted", "s-1-16-4096": "Low", "s-1-16-8192": "Medium", "s-1-16-8448": "MediumPlus",
  "s-1-16-12288": "High", "s-1-16-16384": "System", "s-1-16-20480": "Protected",
};
const INTEGRITY_NAMES = new Set(Object.values(INTEGRITY_LEVELS).map((v) => v.toLowerCase()));

function wholeValues(leaf: MatchLeaf, ctx: BindContext, what: string): string[] | null {
  if (leaf.kind === "number" && leaf.op === "eq") return leaf.values.map(String);
  if (leaf.kind !== "string") { refuse(ctx, "unsupported-value", `${leaf.field}: only whole ${what} values can be mapped`); return null; }
  const out: string[] = [];
  for (const v of leaf.values) {
    const s = shapeValue(v, leaf.op);
    const t = plainText(s.parts);
    if (t === null || !s.anchorStart || !s.anchorEnd) { refuse(ctx, "unsupported-value", `${leaf.field}: only whole ${what} values can be mapped`); return null; }
    out.push(t);
  }
  return out;
}

/** `logon-type`: Windows logon type numbers → names. */
export function logonTypeTransform(leaf: MatchLeaf, col: ColumnRef, _p: string | undefined, ctx: BindContext): KqlCond {
  if (leaf.kind === "exists" || leaf.kind === "null") return boundTest(leaf, col);
  const values = wholeValues(leaf, ctx, "logon type");
  if (!values) return { kind: "const", value: false };
  const names: string[] = [];
  for (const v of values) {
    const name = LOGON_TYPES[v.trim()];
    if (!name) return refuse(ctx, "unsupported-value", `${leaf.field}: logon type ${v} has no name in ${col.columns.join(", ")}`);
    names.push(name);
  }
  return mergeWholeValues(combine("or", names.map((n) => textTest(leaf, col, "eq", n, false))));
}

/** `integrity-level`: mandatory label SIDs → level names; names pass through. */
export function integrityLevelTransform(leaf: MatchLeaf, col: ColumnRef, _p: string | undefined, ctx: BindContext): KqlCond {
  if (leaf.kind === "exists" || leaf.kind === "null") return boundTest(leaf, col);
  const values = wholeValues(leaf, ctx, "integrity level");
  if (!values) return { kind: "const", value: false };
  const names: string[] = [];
  for (const v of values) {
    const name = INTEGRITY_LEVELS[v.toLowerCase()] ?? (INTEGRITY_NAMES.has(v.toLowerCase()) ? v : null);
    if (!name) return refuse(ctx, "unsupported-value", `${leaf.field}: integrity level ${JSON.stringify(v)} is not a known level`);
    names.push(name);
  }
  return mergeWholeValues(combine("or", names.map((n) => textTest(leaf, col, "eq", n, false))));
}

/** `hex-number`: Sysmon's hex strings (`0x1410`) → the number a numeric column holds. */
export function hexNumberTransform(leaf: MatchLeaf, col: ColumnRef, _p: string | undefined, ctx: BindContext): KqlCond {
  if (leaf.kind === "exists" || leaf.kind === "null") return boundTest(leaf, col);
  const values = wholeValues(leaf, ctx, "hexadecimal");
  if (!values) return { kind: "const", value: false };
  const nums: number[] = [];
  for (const v of values) {
    if (!/^0x[0-9a-f]+$/i.test(v.trim())) return refuse(ctx, "unsupported-value", `${leaf.field}: ${JSON.stringify(v)} is not a hexadecimal number`);
    nums.push(parseInt(v.trim().slice(2), 16));
  }
  return boundTest({ kind: "number", field: leaf.field, op: "eq", values: nums, source: leaf.source }, col);
}

/**
 * `signin-status`: the sign-in status Sigma's Entra ID rules test (`Status: Success`, the portal's wording) →
 * SigninLogs ResultType, the error code as text, which is "0" exactly for successful sign-ins. "Failure" and
 * "Interrupted" are sets of error codes the portal does not publish, so only Success maps.
 */
export function signinStatusTransform(leaf: MatchLeaf, col: ColumnRef, _p: string | undefined, ctx: BindContext): KqlCond {
  const values = leaf.kind === "exists" || leaf.kind === "null" ? null : wholeValues(leaf, ctx, "sign-in status");
  if (!values) return leaf.kind === "exists" || leaf.kind === "null" ? refuse(ctx, "unsupported-value", `${leaf.field}: every sign-in has a status`) : { kind: "const", value: false };
  for (const v of values) {
    if (v.trim().toLowerCase() !== "success") return refuse(ctx, "unsupported-value", `${leaf.field}: sign-in status ${JSON.stringify(v)} is a set of error codes with no published list; only Success (ResultType "0") maps`);
  }
  return textTest(leaf, col, "eq", "0", false);
}
