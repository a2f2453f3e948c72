/** Time-part extraction for the v2.1 `minute` … `year` modifiers: UTC parts of an ISO date-time (or epoch ms). */
import type { TimePart } from "./model";

/** The part of a date-time value, or null when the value is not a date. Week is the ISO-8601 week number. */
export function timePartOf(value: unknown, part: TimePart): number | null {
  let date: Date;
  if (typeof value === "number") date = new Date(value);
  else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    // A date-time without a zone is read as UTC (the spec does no timezone handling).
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
    date = new Date(hasZone || value.length === 10 ? value : `${value.replace(" ", "T")}Z`);
  } else return null;
  if (Number.isNaN(date.getTime())) return null;
  switch (part) {
    case "minute": return date.getUTCMinutes();
    case "hour": return date.getUTCHours();
    case "day": return date.getUTCDate();
    case "month": return date.getUTCMonth() + 1;
    case "year": return date.getUTCFullYear();
    case "week": return isoWeek(date);
  }
}

function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
}
