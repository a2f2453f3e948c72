/**
 * ATT&CK data and tag resolutions → catalog rows (Tactic, Technique, TechniqueTactic, AttackGroup,
 * AttackSoftware, RuleAttack).
 */
import type { AttackData, TagResolver } from "@/lib/attack";

/** The rows of one ATT&CK import. */
export interface AttackRows {
  tactics: { id: string; shortname: string; name: string; description: string; matrixOrder: number; url: string }[];
  techniques: {
    id: string; name: string; description: string; parentId: string | null; isSubtechnique: boolean; revoked: boolean;
    deprecated: boolean; revokedById: string | null; url: string; platforms: string; dataComponents: string;
  }[];
  techniqueTactics: { techniqueId: string; tacticId: string }[];
  groups: { id: string; name: string; description: string; aliases: string; revoked: boolean; deprecated: boolean; url: string }[];
  software: { id: string; name: string; description: string; type: string; aliases: string; revoked: boolean; deprecated: boolean; url: string }[];
}

/** Maps parsed ATT&CK data to rows. Tactics outside the matrix sort last; unknown tactic shortnames are skipped. */
export function toAttackRows(data: AttackData): AttackRows {
  const tacticByShortname = new Map<string, string>();
  const tactics = data.tactics.map((t, i) => {
    // A deprecated tactic can share its shortname with its successor; the live one wins the unique shortname.
    if (!tacticByShortname.has(t.shortname) || !t.deprecated) tacticByShortname.set(t.shortname, t.id);
    return { id: t.id, shortname: t.shortname, name: t.name, description: t.description, matrixOrder: t.order ?? 1000 + i, url: t.url };
  });
  const uniqueTactics = [...new Map(tactics.map((t) => [t.shortname, t])).values()].filter((t) => tacticByShortname.get(t.shortname) === t.id);
  const techniqueTactics = data.techniques.flatMap((t) =>
    [...new Set(t.tactics)].flatMap((s) => (tacticByShortname.has(s) ? [{ techniqueId: t.id, tacticId: tacticByShortname.get(s)! }] : [])),
  );
  return {
    tactics: uniqueTactics,
    techniques: data.techniques.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      parentId: t.parent,
      isSubtechnique: t.isSubtechnique,
      revoked: t.revoked,
      deprecated: t.deprecated,
      revokedById: t.revokedBy,
      url: t.url,
      platforms: JSON.stringify(t.platforms),
      dataComponents: JSON.stringify(t.dataComponents),
    })),
    techniqueTactics,
    groups: data.groups.map((g) => ({ id: g.id, name: g.name, description: g.description, aliases: JSON.stringify(g.aliases), revoked: g.revoked, deprecated: g.deprecated, url: g.url })),
    software: data.software.map((s) => ({ id: s.id, name: s.name, description: s.description, type: s.type, aliases: JSON.stringify(s.aliases), revoked: s.revoked, deprecated: s.deprecated, url: s.url })),
  };
}

/** One RuleAttack row without its rule id. */
export interface TagRow {
  tag: string;
  kind: string;
  attackId: string | null;
}

/** Resolves a rule's tags; only `attack.*` tags become rows, one per distinct tag. */
export function resolveRuleTags(tags: string[], resolve: TagResolver): TagRow[] {
  const rows = new Map<string, TagRow>();
  for (const tag of tags) {
    if (rows.has(tag)) continue;
    const r = resolve(tag);
    if (r.namespace !== "attack") continue;
    rows.set(tag, { tag, kind: r.kind, attackId: r.attackId });
  }
  return [...rows.values()];
}

/** A stable text form of a rule's tag rows, to compare stored and desired rows cheaply. */
export function tagRowsSignature(rows: TagRow[]): string {
  return rows.map((r) => `${r.tag}\u0001${r.kind}\u0001${r.attackId ?? ""}`).sort().join("\u0002");
}
