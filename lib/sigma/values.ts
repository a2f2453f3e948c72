/**
 * Sigma string values: parsing the written form into parts once (escapes, wildcards, placeholders) and the
 * helpers every consumer needs (text, wildcard test, anchored regex).
 */
import type { SigmaString, StringOp, StringPart } from "./model";

const PLACEHOLDER = /%([A-Za-z0-9_.-]+)%/y;

/**
 * Parses a string as written in a rule into parts. Escapes (spec §2.1): `\*` and `\?` are literal, `\\` is one
 * backslash, a backslash before any other character stays a backslash. With `expand`, `%name%` becomes a
 * placeholder and `\%` a literal percent sign.
 */
export function parseSigmaString(raw: string, expand = false): SigmaString {
  if (!needsParsing(raw, expand)) return raw === "" ? [] : [{ kind: "text", value: raw }];
  const parts: StringPart[] = [];
  let text = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\") {
      const next = raw[i + 1];
      if (next === "*" || next === "?" || next === "\\" || (expand && next === "%")) {
        text += next;
        i++;
      } else {
        text += "\\";
      }
    } else if (c === "*" || c === "?") {
      if (text !== "") parts.push({ kind: "text", value: text });
      text = "";
      parts.push(c === "*" ? { kind: "anyChars" } : { kind: "oneChar" });
    } else if (c === "%" && expand) {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(raw);
      if (m) {
        if (text !== "") parts.push({ kind: "text", value: text });
        text = "";
        parts.push({ kind: "placeholder", name: m[1] });
        i += m[0].length - 1;
      } else {
        text += c;
      }
    } else {
      text += c;
    }
  }
  if (text !== "") parts.push({ kind: "text", value: text });
  return parts;
}

function needsParsing(raw: string, expand: boolean): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // * ? \ and, with expand, %
    if (c === 42 || c === 63 || c === 92 || (expand && c === 37)) return true;
  }
  return false;
}

/** True when the value still holds a `*` or `?` wildcard. */
export function hasWildcards(parts: SigmaString): boolean {
  return parts.some((p) => p.kind === "anyChars" || p.kind === "oneChar");
}

/** True when the value holds an unresolved `%name%` placeholder (only with `|expand`). */
export function hasPlaceholders(parts: SigmaString): boolean {
  return parts.some((p) => p.kind === "placeholder");
}

/**
 * The plain text of a value: exact for values without wildcards; wildcards are rendered `*`/`?` and
 * placeholders `%name%` (so check {@link hasWildcards} first when the difference matters).
 */
export function sigmaStringText(parts: SigmaString): string {
  if (parts.length === 1 && parts[0].kind === "text") return parts[0].value;
  let s = "";
  for (const p of parts) {
    if (p.kind === "text") s += p.value;
    else if (p.kind === "anyChars") s += "*";
    else if (p.kind === "oneChar") s += "?";
    else s += `%${p.name}%`;
  }
  return s;
}

/**
 * The value written back in Sigma syntax, for display and tests: literal `*`/`?` become `\*`/`\?`, and a
 * backslash is doubled only where it would otherwise escape what follows (so `C:\Windows\` stays readable).
 */
export function formatSigmaString(parts: SigmaString): string {
  let s = "";
  parts.forEach((p, index) => {
    if (p.kind === "text") {
      const v = p.value;
      for (let i = 0; i < v.length; i++) {
        const c = v[i];
        if (c === "*" || c === "?") s += "\\" + c;
        else if (c === "\\") {
          const next = i + 1 < v.length ? v[i + 1] : parts[index + 1]?.kind === "anyChars" ? "*" : parts[index + 1]?.kind === "oneChar" ? "?" : "";
          s += next === "*" || next === "?" || next === "\\" ? "\\\\" : "\\";
        } else s += c;
      }
    } else if (p.kind === "anyChars") s += "*";
    else if (p.kind === "oneChar") s += "?";
    else s += `%${p.name}%`;
  });
  return s;
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** Escapes text for use inside an RE2 or JavaScript regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, "\\$&");
}

/**
 * An anchored regular expression equivalent to matching `parts` with `op`. The pattern starts with an inline
 * flag group: `(?is)` (case-insensitive, `.` matches newlines) or `(?s)` when `cased`. RE2/KQL accept it as is;
 * JavaScript needs {@link regexToJs}. Placeholders are matched literally as `%name%`.
 */
export function sigmaStringToRegex(parts: SigmaString, opts: { op: StringOp; cased: boolean }): string {
  let body = "";
  for (const p of parts) {
    if (p.kind === "text") body += escapeRegex(p.value);
    else if (p.kind === "anyChars") body += ".*";
    else if (p.kind === "oneChar") body += ".";
    else body += escapeRegex(`%${p.name}%`);
  }
  const lead = opts.op === "contains" || opts.op === "endswith" ? ".*" : "";
  const tail = opts.op === "contains" || opts.op === "startswith" ? ".*" : "";
  return `${opts.cased ? "(?s)" : "(?is)"}^${lead}${body}${tail}$`;
}

const LEADING_FLAGS = /^\(\?([imsU]+)\)/;

/**
 * Compiles a pattern that may start with an RE2-style inline flag group (`(?i)`, `(?ms)`…) into a JavaScript
 * RegExp, moving the flags to RegExp flags. Throws SyntaxError for an invalid pattern (callers catch).
 */
export function regexToJs(pattern: string, extraFlags = ""): RegExp {
  const m = LEADING_FLAGS.exec(pattern);
  let flags = extraFlags;
  let body = pattern;
  if (m) {
    body = pattern.slice(m[0].length);
    for (const f of m[1]) if (f !== "U" && !flags.includes(f)) flags += f;
  }
  return new RegExp(body, flags);
}
