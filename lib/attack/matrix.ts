/**
 * The ATT&CK matrix as the coverage page draws it: tactic columns in MITRE's order, each with its live top-level
 * techniques (sorted by name, as attack.mitre.org does) and their live sub-techniques (sorted by id).
 */
import type { AttackData, AttackTechnique, MatrixColumn } from "./model";

const isLive = (t: { revoked: boolean; deprecated: boolean }) => !t.revoked && !t.deprecated;

/** Builds the matrix columns for the live tactics of `data`. A technique appears under every tactic it lists. */
export function buildMatrix(data: AttackData): MatrixColumn[] {
  const subtechniques = new Map<string, AttackTechnique[]>();
  for (const t of data.techniques) {
    if (!t.parent || !isLive(t)) continue;
    const list = subtechniques.get(t.parent);
    if (list) list.push(t);
    else subtechniques.set(t.parent, [t]);
  }
  for (const list of subtechniques.values()) list.sort((a, b) => (a.id < b.id ? -1 : 1));

  const columns: MatrixColumn[] = data.tactics
    .filter((t) => isLive(t) && t.order !== null)
    .map((tactic) => ({ tactic, techniques: [] }));
  const byShortname = new Map(columns.map((c) => [c.tactic.shortname, c]));
  for (const technique of data.techniques) {
    if (technique.parent || !isLive(technique)) continue;
    for (const shortname of technique.tactics) {
      byShortname.get(shortname)?.techniques.push({ technique, subtechniques: subtechniques.get(technique.id) ?? [] });
    }
  }
  for (const c of columns) c.techniques.sort((a, b) => a.technique.name.localeCompare(b.technique.name, "en"));
  return columns;
}

/** Counts of live objects, for "ATT&CK v19.1: 15 tactics, 222 techniques, 475 sub-techniques". */
export function countLive(data: AttackData): { tactics: number; techniques: number; subtechniques: number; groups: number; software: number; campaigns: number } {
  const live = data.techniques.filter(isLive);
  return {
    tactics: data.tactics.filter(isLive).length,
    techniques: live.filter((t) => !t.parent).length,
    subtechniques: live.filter((t) => t.parent).length,
    groups: data.groups.filter(isLive).length,
    software: data.software.filter(isLive).length,
    campaigns: data.campaigns.filter(isLive).length,
  };
}
