/**
 * Splits what a user typed into search terms, the way both search backends need them: each whitespace-separated
 * term is broken into its alphanumeric tokens (`t1059.001` → `t1059`, `001`; a UUID → its five groups), so a term
 * is matched as a phrase of tokens with the last one as a prefix.
 */

/** One user term: its tokens (lower-case, alphanumeric) and the term as typed. */
export interface SearchTerm {
  raw: string;
  tokens: string[];
}

/** At most this many terms are used; the rest of a very long query is ignored. */
export const MAX_TERMS = 12;

/** Parses a query into terms; terms with no letters or digits are dropped. */
export function parseSearchTerms(q: string): SearchTerm[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map((raw) => ({ raw, tokens: raw.split(/[^\p{L}\p{N}]+/u).filter(Boolean) }))
    .filter((t) => t.tokens.length > 0)
    .slice(0, MAX_TERMS);
}

/**
 * The FTS5 MATCH expression: each term a quoted phrase with a prefix star (`"t1059 001"*`), terms ANDed.
 * Tokens are alphanumeric only, so no FTS5 syntax can be injected. Null when nothing searchable remains.
 */
export function toFts5Match(terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.tokens.join(" ")}"*`).join(" AND ");
}

/** The ILIKE pattern for one term (PostgreSQL): its tokens in order with anything between, `%`/`_` escaped. */
export function toIlikePattern(term: SearchTerm): string {
  const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  return `%${term.tokens.map(esc).join("%")}%`;
}
