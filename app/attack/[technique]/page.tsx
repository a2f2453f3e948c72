import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { RuleList } from "@/components/feed/rule-list";
import { cache } from "react";
import { getTechnique as loadTechnique } from "@/lib/catalog/queries/attack";

/** One load per request, shared by generateMetadata and the page. */
const getTechnique = cache(loadTechnique);
import { plural } from "@/lib/utils";

export const dynamic = "force-dynamic";

/** Rules listed on the page; the feed link shows them all. */
const SHOWN = 20;

type Props = { params: Promise<{ technique: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await getTechnique((await params).technique);
  return { title: r?.kind === "found" ? `${r.technique.id} ${r.technique.name}` : "Technique" };
}

export default async function TechniquePage({ params }: Props) {
  const { technique } = await params;
  const r = await getTechnique(decodeURIComponent(technique));
  if (!r) notFound();
  if (r.kind === "redirect") permanentRedirect(`/attack/${r.to}`);
  const t = r.technique;
  const description = t.description
    .replace(/\(Citation:[^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .trim();
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/attack" className="underline">
            ← ATT&CK techniques
          </Link>
          {t.parent && (
            <>
              {" "}
              · sub-technique of{" "}
              <Link href={`/attack/${t.parent.id}`} className="underline">
                {t.parent.id} {t.parent.name}
              </Link>
            </>
          )}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          <span className="font-mono">{t.id}</span> {t.name}
        </h1>
        {t.deprecated && <p className="text-sm text-amber-800 dark:text-amber-200">MITRE has deprecated this technique.</p>}
        <p className="text-sm">
          Tactic{t.tactics.length === 1 ? "" : "s"}:{" "}
          {t.tactics.map((x, i) => (
            <span key={x.id}>
              {i > 0 && ", "}
              <a href={x.url} className="underline">
                {x.name}
              </a>
            </span>
          ))}
          {" · "}
          <a href={t.url} className="underline">
            {t.id} on attack.mitre.org
          </a>
        </p>
        {description ? (
          <div className="max-w-3xl space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
            {description.split(/\n\s*\n/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">The imported ATT&CK data has no description for this technique.</p>
        )}
        {t.platforms.length > 0 && <p className="text-xs text-zinc-600 dark:text-zinc-400">Platforms: {t.platforms.join(", ")}</p>}
        {t.dataComponents.length > 0 && <p className="text-xs text-zinc-600 dark:text-zinc-400">Data components: {t.dataComponents.join(", ")}</p>}
      </header>
      {t.subtechniques.length > 0 && (
        <section aria-labelledby="subs-h">
          <h2 id="subs-h" className="text-lg font-semibold">
            Sub-techniques
          </h2>
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
            {t.subtechniques.map((s) => (
              <li key={s.id}>
                <Link href={`/attack/${s.id}`} className="font-mono underline">
                  {s.id}
                </Link>{" "}
                {s.name} <span className="text-zinc-600 dark:text-zinc-400">({plural(s.ruleCount, "rule")})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rules-h">
        <h2 id="rules-h" className="text-lg font-semibold">
          {plural(t.rules.length, "rule")}
          {t.subtechniques.length > 0 ? " (including sub-techniques)" : ""}
        </h2>
        {t.rules.length > 0 ? (
          <>
            <p className="mt-1 text-sm">
              Newest {Math.min(SHOWN, t.rules.length)} shown.{" "}
              <Link href={`/?technique=${t.id}`} className="underline">
                All {plural(t.rules.length, "rule")} in the feed, with filters
              </Link>
            </p>
            <RuleList rules={t.rules.slice(0, SHOWN)} />
          </>
        ) : (
          <p className="mt-2 text-sm">No rule in the catalog is tagged with this technique.</p>
        )}
      </section>
    </article>
  );
}
