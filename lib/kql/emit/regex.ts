/**
 * Regular expressions for KQL's `matches regex`, which uses RE2 and searches (is unanchored) like Sigma's `re`.
 * Two jobs: turn a Sigma wildcard string into an exact RE2 pattern, and check/translate a Sigma (PCRE-subset)
 * pattern into RE2, refusing what RE2 cannot express instead of approximating it.
 */
import type { RegexFlags, SigmaString } from "../../sigma";

/** Escapes RE2 metacharacters so `text` matches literally. */
export function escapeRe2(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}

/**
 * An RE2 pattern equivalent to a Sigma wildcard string: `*` → `.*`, `?` → `.`, text escaped. `anchorStart` /
 * `anchorEnd` pin the match to the ends of the value (Sigma plain values match the whole value). `(?s)` is set
 * when a wildcard is present because Sigma's `*` also matches line breaks; `(?i)` unless `cased`.
 */
export function wildcardToRe2(value: SigmaString, opts: { anchorStart: boolean; anchorEnd: boolean; cased: boolean }): string {
  let body = "";
  let hasDot = false;
  for (const part of value) {
    if (part.kind === "text") body += escapeRe2(part.value);
    else if (part.kind === "anyChars") { body += ".*"; hasDot = true; }
    else if (part.kind === "oneChar") { body += "."; hasDot = true; }
    else body += escapeRe2(`%${part.name}%`);
  }
  const flags = `${opts.cased ? "" : "i"}${hasDot ? "s" : ""}`;
  return `${flags ? `(?${flags})` : ""}${opts.anchorStart ? "^" : ""}${body}${opts.anchorEnd ? "$" : ""}`;
}

/**
 * Removes a leading and a trailing `.*` (as `|re|contains` adds): KQL's `matches regex` searches, so `.*X` and
 * `X.*` find exactly what `X` finds. A trailing `.*` after an odd run of backslashes is an escaped dot and stays.
 */
export function stripEdgeDotStar(pattern: string): string {
  let p = pattern;
  if (p.startsWith(".*") && !/^\.\*[?+]/.test(p) && p.length > 2) p = p.slice(2);
  if (p.endsWith(".*") && p.length > 2) {
    const before = /\\*$/.exec(p.slice(0, -2))?.[0].length ?? 0;
    if (before % 2 === 0 && !p.endsWith("(.*") && !p.endsWith("|.*")) p = p.slice(0, -2);
  }
  return p;
}

/** Why a Sigma regex cannot be expressed in RE2, or the RE2 pattern (with the modifier flags as a prefix). */
export type Re2Translation = { ok: true; pattern: string } | { ok: false; reason: string };

// Letters RE2 accepts after a backslash (outside and inside classes).
const RE2_ESCAPE_LETTERS = new Set("AbBdDfnpPQErsStvwWxzaC".split(""));
const PCRE_ONLY_ESCAPES: Record<string, string> = {
  Z: "\\Z (end before a final newline)", G: "\\G", K: "\\K", R: "\\R", X: "\\X", h: "\\h", H: "\\H",
  e: "\\e", c: "\\c control escape", k: "named backreference \\k", g: "backreference \\g", N: "\\N", V: "\\V",
};

/**
 * Checks a Sigma regex against RE2's syntax and translates the few constructs that have an exact RE2 spelling
 * (`(?<name>` → `(?P<name>`). Lookarounds, backreferences, possessive quantifiers, atomic groups, conditionals,
 * recursion and PCRE-only escapes are refused with a reason.
 */
export function pcreToRe2(pattern: string, flags: RegexFlags): Re2Translation {
  const source = stripEdgeDotStar(pattern);
  let out = "";
  let i = 0;
  let inClass = false;
  let lastWasQuantifier = false;
  const fail = (what: string): Re2Translation => ({ ok: false, reason: `${what} at offset ${i} is not supported by RE2` });
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      const n = source[i + 1];
      if (n === undefined) return fail("trailing backslash");
      if (/[1-9]/.test(n)) return fail(`backreference \\${n}`);
      if (n === "0") return fail("octal escape \\0");
      if (/[A-Za-z]/.test(n) && !RE2_ESCAPE_LETTERS.has(n)) return fail(PCRE_ONLY_ESCAPES[n] ?? `escape \\${n}`);
      if (n === "Q") {
        // \Q…\E quotes literally in both dialects; copy through to \E untouched.
        const end = source.indexOf("\\E", i + 2);
        const stop = end < 0 ? source.length : end + 2;
        out += source.slice(i, stop);
        i = stop;
        lastWasQuantifier = false;
        continue;
      }
      out += c + n;
      i += 2;
      lastWasQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === "[" && source[i + 1] === ":") {
        const end = source.indexOf(":]", i + 2);
        if (end < 0) return fail("unterminated POSIX class");
        out += source.slice(i, end + 2);
        i = end + 2;
        continue;
      }
      if (c === "]") inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      i++;
      if (source[i] === "^") { out += "^"; i++; }
      if (source[i] === "]") { out += "\\]"; i++; }
      lastWasQuantifier = false;
      continue;
    }
    if (c === "(" && source[i + 1] === "?") {
      const rest = source.slice(i + 2);
      if (/^[=!]/.test(rest) || /^<[=!]/.test(rest)) return fail("lookaround");
      if (rest.startsWith(">")) return fail("atomic group");
      if (rest.startsWith("#")) return fail("comment group");
      if (rest.startsWith("|")) return fail("branch-reset group");
      if (rest.startsWith("(")) return fail("conditional group");
      if (/^(R|[+-]?\d|&|P>|P=)/.test(rest)) return fail("recursion or subroutine call");
      const named = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest) ?? /^'([A-Za-z_][A-Za-z0-9_]*)'/.exec(rest);
      if (named) {
        out += `(?P<${named[1]}>`;
        i += 2 + named[0].length;
        lastWasQuantifier = false;
        continue;
      }
      const flagGroup = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
      if (flagGroup && !rest.startsWith("P<")) {
        const letters = (flagGroup[1] ?? "") + (flagGroup[2] ?? "");
        if (/[^imsU]/.test(letters)) return fail(`inline flag (?${letters})`);
      }
      out += "(?";
      i += 2;
      lastWasQuantifier = false;
      continue;
    }
    if (c === "*" || c === "+" || c === "?") {
      if (lastWasQuantifier && c === "+") return fail("possessive quantifier");
      out += c;
      i++;
      // A quantifier may be followed by `?` (lazy, fine in RE2) or `+` (possessive, refused above).
      lastWasQuantifier = c !== "?" || !lastWasQuantifier;
      continue;
    }
    if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        if (Number(m[1]) > 1000 || (m[3] && Number(m[3]) > 1000)) return fail("repetition count above 1000");
        out += m[0];
        i += m[0].length;
        lastWasQuantifier = true;
        continue;
      }
      // A brace that does not start a repetition is a literal in PCRE; RE2 agrees only when escaped.
      out += "\\{";
      i++;
      lastWasQuantifier = false;
      continue;
    }
    out += c;
    i++;
    lastWasQuantifier = false;
  }
  if (inClass) return fail("unterminated character class");
  const prefix = `${flags.ignoreCase ? "i" : ""}${flags.multiline ? "m" : ""}${flags.dotAll ? "s" : ""}`;
  return { ok: true, pattern: prefix ? `(?${prefix})${out}` : out };
}
