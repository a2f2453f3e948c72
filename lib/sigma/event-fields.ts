/**
 * Reading fields out of an event (a parsed JSON object) the way Sigma means it: exact name first, then a
 * dotted path (`a.b` → nested objects), then a case-insensitive match of the name.
 */

/** A field lookup result: `found` is false when the event has no such field. */
export interface FieldLookup {
  found: boolean;
  value: unknown;
}

const NOT_FOUND: FieldLookup = { found: false, value: undefined };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function ownKey(obj: Record<string, unknown>, name: string): FieldLookup {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return { found: true, value: obj[name] };
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return { found: true, value: obj[k] };
  return NOT_FOUND;
}

/** Looks a field up in an event: exact key, then a dotted path, then a case-insensitive key. */
export function lookupField(event: unknown, name: string): FieldLookup {
  if (!isObject(event)) return NOT_FOUND;
  if (Object.prototype.hasOwnProperty.call(event, name)) return { found: true, value: event[name] };
  if (name.includes(".")) {
    let current: unknown = event;
    let ok = true;
    for (const segment of name.split(".")) {
      if (!isObject(current)) {
        ok = false;
        break;
      }
      const next = ownKey(current, segment);
      if (!next.found) {
        ok = false;
        break;
      }
      current = next.value;
    }
    if (ok) return { found: true, value: current };
  }
  return ownKey(event, name);
}

/** Every scalar value of an event as text, recursively (what keyword searches look at), up to 100 levels deep. */
export function eventStrings(event: unknown): string[] {
  const out: string[] = [];
  collectStrings(event, out, 0);
  return out;
}

/** Nesting deeper than this is not searched (it would only come from hostile input and could overflow the stack). */
const MAX_EVENT_DEPTH = 100;

function collectStrings(v: unknown, out: string[], depth: number): void {
  if (typeof v === "string") out.push(v);
  else if (typeof v === "number" || typeof v === "boolean") out.push(String(v));
  else if (depth >= MAX_EVENT_DEPTH) return;
  else if (Array.isArray(v)) for (const item of v) collectStrings(item, out, depth + 1);
  else if (isObject(v)) for (const k of Object.keys(v)) collectStrings(v[k], out, depth + 1);
}

/**
 * A read-only view of one event with per-event caches (field lookups, lower-cased texts, keyword strings).
 * Views are cached per event object, so evaluating many rules against one event builds them once.
 */
export class EventView {
  private readonly lookups = new Map<string, FieldLookup>();
  private readonly lowered = new Map<string, string>();
  private strings: string[] | null = null;
  constructor(readonly event: unknown) {}

  /** {@link lookupField}, memoised. */
  field(name: string): FieldLookup {
    let found = this.lookups.get(name);
    if (found === undefined) {
      found = lookupField(this.event, name);
      this.lookups.set(name, found);
    }
    return found;
  }

  /** Lower-case form of a text of this event, memoised. */
  lower(text: string): string {
    let l = this.lowered.get(text);
    if (l === undefined) {
      l = text.toLowerCase();
      this.lowered.set(text, l);
    }
    return l;
  }

  /** All scalar values of the event as text (keyword searches). */
  allStrings(): string[] {
    if (this.strings === null) this.strings = eventStrings(this.event);
    return this.strings;
  }
}

const views = new WeakMap<object, EventView>();

/** The (cached) view of an event; primitives get a fresh view. */
export function viewOf(event: unknown): EventView {
  if (event === null || typeof event !== "object") return new EventView(event);
  let view = views.get(event);
  if (!view) {
    view = new EventView(event);
    views.set(event, view);
  }
  return view;
}
