import Link from "next/link";
import type { RuleDetail } from "@/lib/catalog/types";

/** References (only http/https are links), related rules, and links to the original file. */
export function ReferencesView({ rule }: { rule: RuleDetail }) {
  const o = rule.origin;
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="font-medium">References</h3>
        {rule.references.length > 0 ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {rule.references.map((r, i) => (
              <li key={i} className="break-all">
                {r.href ? (
                  <a href={r.href} className="underline" rel="noopener noreferrer">
                    {r.text}
                  </a>
                ) : (
                  r.text
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">The rule lists no references.</p>
        )}
      </div>
      {rule.related.length > 0 && (
        <div>
          <h3 className="font-medium">Related rules</h3>
          <ul className="mt-1 space-y-0.5">
            {rule.related.map((r) => (
              <li key={r.id}>
                <span className="text-zinc-600 dark:text-zinc-400">{r.type}: </span>
                {r.title ? (
                  <Link href={`/rules/${r.id}`} className="underline">
                    {r.title}
                  </Link>
                ) : (
                  <span>
                    <span className="font-mono text-xs">{r.id}</span> (not in the catalog)
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="font-medium">Original rule</h3>
        <ul className="mt-1 space-y-0.5 break-all">
          {o.pinnedUrl && (
            <li>
              <a href={o.pinnedUrl} className="underline">
                {o.path} at revision {o.revision?.slice(0, 12)}
              </a>
            </li>
          )}
          {o.branchUrl && (
            <li>
              <a href={o.branchUrl} className="underline">
                {o.path} on the default branch
              </a>
            </li>
          )}
          {!o.pinnedUrl && !o.branchUrl && (
            <li>
              <span className="break-all font-mono text-xs">{o.path}</span> in {o.sourceLabel}
              {o.revision ? <span className="text-zinc-600 dark:text-zinc-400"> (revision {o.revision.slice(0, 19)})</span> : null}
            </li>
          )}
        </ul>
        {o.ruleSetUrl && (
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            From the <a href={o.ruleSetUrl} className="underline">SigmaHQ rule set</a>, under the Detection Rule License 1.1; author: {rule.author ?? "not stated"}.
          </p>
        )}
      </div>
    </div>
  );
}
