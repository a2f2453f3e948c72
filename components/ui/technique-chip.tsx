import Link from "next/link";
import type { TechniqueRef } from "@/lib/catalog/types";

/** A technique as a link to its page: the id, and the name when ATT&CK is imported. */
export function TechniqueChip({ technique }: { technique: TechniqueRef }) {
  return (
    <Link href={`/attack/${technique.id}`} className="chip">
      <span className="font-mono font-semibold">{technique.id}</span>
      {technique.name && <span>{technique.name}</span>}
    </Link>
  );
}
