/**
 * Turns MITRE's markdown descriptions into the short plain text Detectory shows: the first paragraph, without
 * `(Citation: …)` markers, markdown links or `<code>` tags.
 */

// Citation names sometimes hold one level of parentheses ("(Citation: Microsoft (2019) Foo)").
const CITATION = /\s*\(Citation:(?:[^()]|\([^()]*\))*\)/g;
// [text](url) → text; the text may itself hold brackets one level deep.
const MARKDOWN_LINK = /\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)\s]*\)/g;
const INLINE_TAGS = /<\/?(?:code|br|b|i|em|strong)\s*\/?>/gi;

/** The first non-empty paragraph of a description, as plain text with citations and link targets removed. */
export function summarizeDescription(markdown: string | undefined | null): string {
  if (!markdown) return "";
  const paragraph = markdown.split(/\r?\n\s*\r?\n/).find((p) => p.trim() !== "") ?? "";
  return paragraph
    .replace(CITATION, "")
    .replace(MARKDOWN_LINK, "$1")
    .replace(INLINE_TAGS, "")
    .replace(/\s+/g, " ")
    .trim();
}
