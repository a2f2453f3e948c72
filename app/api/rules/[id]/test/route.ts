import { testEvent, MAX_EVENT_CHARS } from "@/lib/catalog/queries/test-event";

export const dynamic = "force-dynamic";

/** POST a JSON event (as the request body) → whether the rule matches it and which selections matched. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const text = await request.text();
  if (text.length > MAX_EVENT_CHARS * 2) return Response.json({ error: "The event is too large." }, { status: 413 });
  const result = await testEvent(id, text);
  if (!result) return Response.json({ error: `No rule with id ${id}.` }, { status: 404 });
  return Response.json(result);
}
