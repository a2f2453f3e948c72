/**
 * Loads the ATT&CK objects a rule's tags resolved to (and parents of sub-techniques) and builds its context.
 */
import type { CatalogClient } from "../db";
import type { AttackContext, TechniqueRef } from "../types";
import { buildAttackContext, type TacticInfo, type TechniqueInfo, type TagRow } from "../views/attack-context";

/** The ATT&CK context of one rule plus its technique chips. */
export async function loadRuleAttack(
  prisma: CatalogClient,
  tags: TagRow[],
): Promise<{ context: AttackContext; techniques: TechniqueRef[]; tacticNames: string[] }> {
  const ids = [...new Set(tags.map((t) => t.attackId).filter((x): x is string => !!x))];
  const parentIds = ids.filter((id) => /^T\d+\.\d+$/.test(id)).map((id) => id.split(".")[0]);
  const [releases, techniques, tactics, groups, software] = await Promise.all([
    prisma.attackRelease.count(),
    prisma.technique.findMany({
      where: { id: { in: [...new Set([...ids, ...parentIds])] } },
      select: { id: true, name: true, description: true, parentId: true, url: true, tactics: { select: { tacticId: true } } },
    }),
    prisma.tactic.findMany({ select: { id: true, name: true, description: true, url: true, matrixOrder: true } }),
    prisma.attackGroup.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, url: true } }),
    prisma.attackSoftware.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, url: true } }),
  ]);
  const techniqueMap = new Map<string, TechniqueInfo>(
    techniques.map((t) => [t.id, { id: t.id, name: t.name, description: t.description, parentId: t.parentId, url: t.url, tactics: t.tactics.map((x) => x.tacticId) }]),
  );
  const tacticMap = new Map<string, TacticInfo>(tactics.map((t) => [t.id, t]));
  const entities = new Map([...groups, ...software].map((e) => [e.id, e]));
  const context = buildAttackContext({ tags, techniques: techniqueMap, tactics: tacticMap, entities, imported: releases > 0 });

  const chips: TechniqueRef[] = [];
  for (const t of tags) {
    if (t.kind !== "technique") continue;
    const id = t.attackId ?? t.tag.replace(/^attack\./, "").toUpperCase();
    if (!chips.some((c) => c.id === id)) chips.push({ id, name: techniqueMap.get(id)?.name ?? null });
  }
  chips.sort((a, b) => a.id.localeCompare(b.id));
  const tacticNames = tags
    .filter((t) => t.kind === "tactic" && t.attackId && tacticMap.has(t.attackId))
    .map((t) => tacticMap.get(t.attackId!)!)
    .sort((a, b) => a.matrixOrder - b.matrixOrder)
    .map((t) => t.name);
  return { context, techniques: chips, tacticNames: [...new Set(tacticNames)] };
}
