/**
 * Tokens of a Sigma condition string. Words are runs of characters other than whitespace, parentheses and `|`,
 * so `notepad` is one word (an identifier), never `not` + `epad`.
 */

/** One token with its 0-based offset in the condition text. */
export interface Token {
  kind: "word" | "lparen" | "rparen" | "pipe" | "end";
  text: string;
  offset: number;
}

/** Splits a condition into tokens; the list always ends with an `end` token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "(") {
      tokens.push({ kind: "lparen", text: c, offset: i++ });
    } else if (c === ")") {
      tokens.push({ kind: "rparen", text: c, offset: i++ });
    } else if (c === "|") {
      tokens.push({ kind: "pipe", text: c, offset: i++ });
    } else {
      const start = i;
      while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
      tokens.push({ kind: "word", text: text.slice(start, i), offset: start });
    }
  }
  tokens.push({ kind: "end", text: "", offset: text.length });
  return tokens;
}

/** Whitespace, parentheses and the pipe end a word. */
function isDelimiter(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 40 || c === 41 || c === 124 || c === 12 || c === 11;
}

/** Words with a meaning in the grammar; they cannot be used as identifiers. */
export const RESERVED = new Set(["and", "or", "not", "of", "them"]);
