/**
 * Server-side syntax highlighting for Sigma YAML and KQL with shiki (core build, JavaScript regex engine, only
 * the yaml and kusto grammars). Output carries both GitHub themes as CSS variables (--shiki-light/--shiki-dark);
 * app/globals.css picks one by prefers-color-scheme, so dark mode needs no client JavaScript.
 */
import "server-only";
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { createLru } from "./utils";

/** Languages the app highlights. */
export type CodeLang = "yaml" | "kusto";

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import("@shikijs/themes/github-light"), import("@shikijs/themes/github-dark")],
    langs: [import("@shikijs/langs/yaml"), import("@shikijs/langs/kusto")],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

// Highlighting a long rule takes ~5-15 ms of CPU; the output depends only on (lang, code), so it is memoised.
const memo = createLru<string, string>(3000);

/** Highlights code to an HTML `<pre class="shiki">` with light and dark colours as CSS variables. */
export async function highlightCode(code: string, lang: CodeLang): Promise<string> {
  const key = `${lang}\u0000${code}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const hl = await getHighlighter();
  const html = hl.codeToHtml(code, {
    lang,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: false,
  });
  memo.set(key, html);
  return html;
}
