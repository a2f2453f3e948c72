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
      while (i < text.length && !/[\s()|]/.test(text[i])) i++;
      tokens.push({ kind: "word", text: text.slice(start, i), offset: start });
    }
  }
  tokens.push({ kind: "end", text: "", offset: text.length });
  return tokens;
}

/** Words with a meaning in the grammar; they cannot be used as identifiers. */
export const RESERVED = new Set(["and", "or", "not", "of", "them"]);
