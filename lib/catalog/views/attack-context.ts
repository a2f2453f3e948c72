/**
 * The rule's MITRE ATT&CK® context: tactic → technique → sub-technique with names, one-sentence summaries and
 * links, plus the groups and software it names. Tags that do not resolve are listed as written.
 */
import type { AttackContext, AttackEntityRef, AttackTacticNode, AttackTechniqueNode } from "../types";

/** A RuleAttack row: the tag as written and what it resolved to. */
export interface TagRow {
  tag: string;
  kind: string;
  attackId: string | null;
}

/** Technique data needed here. `tactics` are tactic ids (TA0002). */
export interface TechniqueInfo {
  id: string;
  name: string;
  description: string;
  parentId: string | null;
  url: string;
  tactics: string[];
}

/** Tactic data needed here. */
export interface TacticInfo {
  id: string;
  name: string;
  description: string;
  url: string;
  matrixOrder: number;
}

/** Everything the context is built from. */
export interface AttackContextInput {
  tags: TagRow[];
  techniques: Map<string, TechniqueInfo>;
  tactics: Map<string, TacticInfo>;
  entities: Map<string, Omit<AttackEntityRef, "kind">>;
  /** Whether any ATT&CK release is imported. */
  imported: boolean;
}

/**
 * The first sentence of an ATT&CK description, without citations and Markdown links. Whole sentences only:
 * the text is never cut mid-word.
 */
export function summarise(description: string): string | null {
  const clean = description
    .replace(/\(Citation:[^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/<\/?code>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!clean) return null;
  const match = /^(.+?[.!?])(\s+(?=[A-Z(])|$)/.exec(clean);
  return (match ? match[1] : clean).trim();
}

function techniqueNode(t: TechniqueInfo, tagged: boolean): AttackTechniqueNode {
  return { id: t.id, name: t.name, url: t.url, summary: summarise(t.description), tagged, subtechniques: [] };
}

const ENTITY_KINDS: Record<string, AttackEntityRef["kind"]> = {
  group: "group",
  software: "software",
  campaign: "campaign",
  datasource: "datasource",
};

/** Builds the tactic → technique → sub-technique tree. */
export function buildAttackContext(input: AttackContextInput): AttackContext {
  const taggedTactics = new Set<string>();
  const taggedTechniques: TechniqueInfo[] = [];
  const entities: AttackEntityRef[] = [];
  const unresolved: string[] = [];
  for (const row of input.tags) {
    const id = row.attackId;
    if (row.kind === "tactic" && id && input.tactics.has(id)) taggedTactics.add(id);
    else if (row.kind === "technique" && id && input.techniques.has(id)) {
      const t = input.techniques.get(id)!;
      if (!taggedTechniques.some((x) => x.id === t.id)) taggedTechniques.push(t);
    } else if (ENTITY_KINDS[row.kind] && id && input.entities.has(id)) {
      if (!entities.some((e) => e.id === id)) entities.push({ ...input.entities.get(id)!, kind: ENTITY_KINDS[row.kind] });
    } else if (row.tag.startsWith("attack.")) unresolved.push(row.tag);
  }

  // Group sub-techniques under their parent (shown for context even when only the sub-technique is tagged).
  const tops = new Map<string, AttackTechniqueNode>();
  const topTactics = new Map<string, string[]>();
  for (const t of taggedTechniques) {
    const parent = t.parentId ? input.techniques.get(t.parentId) : undefined;
    const top = parent ?? t;
    let node = tops.get(top.id);
    if (!node) {
      node = techniqueNode(top, top.id === t.id);
      tops.set(top.id, node);
      topTactics.set(top.id, top.tactics.length ? top.tactics : t.tactics);
    }
    if (top.id === t.id) node.tagged = true;
    else if (!node.subtechniques.some((s) => s.id === t.id)) node.subtechniques.push(techniqueNode(t, true));
  }

  // A technique sits under the tagged tactics it belongs to; if the rule tags none of them, under all of its own.
  const columns = new Map<string, AttackTechniqueNode[]>();
  for (const id of taggedTactics) columns.set(id, []);
  for (const [id, node] of tops) {
    const own = topTactics.get(id) ?? [];
    const chosen = own.filter((t) => taggedTactics.has(t));
    for (const tacticId of chosen.length ? chosen : own) {
      if (!input.tactics.has(tacticId)) continue;
      const list = columns.get(tacticId) ?? [];
      list.push(node);
      columns.set(tacticId, list);
    }
  }
  const tactics: AttackTacticNode[] = [...columns]
    .map(([id, techniques]) => ({ info: input.tactics.get(id)!, techniques }))
    .sort((a, b) => a.info.matrixOrder - b.info.matrixOrder)
    .map(({ info, techniques }) => ({
      id: info.id,
      name: info.name,
      url: info.url,
      summary: summarise(info.description),
      techniques: techniques
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((n) => ({ ...n, subtechniques: [...n.subtechniques].sort((a, b) => a.id.localeCompare(b.id)) })),
    }));
  return { tactics, entities, unresolved, notImported: !input.imported };
}
