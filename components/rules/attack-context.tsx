import Link from "next/link";
import type { AttackContext, AttackTechniqueNode } from "@/lib/catalog/types";

function TechniqueItem({ t }: { t: AttackTechniqueNode }) {
  return (
    <li className="space-y-1">
      <div>
        <Link href={`/attack/${t.id}`} className="font-mono text-sm font-semibold underline">
          {t.id}
        </Link>{" "}
        <a href={t.url} className="text-sm underline decoration-dotted">
          {t.name}
          <span className="sr-only"> on attack.mitre.org</span>
        </a>
        {!t.tagged && <span className="text-xs text-zinc-600 dark:text-zinc-400"> (parent of a tagged sub-technique)</span>}
      </div>
      {t.summary && <p className="text-sm text-zinc-700 dark:text-zinc-300">{t.summary}</p>}
      {t.subtechniques.length > 0 && (
        <ul className="ml-4 space-y-2 border-l border-zinc-200 pl-3 dark:border-zinc-800">
          {t.subtechniques.map((s) => (
            <TechniqueItem key={s.id} t={s} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Tactic → technique → sub-technique, with groups/software and any unresolved tags. */
export function AttackContextView({ attack }: { attack: AttackContext }) {
  const empty = attack.tactics.length === 0 && attack.entities.length === 0 && attack.unresolved.length === 0;
  return (
    <div className="space-y-4">
      {empty && <p className="text-sm">The rule has no ATT&CK tags.</p>}
      {attack.tactics.map((tactic) => (
        <div key={tactic.id}>
          <h3 className="text-sm font-semibold">
            Tactic:{" "}
            <a href={tactic.url} className="underline">
              {tactic.name}
            </a>{" "}
            <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{tactic.id}</span>
          </h3>
          {tactic.summary && <p className="text-sm text-zinc-700 dark:text-zinc-300">{tactic.summary}</p>}
          {tactic.techniques.length > 0 && (
            <ul className="mt-2 space-y-3 pl-2">
              {tactic.techniques.map((t) => (
                <TechniqueItem key={t.id} t={t} />
              ))}
            </ul>
          )}
        </div>
      ))}
      {attack.entities.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Groups and software</h3>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {attack.entities.map((e) => (
              <li key={e.id}>
                <a href={e.url} className="underline">
                  {e.name}
                </a>{" "}
                <span className="text-xs text-zinc-600 dark:text-zinc-400">
                  ({e.kind} {e.id})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {attack.unresolved.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Tags not resolved</h3>
          {attack.notImported && <p className="text-sm">ATT&CK data not imported: tags are shown as written. Run the sync with an ATT&CK bundle to resolve them.</p>}
          <ul className="mt-1 flex flex-wrap gap-2 font-mono text-xs">
            {attack.unresolved.map((t) => (
              <li key={t} className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
                {t}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
