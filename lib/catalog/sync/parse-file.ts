/**
 * One rule file's bytes → hash, usable documents and problems. File-level checks (size, encoding, emptiness)
 * come first; then the text is parsed.
 */
import { createHash } from "node:crypto";
import type { ParsedRuleFile } from "./rule-doc";
import { parseWithSigma } from "./sigma-doc";
import { MAX_RULE_FILE_BYTES, type SourceFile } from "./types";

/** SHA-256 hex of a file's raw bytes: the rule's content hash. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** 1-based line of the first byte that is not valid UTF-8. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return line;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return line;
    if (b === 0x0a) line++;
    i += len;
  }
  return line;
}

/** Decodes and parses one file (see module doc). `contentHash` is null when the file was not read. */
export function parseRuleFile(file: SourceFile): ParsedRuleFile & { contentHash: string | null; text: string | null } {
  if (file.bytes === null || file.size > MAX_RULE_FILE_BYTES) {
    return fail(null, "file-too-large", `the file is ${file.size.toLocaleString("en-US")} bytes; rule files over ${MAX_RULE_FILE_BYTES.toLocaleString("en-US")} bytes are not read`);
  }
  const contentHash = hashBytes(file.bytes);
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    return fail(contentHash, "not-utf8", "the file is not valid UTF-8 text", firstBadUtf8Line(file.bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\u0000")) return fail(contentHash, "not-utf8", "the file holds NUL bytes (binary data?)", text.slice(0, text.indexOf("\u0000")).split("\n").length);
  if (!text.trim()) return fail(contentHash, "empty-file", "the file is empty", 1);
  return { ...parseWithSigma(text), contentHash, text };
}

function fail(contentHash: string | null, code: string, message: string, line?: number) {
  return { docs: [], problems: [{ code, message, severity: "error" as const, line }], contentHash, text: null };
}
