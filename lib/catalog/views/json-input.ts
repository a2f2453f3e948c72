/**
 * Parses JSON typed by a person (the event tester) and, when it is invalid, says where: 1-based line and column
 * plus what was expected. JSON.parse's messages differ between engines and often omit the position, so this
 * is a small strict RFC 8259 parser of its own.
 */

/** A parsed value, or an error with its position. */
export type JsonInput = { ok: true; value: unknown } | { ok: false; message: string; line: number; col: number };

class JsonError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
  }
}

/** Parses `text`; never throws. */
export function parseJsonInput(text: string): JsonInput {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const describe = () => (i >= text.length ? "end of input" : `"${text[i]}"`);
  const expect = (what: string): never => {
    throw new JsonError(`expected ${what} but found ${describe()}`, i);
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return expect("a value (object, array, string, number, true, false or null)");
  };
  const object = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') expect("a double-quoted property name");
      const key = string();
      ws();
      if (text[i] !== ":") expect('":" after the property name');
      i++;
      out[key] = value();
      ws();
      if (text[i] === ",") {
        i++;
        ws();
        if (text[i] === "}") throw new JsonError("trailing comma before }", i);
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      expect('"," or "}"');
    }
  };
  const array = (): unknown[] => {
    const out: unknown[] = [];
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      out.push(value());
      ws();
      if (text[i] === ",") {
        i++;
        ws();
        if (text[i] === "]") throw new JsonError("trailing comma before ]", i);
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      expect('"," or "]"');
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) throw new JsonError("unescaped control character (e.g. a line break) inside a string", i);
      i++;
    }
    if (i >= text.length) throw new JsonError("unterminated string", start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new JsonError("invalid escape sequence in string (backslashes must be doubled, e.g. C:\\\\Windows)", start);
    }
  };
  const number = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) return expect("a number");
    i += m[0].length;
    return Number(m[0]);
  };
  try {
    ws();
    if (i >= text.length) throw new JsonError("the input is empty; paste a JSON object", 0);
    const v = value();
    ws();
    if (i < text.length) throw new JsonError(`unexpected ${describe()} after the JSON value`, i);
    return { ok: true, value: v };
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    const before = text.slice(0, e.pos);
    const line = before.split("\n").length;
    const col = e.pos - before.lastIndexOf("\n");
    return { ok: false, message: e.message, line, col };
  }
}
