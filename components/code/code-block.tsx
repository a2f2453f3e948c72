import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

/**
 * Pre-highlighted code (shiki HTML produced on the server from trusted rule text) with a caption and an
 * optional copy button that copies `code` exactly.
 */
export function CodeBlock({ html, code, caption, copyLabel, actions }: { html: string; code: string; caption: string; copyLabel?: string; actions?: ReactNode }) {
  return (
    <figure className="overflow-hidden rounded border border-zinc-200 dark:border-zinc-800">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs font-medium dark:border-zinc-800 dark:bg-zinc-900">
        <span>{caption}</span>
        <span className="flex gap-2">
          {actions}
          {copyLabel && <CopyButton text={code} label={copyLabel} />}
        </span>
      </figcaption>
      {/* shiki escapes the code; the HTML only adds spans with colour variables. */}
      <div className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label={caption} dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
