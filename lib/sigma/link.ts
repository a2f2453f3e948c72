/**
 * Resolves the `rules:` references of correlation and filter rules (by id or by name) against a set of
 * documents, e.g. all documents of one file or of a whole rule collection.
 */
import type { SigmaDocument, SigmaIssue } from "./model";
import { makeIssue } from "./issues";

/** The documents with `resolved` filled in on every correlation/filter, plus one warning per dangling reference. */
export interface LinkResult {
  documents: SigmaDocument[];
  issues: SigmaIssue[];
}

/**
 * Links meta-rules to the documents they name. A reference matches a document's `id` first, then its `name`.
 * A filter's `any` matches every detection rule. Input documents are not mutated (meta-rules are copied).
 */
export function linkMetaRules(docs: readonly SigmaDocument[]): LinkResult {
  const byId = new Map<string, SigmaDocument>();
  const byName = new Map<string, SigmaDocument>();
  for (const d of docs) {
    if (d.id) byId.set(d.id, d);
    if (d.name) byName.set(d.name, d);
  }
  const key = (d: SigmaDocument) => d.id ?? d.name ?? d.title;
  const issues: SigmaIssue[] = [];
  const documents = docs.map((d): SigmaDocument => {
    if (d.kind === "rule") return d;
    const resolved: string[] = [];
    for (const ref of d.rules) {
      if (d.kind === "filter" && ref === "any") {
        for (const r of docs) if (r.kind === "rule") resolved.push(key(r));
        continue;
      }
      const target = byId.get(ref) ?? byName.get(ref);
      if (target && target !== d) resolved.push(key(target));
      else {
        issues.push(makeIssue("unresolved-rule-reference", `${d.kind} '${d.title}' refers to '${ref}', which is not among the given rules`, { line: d.line, col: 1, path: `${d.kind}.rules` }));
      }
    }
    return { ...d, resolved };
  });
  return { documents, issues };
}
