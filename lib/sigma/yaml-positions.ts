/**
 * YAML loading with source positions. js-yaml 5 splits loading into `parseEvents` (offsets into the text) and
 * `constructFromEvents` (plain JS values); we run both ourselves and walk the event stream once more to build
 * a light tree of offsets (mapping key → offset, sequence index → offset). That walk costs far less than
 * scanning the text and gives exact positions for every key and value.
 */
import { constructFromEvents, getScalarValue, parseEvents, type Event, type ScalarEvent } from "js-yaml";

/** Offsets of one YAML node and, for collections, of its children. Offsets are 0-based into the file text. */
export interface PosNode {
  offset: number;
  /** Mapping: key → offset of the key and the value's node. */
  keys?: Map<string, { key: number; value: PosNode }>;
  /** Sequence: one node per item. */
  items?: PosNode[];
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

const EV_DOCUMENT = 1;
const EV_SEQUENCE = 2;
const EV_MAPPING = 3;
const EV_SCALAR = 4;
const EV_ALIAS = 5;
const STYLE_SINGLE = 2;
const STYLE_DOUBLE = 3;

/** Maps 0-based offsets to 1-based line and column numbers; the line table is built on first use. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

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
    return loadChunk(text, text, 0);
  } catch (error) {
    const chunks = splitDocuments(text);
    if (chunks.length <= 1) return [errorDocument(error, 0)];
    const docs: YamlDocument[] = [];
    for (const chunk of chunks) {
      try {
        docs.push(...loadChunk(text, text.slice(chunk.start, chunk.end), chunk.start));
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
  return { value: undefined, pos: { offset }, offset, error: { message, offset } };
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
function loadChunk(_file: string, text: string, base: number): YamlDocument[] {
  const events = parseEvents(text, {});
  const values = constructFromEvents(events, { source: text });
  const walker = new PositionWalker(events, text, base);
  const docs: YamlDocument[] = [];
  let n = 0;
  while (walker.i < events.length) {
    const ev = events[walker.i];
    if (ev.type !== EV_DOCUMENT) {
      walker.i++;
      continue;
    }
    walker.i++;
    const pos = walker.node();
    walker.i++; // the document's POP
    docs.push({ value: values[n], pos, offset: pos.offset });
    n++;
  }
  return docs;
}

class PositionWalker {
  i = 0;
  constructor(
    private readonly events: Event[],
    private readonly text: string,
    private readonly base: number,
  ) {}

  node(): PosNode {
    const ev = this.events[this.i++];
    switch (ev.type) {
      case EV_SCALAR: {
        const o = scalarOffset(ev);
        return { offset: o < 0 ? -1 : this.base + o };
      }
      case EV_ALIAS:
        return { offset: this.base + Math.max(0, ev.anchorStart - 1) };
      case EV_MAPPING: {
        const keys = new Map<string, { key: number; value: PosNode }>();
        while (this.events[this.i].type !== 6) {
          const keyEv = this.events[this.i];
          const keyPos = this.node();
          const value = this.node();
          const name = keyEv.type === EV_SCALAR ? getScalarValue(this.text, keyEv) : "";
          if (!keys.has(name)) keys.set(name, { key: keyPos.offset, value });
          if (value.offset < 0) value.offset = keyPos.offset;
        }
        this.i++;
        return { offset: this.base + Math.max(0, ev.start), keys };
      }
      case EV_SEQUENCE: {
        const items: PosNode[] = [];
        const offset = this.base + Math.max(0, ev.start);
        while (this.events[this.i].type !== 6) {
          const item = this.node();
          if (item.offset < 0) item.offset = offset;
          items.push(item);
        }
        this.i++;
        return { offset, items };
      }
      default:
        return { offset: this.base };
    }
  }
}

function scalarOffset(ev: ScalarEvent): number {
  if (ev.valueStart < 0) return -1;
  return ev.style === STYLE_SINGLE || ev.style === STYLE_DOUBLE ? ev.valueStart - 1 : ev.valueStart;
}

/** The position node of a child key or index, or the parent when it is missing. */
export function childPos(pos: PosNode, key: string | number): PosNode {
  if (typeof key === "number") return pos.items?.[key] ?? pos;
  return pos.keys?.get(key)?.value ?? pos;
}

/** The offset of a mapping key itself (where the problem "at key X" should point). */
export function keyOffset(pos: PosNode, key: string): number {
  return pos.keys?.get(key)?.key ?? pos.offset;
}
