/**
 * Sigma tag → ATT&CK object. Rules: lower-case the tag and strip `attack.`; `t####[.###]` is a technique,
 * `ta####` a tactic id, `g/s/c/ds/m####` a group, software, campaign, data source or mitigation; anything else
 * is a tactic shortname with `_` read as `-`. Revoked ids resolve to their replacement (keeping `revokedFrom`),
 * renamed tactics to their current name. Without ATT&CK data the tag is still classified and ids upper-cased.
 */
import type { AttackData, TagKind, TagResolution } from "./model";
import { ENTERPRISE_TACTIC_IDS, LEGACY_TACTIC_SHORTNAMES, normalizeTacticShortname } from "./tactics";
import { attackUrl, tacticUrl, techniqueUrl } from "./urls";

/** Resolves one Sigma tag (see createTagResolver). */
export type TagResolver = (tag: string) => TagResolution;

interface Entry {
  id: string;
  name: string;
  url: string;
  revoked: boolean;
  deprecated: boolean;
  revokedBy?: string | null;
}

const ID_KINDS: ReadonlyArray<[RegExp, TagKind]> = [
  [/^t\d{4}(\.\d{3})?$/, "technique"],
  [/^ta\d{4}$/, "tactic"],
  [/^g\d{4}$/, "group"],
  [/^s\d{4}$/, "software"],
  [/^c\d{4}$/, "campaign"],
  [/^ds\d{4}$/, "datasource"],
  [/^m\d{4}$/, "mitigation"],
];

function indexById(lists: Partial<Record<TagKind, Entry[]>>): Map<TagKind, Map<string, Entry>> {
  const out = new Map<TagKind, Map<string, Entry>>();
  for (const [kind, list] of Object.entries(lists) as [TagKind, Entry[]][]) out.set(kind, new Map(list.map((e) => [e.id, e])));
  return out;
}

/**
 * Builds a resolver over `data` (or over nothing: pass null when no bundle is loaded). Build it once per
 * catalog sync; each call is a few map lookups.
 */
export function createTagResolver(data: AttackData | null): TagResolver {
  const version = data?.version.attack ? `ATT&CK v${data.version.attack}` : "the loaded ATT&CK data";
  const byKind = data
    ? indexById({
        technique: data.techniques,
        tactic: data.tactics,
        group: data.groups,
        software: data.software,
        campaign: data.campaigns,
        datasource: data.dataSources,
        mitigation: data.mitigations,
      })
    : null;
  const tacticsByShortname = new Map((data?.tactics ?? []).map((t) => [t.shortname, t]));
  const offlineTactics = new Map(ENTERPRISE_TACTIC_IDS.map(([id, shortname]) => [shortname, id]));

  function resolveId(tag: string, kind: TagKind, id: string): TagResolution {
    if (!byKind) {
      const url = kind === "technique" ? techniqueUrl(id) : attackUrl(id);
      return { tag, namespace: "attack", kind, attackId: id, name: null, url };
    }
    const entry = byKind.get(kind)?.get(id);
    if (!entry) return { tag, namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: `${id} is not in ${version}` };
    if (entry.revoked) {
      const replacement = entry.revokedBy ? byKind.get(kind)?.get(entry.revokedBy) : undefined;
      if (replacement) {
        const notes = `${id} was revoked in ATT&CK and replaced by ${replacement.id}`;
        return { tag, namespace: "attack", kind, attackId: replacement.id, name: replacement.name, url: replacement.url, revokedFrom: id, notes };
      }
      return { tag, namespace: "attack", kind, attackId: id, name: entry.name, url: entry.url, notes: `${id} was revoked without a replacement` };
    }
    const notes = entry.deprecated ? `${id} is deprecated in ${version}` : undefined;
    return { tag, namespace: "attack", kind, attackId: id, name: entry.name, url: entry.url, ...(notes ? { notes } : {}) };
  }

  function resolveTactic(tag: string, value: string): TagResolution {
    const shortname = normalizeTacticShortname(value);
    const legacy = LEGACY_TACTIC_SHORTNAMES[shortname];
    if (data) {
      const current = tacticsByShortname.get(shortname);
      if (current) return { tag, namespace: "attack", kind: "tactic", attackId: current.id, name: current.name, url: current.url };
      if (legacy) {
        const renamed = data.tactics.find((t) => t.id === legacy.id);
        if (renamed) {
          const notes = `"${shortname}" was renamed "${renamed.shortname}" in ATT&CK v${legacy.since}`;
          return { tag, namespace: "attack", kind: "tactic", attackId: renamed.id, name: renamed.name, url: renamed.url, notes };
        }
      }
      return { tag, namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: `no tactic "${shortname}" in ${version}` };
    }
    const id = offlineTactics.get(shortname) ?? legacy?.id;
    if (!id) return { tag, namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: `no ATT&CK tactic "${shortname}"` };
    const notes = legacy ? `"${shortname}" was renamed in ATT&CK v${legacy.since}` : undefined;
    return { tag, namespace: "attack", kind: "tactic", attackId: id, name: null, url: tacticUrl(id), ...(notes ? { notes } : {}) };
  }

  return (tag) => {
    const lower = tag.trim().toLowerCase();
    const dot = lower.indexOf(".");
    const namespace = dot < 0 ? "" : lower.slice(0, dot);
    if (namespace !== "attack") {
      const notes = dot < 0 ? "tag has no namespace" : undefined;
      return { tag, namespace, kind: "other-namespace", attackId: null, name: null, url: null, ...(notes ? { notes } : {}) };
    }
    const value = lower.slice(dot + 1);
    for (const [pattern, kind] of ID_KINDS) {
      if (!pattern.test(value)) continue;
      const id = value.toUpperCase();
      return kind === "tactic" ? resolveTacticId(tag, id) : resolveId(tag, kind, id);
    }
    return resolveTactic(tag, value);
  };

  function resolveTacticId(tag: string, id: string): TagResolution {
    if (byKind) return resolveId(tag, "tactic", id);
    const known = ENTERPRISE_TACTIC_IDS.some(([tacticId]) => tacticId === id);
    return known
      ? { tag, namespace: "attack", kind: "tactic", attackId: id, name: null, url: tacticUrl(id) }
      : { tag, namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: `no ATT&CK tactic ${id}` };
  }
}
