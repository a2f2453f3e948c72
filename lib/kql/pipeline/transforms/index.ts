/**
 * Value transforms named by `FieldMapping.transform` (ids documented in lib/kql/README.md "Transforms"). A
 * transform rewrites one leaf for a column whose values are spelt differently from Sigma's, keeping the meaning
 * exactly or recording a problem. Ids may carry one parameter after a colon: `user-domain:AccountDomain`.
 */
import type { MatchLeaf } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import type { BindContext } from "../bind";
import { fileNameTransform } from "./file-name";
import { registryEventTypeTransform } from "./registry-event-type";
import { registryHiveTransform } from "./registry-hive";
import { userDomainTransform } from "./user-domain";
import { pathPrefixTransform } from "./path-prefix";
import { hexNumberTransform, integrityLevelTransform, logonTypeTransform, signinStatusTransform } from "./value-map";
import { registryDetailsTransform } from "./registry-details";
import { networkInitiatedTransform } from "./network-initiated";
import { initiatedDirectionTransform } from "./initiated-direction";
import { xmlUnnamedDataTransform } from "./xml-data";

/** A value transform: the leaf, the column it was mapped to, the id's parameter, the binding context. */
export type ValueTransform = (leaf: MatchLeaf, col: ColumnRef, param: string | undefined, ctx: BindContext) => KqlCond;

/** Every transform by id. */
export const TRANSFORMS: Record<string, ValueTransform> = {
  "registry-hive": (leaf, col, _param, ctx) => registryHiveTransform(leaf, col, "standard", ctx),
  "registry-hive-mde": (leaf, col, _param, ctx) => registryHiveTransform(leaf, col, "mde", ctx),
  "registry-event-type": registryEventTypeTransform,
  "user-domain": userDomainTransform,
  "file-name": fileNameTransform,
  "path-prefix": pathPrefixTransform,
  "logon-type": logonTypeTransform,
  "integrity-level": integrityLevelTransform,
  "hex-number": hexNumberTransform,
  "registry-details": registryDetailsTransform,
  "network-initiated": networkInitiatedTransform,
  "sysmon-initiated-direction": initiatedDirectionTransform,
  "xml-unnamed-data": xmlUnnamedDataTransform,
  "signin-status": signinStatusTransform,
};

/** Applies the transform `id` (`name` or `name:param`); an unknown id is a problem in the target data. */
export function applyTransform(id: string, leaf: MatchLeaf, col: ColumnRef, ctx: BindContext): KqlCond {
  const colon = id.indexOf(":");
  const name = colon < 0 ? id : id.slice(0, colon);
  const param = colon < 0 ? undefined : id.slice(colon + 1);
  const fn = TRANSFORMS[name];
  if (!fn) {
    ctx.problems.push({ code: "unknown-transform", message: `target data names transform ${id}, which does not exist` });
    return { kind: "const", value: false };
  }
  return fn(leaf, col, param, ctx);
}
