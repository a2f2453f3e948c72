/**
 * References, related rules and links to the original file. Only http(s) references become links: a rule's
 * references are untrusted text (a `javascript:` URL must never be clickable).
 */
import type { OriginView, ReferenceView, RelatedView } from "../types";

/** A reference as a link when it is an absolute http(s) URL, else plain text. */
export function toReference(text: string): ReferenceView {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    if ((url.protocol === "http:" || url.protocol === "https:") && !/\s/.test(trimmed)) return { text: trimmed, href: url.href };
  } catch {
    // not a URL: plain text
  }
  return { text: trimmed, href: null };
}

/** `related` entries with the titles of those present in the catalog. */
export function buildRelated(related: { id: string; type: string }[], titles: Map<string, string>): RelatedView[] {
  return related.map((r) => ({ id: r.id, type: r.type, title: titles.get(r.id) ?? null }));
}

/** What origin links are built from. */
export interface OriginInput {
  sourceKey: string;
  sourceLabel: string;
  repoUrl: string | null;
  defaultBranch: string | null;
  /** The revision of the rule's file (the rule's sourceRevision, else the source's). */
  revision: string | null;
  path: string;
  retrievedAt: string | null;
}

/** A git commit id or a release tag (r2024-09-02, v1.2.3) can pin a link; a folder digest cannot. */
export function isPinnableRevision(rev: string | null): rev is string {
  if (!rev) return false;
  return /^[0-9a-f]{7,40}$/i.test(rev) || /^(r\d{4}-\d{2}-\d{2}(-\d+)?|v?\d+\.\d+(\.\d+)?)$/.test(rev);
}

function encodePath(p: string): string {
  return p.split("/").map(encodeURIComponent).join("/");
}

/** Links to the original file on GitHub-like hosts (blob/<rev>/<path>), plus the rule set link for attribution. */
export function buildOrigin(input: OriginInput): OriginView {
  const repo = input.repoUrl?.replace(/\.git$/, "").replace(/\/+$/, "") ?? null;
  const web = repo && /^https:\/\//.test(repo) ? repo : null;
  const path = encodePath(input.path.replace(/^\/+/, ""));
  const pinnedUrl = web && isPinnableRevision(input.revision) ? `${web}/blob/${input.revision}/${path}` : null;
  const branchUrl = web ? `${web}/blob/${encodeURIComponent(input.defaultBranch ?? "master")}/${path}` : null;
  return {
    sourceKey: input.sourceKey,
    sourceLabel: input.sourceLabel,
    path: input.path,
    revision: input.revision,
    retrievedAt: input.retrievedAt,
    pinnedUrl,
    branchUrl,
    ruleSetUrl: web && /github\.com\/SigmaHQ\/sigma$/i.test(web) ? web : null,
  };
}
