import type { RuleDetail } from "@/lib/catalog/types";
import { Badge, LevelBadge, StatusBadge, type Tone } from "@/components/ui/badge";
import { TechniqueChip } from "@/components/ui/technique-chip";
import { formatDate, formatDateTime } from "@/lib/utils";

const CONFIDENCE_TONE: Record<string, Tone> = { high: "green", medium: "amber", low: "red" };

function Meta({ term, children, className }: { term: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className ?? "min-w-0"}>
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

/** Title, badges, technique chips and the rule's metadata (source, logsource, author, dates, id, confidence). */
export function RuleHeader({ rule }: { rule: RuleDetail }) {
  const ls = rule.logsource;
  return (
    <header className="space-y-3">
      {rule.removedAt && (
        <p role="status" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          This rule was removed from its source on {formatDateTime(rule.removedAt)}. It is kept here so old links keep working; do not deploy it.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone="sky">{rule.origin.sourceLabel}</Badge>
        <LevelBadge level={rule.level} />
        <StatusBadge status={rule.status} />
        {rule.kind !== "rule" && <Badge>{rule.kind}</Badge>}
      </div>
      <h1 className="text-2xl font-semibold leading-tight tracking-tight">{rule.title}</h1>
      {rule.description && <p className="whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{rule.description}</p>}
      {rule.techniques.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="ATT&CK techniques">
          {rule.techniques.map((t) => (
            <li key={t.id}>
              <TechniqueChip technique={t} />
            </li>
          ))}
        </ul>
      )}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-4">
        <Meta term="Logsource">
          <span className="font-mono">
            {[ls.product && `product: ${ls.product}`, ls.category && `category: ${ls.category}`, ls.service && `service: ${ls.service}`].filter(Boolean).join(" · ") || "—"}
          </span>
        </Meta>
        <Meta term="Author">{rule.author ?? "—"}</Meta>
        <Meta term="Date / modified">
          {formatDate(rule.date)}
          {rule.modified ? ` / ${formatDate(rule.modified)}` : ""}
        </Meta>
        <Meta term="Retrieved">{formatDateTime(rule.origin.retrievedAt)}</Meta>
        <Meta term="Rule id">
          <span className="font-mono text-xs">{rule.id}</span>
        </Meta>
        <Meta term="Source">
          {rule.origin.pinnedUrl || rule.origin.branchUrl ? (
            <a className="underline" href={rule.origin.pinnedUrl ?? rule.origin.branchUrl!}>
              {rule.origin.sourceLabel}
            </a>
          ) : (
            rule.origin.sourceLabel
          )}
        </Meta>
        <Meta term="Confidence" className="min-w-0 sm:col-span-2">
          <Badge tone={CONFIDENCE_TONE[rule.confidence.level]}>{rule.confidence.level}</Badge> <span>{rule.confidence.reason}</span>
        </Meta>
      </dl>
    </header>
  );
}
