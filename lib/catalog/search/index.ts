/**
 * Full-text search over rules, behind one interface so the store can change: SQLite uses the FTS5 table
 * `RuleFts` (title, body = Rule.searchText) that the catalog migrator maintains; PostgreSQL matches every term
 * with ILIKE over title and searchText (exact substring semantics, same results as the FTS5 prefix phrases).
 */
import type { CatalogClient } from "../db";
import { parseSearchTerms, toFts5Match, toIlikePattern } from "./query-terms";

/** Finds rules by text. */
export interface RuleSearch {
  /**
   * Ids of rules matching every term of `q`, best match first (title hits rank above body hits on SQLite).
   * Null when `q` has nothing searchable (only punctuation), so callers can say the query was ignored.
   */
  findRuleIds(q: string): Promise<string[] | null>;
}

/** FTS5 implementation (SQLite). */
export function createSqliteSearch(prisma: CatalogClient): RuleSearch {
  return {
    async findRuleIds(q) {
      const match = toFts5Match(parseSearchTerms(q));
      if (match === null) return null;
      // bm25 weights: a title hit counts ten times a body hit.
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT r."id" AS id FROM "RuleFts" JOIN "Rule" r ON r.rowid = "RuleFts".rowid
        WHERE "RuleFts" MATCH ${match} ORDER BY bm25("RuleFts", 10.0, 1.0)`;
      return rows.map((r) => r.id);
    },
  };
}

/** ILIKE implementation (PostgreSQL). */
export function createPostgresSearch(prisma: CatalogClient): RuleSearch {
  return {
    async findRuleIds(q) {
      const terms = parseSearchTerms(q);
      if (terms.length === 0) return null;
      const patterns = terms.map(toIlikePattern);
      // Title matches first, then the rest; each pattern must match title or searchText.
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Rule"
        WHERE (SELECT bool_and(("title" || ' ' || "searchText") ILIKE p) FROM unnest(${patterns}::text[]) AS p)
        ORDER BY (SELECT bool_and("title" ILIKE p) FROM unnest(${patterns}::text[]) AS p) DESC, "sortDate" DESC NULLS LAST`;
      return rows.map((r) => r.id);
    },
  };
}

/** The search implementation for a database dialect. */
export function createRuleSearch(prisma: CatalogClient, dialect: "sqlite" | "postgresql"): RuleSearch {
  return dialect === "sqlite" ? createSqliteSearch(prisma) : createPostgresSearch(prisma);
}
