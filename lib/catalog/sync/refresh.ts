/**
 * When unchanged files are parsed again (a new converter version), the rows derived from them may differ from
 * the stored ones because lib/sigma itself changed (issues, search text…). Those rules get their derived
 * columns refreshed, without counting as updated and without touching lastChangedAt.
 */
import type { CatalogClient } from "../db";
import type { PlannedRule } from "./plan";
import type { RuleRow } from "./rule-row";

/** Columns compared between a re-derived row and the stored one (sourceId/path/hash are equal by construction). */
const DERIVED: (keyof RuleRow)[] = [
  "idGenerated", "kind", "name", "title", "status", "level", "description", "author", "date", "modified", "product", "category",
  "service", "tags", "references", "falsepositives", "related", "logsource", "issues", "sortDate", "searchText",
];

/** The re-parsed rules whose derived columns differ from what is stored. */
export async function findOutdatedRows(prisma: CatalogClient, reparsed: PlannedRule[]): Promise<RuleRow[]> {
  const out: RuleRow[] = [];
  const select = Object.fromEntries(["id", ...DERIVED].map((c) => [c, true]));
  for (let i = 0; i < reparsed.length; i += 500) {
    const chunk = reparsed.slice(i, i + 500);
    // The select is built from DERIVED, so Prisma cannot type the result; it is read as plain records.
    const stored = (await prisma.rule.findMany({ where: { id: { in: chunk.map((p) => p.row.id) } }, select: select as never })) as unknown as Record<string, unknown>[];
    const byId = new Map(stored.map((r) => [String(r.id), r]));
    for (const { row } of chunk) {
      const current = byId.get(row.id);
      if (current && DERIVED.some((c) => current[c] !== row[c])) out.push(row);
    }
  }
  return out;
}
