/**
 * Hand-written precedence-climbing parser for Sigma conditions. Precedence, loosest first:
 * `or` < `and` < `not` < `1 of`/`any of`/`all of` < parentheses. `and`/`or` are n-ary (chains and nested groups
 * of the same operator are flattened) and identifiers are resolved against the detection while parsing.
 */
import type { ConditionNode, SigmaIssue } from "../model";
import { makeIssue, type IssueCode } from "../issues";
import { RESERVED, tokenize, type Token } from "./lexer";

/** The result of parsing one condition string. `node` is null when the syntax is broken. */
export interface ParsedCondition {
  node: ConditionNode | null;
  issues: SigmaIssue[];
  /** Issues carry `col` relative to the condition text (0-based offset + 1); callers shift them. */
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/**
 * Parses a condition against the detection's search identifiers (in YAML order). Pipe aggregations
 * (`| count() by …`, `| near …`) are reported as `deprecated-aggregation` and the part before the pipe is kept.
 */
export function parseCondition(text: string, identifiers: readonly string[]): ParsedCondition {
  const tokens = tokenize(text);
  const parser = new Parser(tokens, identifiers);
  const pipe = tokens.findIndex((t) => t.kind === "pipe");
  if (pipe !== -1) {
    parser.report("deprecated-aggregation", `aggregation '${text.slice(tokens[pipe].offset).trim()}' is the deprecated v1 syntax; use a correlation rule`, tokens[pipe].offset);
    tokens.splice(pipe, tokens.length - pipe - 1);
  }
  try {
    const node = parser.parseOr();
    const rest = parser.peek();
    if (rest.kind !== "end") throw new SyntaxFailure(`unexpected '${rest.text}'`, rest.offset);
    return { node, issues: parser.issues };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    parser.report("condition-syntax", `condition '${text}': ${error.message}`, error.offset);
    return { node: null, issues: parser.issues };
  }
}

/** Adds an operand to an n-ary node, splicing in the items of a nested node of the same operator. */
function pushFlat(items: ConditionNode[], node: ConditionNode, op: "and" | "or"): void {
  if (node.kind === op) items.push(...node.items);
  else items.push(node);
}

const MAX_DEPTH = 200;

class Parser {
  private i = 0;
  private depth = 0;
  readonly issues: SigmaIssue[] = [];
  constructor(
    private readonly tokens: Token[],
    private readonly identifiers: readonly string[],
  ) {}

  /** Records a problem at a 0-based offset of the condition text (as a 1-based column). */
  report(code: IssueCode, message: string, offset: number): void {
    this.issues.push(makeIssue(code, message, { col: offset + 1 }));
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)];
  }

  private isWord(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === "word" && t.text === text;
  }

  parseOr(): ConditionNode {
    const first = this.parseAnd();
    if (!this.isWord("or")) return first;
    const items: ConditionNode[] = [];
    pushFlat(items, first, "or");
    while (this.isWord("or")) {
      this.i++;
      pushFlat(items, this.parseAnd(), "or");
    }
    return { kind: "or", items };
  }

  private parseAnd(): ConditionNode {
    const first = this.parseNot();
    if (!this.isWord("and")) return first;
    const items: ConditionNode[] = [];
    pushFlat(items, first, "and");
    while (this.isWord("and")) {
      this.i++;
      pushFlat(items, this.parseNot(), "and");
    }
    return { kind: "and", items };
  }

  private parseNot(): ConditionNode {
    if (this.isWord("not")) {
      const at = this.peek().offset;
      this.i++;
      if (++this.depth > MAX_DEPTH) throw new SyntaxFailure(`'not' nested deeper than ${MAX_DEPTH} levels`, at);
      const item = this.parseNot();
      this.depth--;
      return { kind: "not", item };
    }
    return this.parseOf();
  }

  private parseOf(): ConditionNode {
    const t = this.peek();
    if (t.kind === "word" && (t.text === "1" || t.text === "any" || t.text === "all") && this.isWord("of", 1)) {
      this.i += 2;
      const p = this.peek();
      if (p.kind !== "word" || (RESERVED.has(p.text) && p.text !== "them")) {
        throw new SyntaxFailure(`'${t.text} of' must be followed by a pattern or 'them'`, p.offset);
      }
      this.i++;
      const names = this.expand(p.text);
      if (names.length === 0) this.report("pattern-matches-nothing", `'${t.text} of ${p.text}' matches no search identifier`, p.offset);
      return { kind: "of", quantifier: t.text === "all" ? "all" : "any", pattern: p.text, names };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): ConditionNode {
    const t = this.peek();
    if (t.kind === "lparen") {
      this.i++;
      // Deep nesting would overflow the stack of this recursive parser; no real condition comes close.
      if (++this.depth > MAX_DEPTH) throw new SyntaxFailure(`parentheses nested deeper than ${MAX_DEPTH} levels`, t.offset);
      const inner = this.parseOr();
      this.depth--;
      const close = this.peek();
      if (close.kind !== "rparen") throw new SyntaxFailure(`missing ')' for '(' at column ${t.offset + 1}`, close.offset);
      this.i++;
      return inner;
    }
    if (t.kind === "word") {
      if (RESERVED.has(t.text)) throw new SyntaxFailure(`unexpected '${t.text}'`, t.offset);
      if (["and", "or", "not"].includes(t.text.toLowerCase())) {
        throw new SyntaxFailure(`operators are lower case: '${t.text}' should be '${t.text.toLowerCase()}'`, t.offset);
      }
      this.i++;
      if (this.identifiers.indexOf(t.text) === -1) {
        this.report("unknown-identifier", `the condition names '${t.text}', which is not a search identifier`, t.offset);
      }
      return { kind: "ref", name: t.text };
    }
    throw new SyntaxFailure(t.kind === "end" ? "unexpected end of condition" : `unexpected '${t.text}'`, t.offset);
  }

  /** Identifiers matched by a `x of` pattern; `them` and patterns skip `_`-prefixed ones unless the pattern starts with `_`. */
  private expand(pattern: string): string[] {
    const out: string[] = [];
    const them = pattern === "them";
    const skipHidden = them || !pattern.startsWith("_");
    for (const name of this.identifiers) {
      if (skipHidden && name.startsWith("_")) continue;
      if (them || globMatch(pattern, name)) out.push(name);
    }
    return out;
  }
}

/** Matches a `x of` pattern where `*` stands for any run of characters (the only wildcard Sigma defines there). */
export function globMatch(pattern: string, name: string): boolean {
  const star = pattern.indexOf("*");
  if (star === -1) return pattern === name;
  const pieces = pattern.split("*");
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = name.indexOf(pieces[i], at);
    if (found === -1 || found + pieces[i].length > end) return false;
    at = found + pieces[i].length;
  }
  return true;
}
