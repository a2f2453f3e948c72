/**
 * Test helper: one string a (simple) regular expression is likely to match, for generating differential-test
 * events from `|re` rules. Takes the first alternative, the minimum useful repetition and the first class member;
 * it need not always succeed (both evaluators judge the event either way).
 */

const ESCAPES: Record<string, string> = { d: "1", D: "x", w: "a", W: "-", s: " ", S: "x", t: "\t", n: "\n", r: "\r", b: "", B: "", A: "", z: "", Z: "" };

function classMember(body: string): string {
  const negated = body.startsWith("^");
  const inner = negated ? body.slice(1) : body;
  if (negated) {
    for (const c of ["x", "0", "-", " ", "Q"]) if (!new RegExp(`[${inner}]`).test(c)) return c;
    return "~";
  }
  if (inner.startsWith("\\")) return ESCAPES[inner[1]] ?? inner[1];
  if (inner.startsWith("[:")) return "a";
  return inner[0] ?? "";
}

/** A sample string for `pattern` (leading inline flags are ignored). */
export function sampleForRegex(pattern: string): string {
  let i = 0;
  const p = pattern.replace(/^\(\?[a-zA-Z]+\)/, "");
  const seq = (): string => {
    let out = "";
    let last = "";
    while (i < p.length && p[i] !== ")") {
      const c = p[i];
      if (c === "|") {
        // Skip the other alternatives of this sequence.
        let depth = 0;
        while (i < p.length && !(depth === 0 && p[i] === ")")) {
          if (p[i] === "\\") i++;
          else if (p[i] === "(") depth++;
          else if (p[i] === ")") depth--;
          i++;
        }
        break;
      }
      let atom = "";
      if (c === "\\") { atom = ESCAPES[p[i + 1]] ?? p[i + 1]; i += 2; }
      else if (c === "[") {
        let j = i + 1;
        if (p[j] === "^") j++;
        if (p[j] === "]") j++;
        while (j < p.length && p[j] !== "]") { if (p[j] === "\\") j++; j++; }
        atom = classMember(p.slice(i + 1, j));
        i = j + 1;
      } else if (c === "(") {
        i++;
        if (p[i] === "?") { const m = /^\?(:|P?<[A-Za-z_]\w*>|[a-zA-Z]*:)/.exec(p.slice(i)); i += m ? m[0].length : 1; }
        atom = seq();
        i++;
      } else if (c === ".") { atom = "x"; i++; }
      else if (c === "^" || c === "$") { atom = ""; i++; }
      else { atom = c; i++; }
      const q = /^(\*|\+|\?|\{(\d+)(,\d*)?\})\??/.exec(p.slice(i));
      if (q) {
        i += q[0].length;
        atom = q[1] === "*" || q[1] === "?" ? "" : q[1] === "+" ? atom : atom.repeat(Number(q[2]));
      }
      out += atom;
      last = atom;
    }
    void last;
    return out;
  };
  try {
    return seq();
  } catch {
    return "";
  }
}
