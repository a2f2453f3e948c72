import { notFound, permanentRedirect } from "next/navigation";
import { resolveRulePath } from "@/lib/catalog/queries/get-rule";

export const dynamic = "force-dynamic";

/** A rule's path in a source (current or former) → its permanent page /rules/<id>. */
export default async function RuleByPath({ params }: { params: Promise<{ source: string; path: string[] }> }) {
  const { source, path } = await params;
  const id = await resolveRulePath(decodeURIComponent(source), path.map(decodeURIComponent).join("/"));
  if (!id) notFound();
  permanentRedirect(`/rules/${id}`);
}
