/**
 * The catalog stores lists as JSON text (SQLite and PostgreSQL share one schema without Json columns).
 * These readers never throw: bad JSON reads as empty, since a page must render even with a damaged row.
 */

/** A JSON array of strings, or []. */
export function readStringList(text: string | null | undefined): string[] {
  const v = readJson(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** A JSON array of objects, or []. */
export function readObjectList<T extends object>(text: string | null | undefined): T[] {
  const v = readJson(text);
  return Array.isArray(v) ? v.filter((x): x is T => typeof x === "object" && x !== null) : [];
}

/** A JSON object, or {}. */
export function readObject(text: string | null | undefined): Record<string, unknown> {
  const v = readJson(text);
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function readJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A Date (or ISO string) as ISO, or null. */
export function iso(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  return typeof d === "string" ? d : d.toISOString();
}
