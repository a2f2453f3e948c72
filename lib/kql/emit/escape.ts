/**
 * KQL literal and identifier quoting. Values are always emitted as string literals the Kusto parser reads back
 * to exactly the same text; the form is chosen for readability (verbatim `@"…"` for Windows paths).
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** KQL keywords that cannot be used bare as column names. */
const RESERVED = new Set([
  "and", "or", "not", "in", "has", "contains", "startswith", "endswith", "matches", "regex", "between", "by",
  "where", "project", "extend", "summarize", "let", "true", "false", "null", "with", "on", "of", "as", "to",
  "search", "kind", "datatable", "print", "range", "set", "declare", "restrict", "alias", "pattern",
]);

/** A column name as KQL wants it: bare when it is a plain identifier, `['x-y']` otherwise. */
export function kqlIdentifier(name: string): string {
  if (IDENTIFIER.test(name) && !RESERVED.has(name.toLowerCase())) return name;
  return `['${name.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}

// Characters a verbatim literal cannot hold (line breaks end it) or that are unreadable inside one.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * A string literal for `value`. Verbatim `@"…"` when the value has a backslash, no double quote and no control
 * character (Windows paths read as written); otherwise a regular `"…"` literal with `\\`, `\"`, `\t`, `\n`, `\r`
 * and `\uXXXX` escapes.
 */
export function kqlString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  if (value.includes("\\") && !value.includes('"') && !CONTROL.test(value)) return `@"${value}"`;
  let out = '"';
  for (const ch of value) {
    switch (ch) {
      case "\\": out += "\\\\"; break;
      case '"': out += '\\"'; break;
      case "\t": out += "\\t"; break;
      case "\n": out += "\\n"; break;
      case "\r": out += "\\r"; break;
      default: {
        const code = ch.codePointAt(0) ?? 0;
        out += CONTROL.test(ch) ? `\\u${code.toString(16).padStart(4, "0")}` : ch;
      }
    }
  }
  return out + '"';
}

/** A number literal: integers as written, reals with a decimal point so KQL types them as real. */
export function kqlNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}
