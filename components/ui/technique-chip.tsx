import Link from "next/link";
import type { TechniqueRef } from "@/lib/catalog/types";

/** A technique as a link to its page: the id, and the name when ATT&CK is imported. */
export function TechniqueChip({ technique }: { technique: TechniqueRef }) {
  return (
    <Link
      href={`/attack/${technique.id}`}
      className="inline-flex items-center gap-1 rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      <span className="font-mono font-semibold">{technique.id}</span>
      {technique.name && <span className="text-zinc-700 dark:text-zinc-300">{technique.name}</span>}
    </Link>
  );
}
