import { resolveRulePath } from "@/lib/catalog/queries/get-rule";

export const dynamic = "force-dynamic";

/** A rule's path in a source (current or former) → 308 to its permanent page /rules/<id>, or 404. */
export async function GET(_request: Request, ctx: { params: Promise<{ source: string; path: string[] }> }) {
  const { source, path } = await ctx.params;
  const id = await resolveRulePath(decodeURIComponent(source), path.map(decodeURIComponent).join("/"));
  if (!id) return new Response(`No rule has had the path ${path.join("/")} in source ${source}.\n`, { status: 404, headers: { "content-type": "text/plain" } });
  // A relative Location: behind a proxy the request URL's host is not the one the browser used.
  return new Response(null, { status: 308, headers: { location: `/rules/${id}` } });
}
