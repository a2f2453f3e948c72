/**
 * Value transformations of the encoding modifiers: `wide`/`utf16le`/`utf16be`/`utf16` (text → bytes),
 * `base64` and `base64offset` (bytes → text variants) and `windash` (dash variants). Pure functions over
 * strings and byte arrays, so they run in the browser too (no Buffer).
 */
import type { SigmaString, StringPart } from "./model";

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** UTF-16 bytes of a string: little-endian, big-endian, or little-endian after the FF FE byte-order mark. */
export function utf16Bytes(text: string, form: "le" | "be" | "bom"): Uint8Array {
  const bom = form === "bom" ? 2 : 0;
  const out = new Uint8Array(bom + text.length * 2);
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const hi = code >> 8;
    const lo = code & 0xff;
    out[bom + 2 * i] = form === "be" ? hi : lo;
    out[bom + 2 * i + 1] = form === "be" ? lo : hi;
  }
  return out;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (with `=` padding) of bytes. */
export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + "==";
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + "=";
  }
  return out;
}

const OFFSET_START = [0, 2, 3];
const OFFSET_END = [0, 3, 2];

/**
 * The three `base64offset` variants: the bytes encoded after 0, 1 and 2 filler bytes (spaces, as pySigma
 * does), with the characters that depend on the unknown neighbouring bytes cut off at both ends.
 * Empty variants (values of one byte) are dropped because they would match everything.
 */
export function base64OffsetVariants(bytes: Uint8Array): string[] {
  const variants: string[] = [];
  for (let i = 0; i < 3; i++) {
    const shifted = new Uint8Array(i + bytes.length);
    shifted.fill(0x20, 0, i);
    shifted.set(bytes, i);
    const encoded = base64Encode(shifted);
    const v = encoded.slice(OFFSET_START[i], encoded.length - OFFSET_END[(bytes.length + i) % 3]);
    if (v !== "" && !variants.includes(v)) variants.push(v);
  }
  return variants;
}

/** The five characters `windash` substitutes for one another: -, /, en dash, em dash, horizontal bar. */
export const WINDASH_CHARS = ["-", "/", "\u2013", "\u2014", "\u2015"] as const;

const WORD = /[\p{L}\p{N}_]/u;
// Python's `\b` (pySigma) is Unicode-aware, so word characters include non-ASCII letters and digits.
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/**
 * Offsets in `text` where windash applies: a `-` or `/` not preceded by a word character and followed by one
 * (pySigma's `\B[-/]\b`). `a-b` and `x/y` are left alone.
 */
export function windashPositions(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === "-" || c === "/") && !isWord(text[i - 1]) && isWord(text[i + 1])) at.push(i);
  }
  return at;
}

/**
 * All `windash` variants of a value (5ⁿ for n dash positions; the value as written comes first). Positions
 * are found per text part; a wildcard next to a dash is a non-word character, as in the written string.
 * Returns null when there would be more than `limit` variants.
 */
export function windashVariants(parts: SigmaString, limit = 3125): SigmaString[] | null {
  const slots: { part: number; at: number }[] = [];
  parts.forEach((p, index) => {
    if (p.kind === "text") for (const at of windashPositions(p.value)) slots.push({ part: index, at });
  });
  if (slots.length === 0) return [parts];
  if (Math.pow(WINDASH_CHARS.length, slots.length) > limit) return null;
  let variants: string[][] = [parts.map((p) => (p.kind === "text" ? p.value : ""))];
  for (const slot of slots) {
    const next: string[][] = [];
    for (const v of variants) {
      const original = v[slot.part][slot.at];
      const order = [original, ...WINDASH_CHARS.filter((c) => c !== original)];
      for (const c of order) {
        const copy = v.slice();
        const t = copy[slot.part];
        copy[slot.part] = t.slice(0, slot.at) + c + t.slice(slot.at + 1);
        next.push(copy);
      }
    }
    variants = next;
  }
  return variants.map((texts) =>
    parts.map((p, i): StringPart => (p.kind === "text" ? { kind: "text", value: texts[i] } : p)),
  );
}
