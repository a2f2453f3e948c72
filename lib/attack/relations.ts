/**
 * The relationships of a bundle, reduced to what Detectory shows: revocation replacements, which detection
 * strategies and mitigations cover a technique, which techniques groups/software/campaigns use, and the data
 * components a technique's detection strategies read (strategy → analytics → log source references).
 */
import type { AttackIssue } from "./model";
import { objectList, stringField, stringList, type StixObject } from "./stix";

/** What relations.ts needs to know of every object: its type and ATT&CK id, by STIX id. */
export interface IndexedObject {
  type: string;
  attackId: string | null;
  name: string;
  object: StixObject;
}

/** Relations keyed by STIX id of the technique (or of the group/software/campaign for `uses`). */
export interface BundleRelations {
  /** Revoked object's STIX id → the STIX id it was revoked by (one hop). */
  revokedBy: Map<string, string>;
  /** Technique STIX id → detection strategy STIX ids. */
  detectedBy: Map<string, string[]>;
  /** Technique STIX id → mitigation STIX ids. */
  mitigatedBy: Map<string, string[]>;
  /** Group / software / campaign STIX id → technique STIX ids. */
  uses: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sorts the `relationship` objects into the maps above, skipping revoked or deprecated relationships. */
export function collectRelations(relationships: StixObject[]): BundleRelations {
  const rel: BundleRelations = { revokedBy: new Map(), detectedBy: new Map(), mitigatedBy: new Map(), uses: new Map() };
  for (const r of relationships) {
    const source = stringField(r, "source_ref");
    const target = stringField(r, "target_ref");
    if (!source || !target) continue;
    const type = r.relationship_type;
    // A revoked-by relationship is what records the replacement, so it counts even on a revoked source.
    if (type === "revoked-by") {
      rel.revokedBy.set(source, target);
      continue;
    }
    if (r.revoked === true || r.x_mitre_deprecated === true) continue;
    if (type === "detects") push(rel.detectedBy, target, source);
    else if (type === "mitigates") push(rel.mitigatedBy, target, source);
    else if (type === "uses" && target.startsWith("attack-pattern--")) push(rel.uses, source, target);
  }
  return rel;
}

/**
 * Follows revoked-by chains (A → B → C) to the final replacement and returns its ATT&CK id, or null with an
 * issue when the chain is broken or loops.
 */
export function resolveRevokedBy(
  stixId: string,
  revokedBy: Map<string, string>,
  index: Map<string, IndexedObject>,
  issues: AttackIssue[],
): string | null {
  const seen = new Set<string>([stixId]);
  const origin = index.get(stixId)?.attackId ?? stixId;
  let current = revokedBy.get(stixId);
  while (current) {
    if (seen.has(current)) {
      issues.push({ code: "revoked-by-cycle", message: `${origin}: revoked-by relationships form a cycle` });
      return null;
    }
    seen.add(current);
    const target = index.get(current);
    if (!target?.attackId) {
      issues.push({ code: "revoked-by-unresolved", message: `${origin}: revoked by ${current}, which is not in the bundle` });
      return null;
    }
    const next = revokedBy.get(current);
    if (!target.object.revoked) return target.attackId;
    if (!next) {
      issues.push({
        code: "revoked-by-dead-end",
        message: `${origin}: replaced by ${target.attackId}, which is itself revoked without a replacement`,
      });
      return target.attackId;
    }
    current = next;
  }
  return null;
}

/**
 * Data component names reached from detection strategies: strategy.x_mitre_analytic_refs → analytic
 * .x_mitre_log_source_references[].x_mitre_data_component_ref → data component name. Memoised per strategy.
 */
export function createDataComponentLookup(index: Map<string, IndexedObject>): (strategyStixId: string) => string[] {
  const memo = new Map<string, string[]>();
  return (strategyStixId) => {
    const cached = memo.get(strategyStixId);
    if (cached) return cached;
    const names = new Set<string>();
    const strategy = index.get(strategyStixId);
    for (const analyticRef of strategy ? stringList(strategy.object, "x_mitre_analytic_refs") : []) {
      const analytic = index.get(analyticRef);
      if (!analytic) continue;
      for (const source of objectList(analytic.object, "x_mitre_log_source_references")) {
        const ref = stringField(source, "x_mitre_data_component_ref");
        const component = ref ? index.get(ref) : undefined;
        if (component?.name) names.add(component.name);
      }
    }
    const list = [...names];
    memo.set(strategyStixId, list);
    return list;
  };
}
