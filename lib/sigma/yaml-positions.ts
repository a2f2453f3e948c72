/**
 * YAML loading with source positions. js-yaml 5 splits loading into `parseEvents` (offsets into the text) and
 * `constructFromEvents` (plain JS values); we run both ourselves and walk the event stream once more to build
 * a light tree of offsets (mapping key → offset, sequence index → offset). That walk costs far less than
 * scanning the text and gives exact positions for every key and value.
 */
import { constructFromEvents, getScalarValue, parseEvents, type Event, type ScalarEvent } from "js-yaml";

/**
 * Where one YAML node is: its 0-based offset in the file text, with children resolved lazily (only the nodes a
 * caller asks about are ever materialised; most of a rule's YAML never needs a position).
 */
export class PosNode {
  private children: Map<string, { key: number; value: PosNode }> | PosNode[] | null = null;
  constructor(
    readonly offset: number,
    private readonly tree: EventTree | null = null,
    private readonly index = -1,
  ) {}

  /** Mapping children by key (first occurrence wins). */
  keys(): Map<string, { key: number; value: PosNode }> | undefined {
    const c = this.resolve();
    return c instanceof Map ? c : undefined;
  }

  /** Sequence children. */
  items(): PosNode[] | undefined {
    const c = this.resolve();
    return Array.isArray(c) ? c : undefined;
  }

  private resolve(): Map<string, { key: number; value: PosNode }> | PosNode[] | null {
    if (this.children === null && this.tree) this.children = this.tree.childrenOf(this.index, this.offset);
    return this.children;
  }
}

/** One loaded YAML document: its value and its position tree. */
export interface YamlDocument {
  value: unknown;
  pos: PosNode;
  /** Offset of the document's first content in the file. */
  offset: number;
  /** A YAML error that made this document unreadable (value is then undefined). */
  error?: { message: string; offset: number };
}

/** The parser events of one chunk of text plus, for each event, the index of the last event of its node. */
class EventTree {
  readonly ends: Int32Array;
  constructor(
    readonly events: Event[],
    readonly text: string,
    readonly base: number,
  ) {
    const n = events.length;
    const ends = new Int32Array(n);
    // Nesting is bounded by js-yaml's maxDepth (100), so a small fixed stack suffices.
    const stack = new Int32Array(128);
    let top = 0;
    for (let i = 0; i < n; i++) {
      const t = events[i].type;
      ends[i] = i;
      if (t === EV_POP) {
        if (top > 0) ends[stack[--top]] = i;
      } else if (t !== EV_SCALAR && t !== EV_ALIAS && top < stack.length) stack[top++] = i;
    }
    this.ends = ends;
  }

  /** The offset of the node starting at event `i` (-1 for an empty scalar). */
  offsetOf(i: number): number {
    const ev = this.events[i];
    switch (ev.type) {
      case EV_SCALAR: {
        const o = scalarOffset(ev);
        return o < 0 ? -1 : this.base + o;
      }
      case EV_ALIAS:
        return this.base + Math.max(0, ev.anchorStart - 1);
      case EV_MAPPING:
      case EV_SEQUENCE:
        return this.base + Math.max(0, ev.start);
      default:
        return this.base;
    }
  }

  node(i: number, fallback: number): PosNode {
    const o = this.offsetOf(i);
    const t = this.events[i].type;
    return new PosNode(o < 0 ? fallback : o, t === EV_MAPPING || t === EV_SEQUENCE ? this : null, i);
  }

  childrenOf(i: number, offset: number): Map<string, { key: number; value: PosNode }> | PosNode[] | null {
    const ev = this.events[i];
    if (ev.type === EV_MAPPING) {
      const keys = new Map<string, { key: number; value: PosNode }>();
      let j = i + 1;
      while (this.events[j].type !== EV_POP) {
        const keyEv = this.events[j];
        const valueAt = this.ends[j] + 1;
        const name = keyEv.type === EV_SCALAR ? getScalarValue(this.text, keyEv) : "";
        if (!keys.has(name)) {
          const keyOffset = this.offsetOf(j);
          const key = keyOffset < 0 ? offset : keyOffset;
          keys.set(name, { key, value: this.node(valueAt, key) });
        }
        j = this.ends[valueAt] + 1;
      }
      return keys;
    }
    if (ev.type === EV_SEQUENCE) {
      const items: PosNode[] = [];
      for (let j = i + 1; this.events[j].type !== EV_POP; j = this.ends[j] + 1) items.push(this.node(j, offset));
      return items;
    }
    return null;
  }
}

const EV_DOCUMENT = 1;
const EV_SEQUENCE = 2;
const EV_MAPPING = 3;
const EV_SCALAR = 4;
const EV_ALIAS = 5;
const EV_POP = 6;
const STYLE_SINGLE = 2;
const STYLE_DOUBLE = 3;

/** Maps 0-based offsets to 1-based line and column numbers; the line table is built on first use. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  /** True when the text has a quote character at `offset` (a quoted scalar's position points at its quote). */
  quotedAt(offset: number): boolean {
    const c = this.text[offset];
    return c === "'" || c === '"';
  }

  /** 1-based line and column of an offset (clamped into the text). */
  at(offset: number): { line: number; col: number } {
    if (this.starts === null) this.starts = lineStarts(this.text);
    const starts = this.starts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: o - starts[lo] + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf("\n");
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf("\n", i + 1);
  }
  return starts;
}

/**
 * Loads every YAML document of a text with positions. A syntax error does not lose the other documents:
 * the text is then split at `---` lines and each piece is loaded on its own.
 */
export function loadYamlDocuments(text: string): YamlDocument[] {
  try {
    return loadChunk(text, 0);
  } catch (error) {
    const chunks = splitDocuments(text);
    if (chunks.length <= 1) return [errorDocument(error, 0)];
    const docs: YamlDocument[] = [];
    for (const chunk of chunks) {
      try {
        docs.push(...loadChunk(text.slice(chunk.start, chunk.end), chunk.start));
      } catch (chunkError) {
        docs.push(errorDocument(chunkError, chunk.start));
      }
    }
    return docs;
  }
}

function errorDocument(error: unknown, base: number): YamlDocument {
  const mark = (error as { mark?: { position?: number } } | null)?.mark;
  const reason = (error as { reason?: string } | null)?.reason;
  const message = reason ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
  const offset = base + (typeof mark?.position === "number" ? mark.position : 0);
  return { value: undefined, pos: new PosNode(offset), offset, error: { message, offset } };
}

function splitDocuments(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  const re = /^---[ \t]*(?:#.*)?$/gm;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > start && text.slice(start, m.index).trim() !== "") chunks.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim() !== "") chunks.push({ start, end: text.length });
  return chunks;
}

/** Loads one piece of text whose offsets are shifted by `base` in the whole file. */
function loadChunk(text: string, base: number): YamlDocument[] {
  const events = parseEvents(text, {});
  // Sigma rules never need aliases; a cap keeps alias-heavy input from blowing up later walks.
  const values = constructFromEvents(events, { source: text, maxAliases: 1000 });
  const tree = new EventTree(events, text, base);
  const docs: YamlDocument[] = [];
  let n = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i].type !== EV_DOCUMENT) continue;
    const pos = tree.node(i + 1, base);
    docs.push({ value: values[n], pos, offset: pos.offset });
    n++;
    i = tree.ends[i];
  }
  return docs;
}

function scalarOffset(ev: ScalarEvent): number {
  if (ev.valueStart < 0) return -1;
  return ev.style === STYLE_SINGLE || ev.style === STYLE_DOUBLE ? ev.valueStart - 1 : ev.valueStart;
}

/** The position node of a child key or index, or the parent when it is missing. */
export function childPos(pos: PosNode, key: string | number): PosNode {
  if (typeof key === "number") return pos.items()?.[key] ?? pos;
  return pos.keys()?.get(key)?.value ?? pos;
}

/** The offset of a mapping key itself (where the problem "at key X" should point). */
export function keyOffset(pos: PosNode, key: string): number {
  return pos.keys()?.get(key)?.key ?? pos.offset;
}
