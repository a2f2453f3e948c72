import type { ConversionView } from "@/lib/catalog/types";
import { CodeBlock } from "@/components/code/code-block";

function IssueList({ issues, title }: { issues: ConversionView["issues"]; title: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="mt-3">
      <h4 className="text-sm font-medium">{title}</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {issues.map((i, n) => (
          <li key={n}>
            <code className="rounded bg-zinc-100 px-1 text-xs dark:bg-zinc-800">{i.code}</code> {i.message}
            {i.line ? <span className="text-zinc-600 dark:text-zinc-400"> (line {i.line})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Panel({ c }: { c: ConversionView }) {
  return (
    <div>
      {c.state === "converted" && c.query && c.queryHtml ? (
        <>
          <CodeBlock html={c.queryHtml} code={c.query} caption={`KQL · ${c.targetLabel} · ${c.table}`} copyLabel="Copy KQL" />
          <IssueList issues={c.issues} title="Notes on this conversion" />
        </>
      ) : (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
          <p className="text-sm font-medium">
            This rule {c.state === "invalid" ? "is invalid for" : "cannot be converted exactly to"} {c.targetLabel}.
          </p>
          <IssueList issues={c.issues} title="Why" />
          {c.issues.length === 0 && <p className="mt-1 text-sm">No reason was recorded.</p>}
        </div>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">How this was converted</summary>
        {c.trace.length > 0 ? (
          <ol className="mt-2 list-decimal space-y-0.5 pl-6 font-mono text-xs">
            {c.trace.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ol>
        ) : (
          <p className="mt-2">No steps were recorded.</p>
        )}
      </details>
    </div>
  );
}

/**
 * One tab per target. Tabs are visually hidden radio inputs with labels (CSS in globals.css shows the checked
 * panel), so they work without JavaScript and with the keyboard (arrow keys move between radios).
 */
export function KqlTabs({ conversions }: { conversions: ConversionView[] }) {
  if (conversions.length === 0) return <p className="text-sm">No KQL conversion is stored for this rule.</p>;
  // Open the first target that converts, so the page leads with usable KQL.
  const active = (conversions.find((c) => c.state === "converted") ?? conversions[0]).target;
  return (
    <div className="tabs">
      {conversions.map((c) => (
        <input key={c.target} type="radio" name="kql-target" id={`kql-${c.target}`} value={c.target} defaultChecked={c.target === active} className="sr-only" />
      ))}
      <div className="tab-list mb-3 flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {conversions.map((c) => (
          <label
            key={c.target}
            htmlFor={`kql-${c.target}`}
            data-target={c.target}
            className="-mb-px cursor-pointer border-b-2 border-transparent px-3 py-1.5 text-sm text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
          >
            {c.targetLabel}{" "}
            <span aria-hidden="true">{c.state === "converted" ? "✓" : "✗"}</span>
            <span className="sr-only">{c.state === "converted" ? " (converts)" : " (does not convert)"}</span>
          </label>
        ))}
      </div>
      <div className="tab-panels">
        {conversions.map((c) => (
          <div key={c.target} className="tab-panel" data-panel={c.target}>
            <Panel c={c} />
          </div>
        ))}
      </div>
    </div>
  );
}
