/** Shared state while reading one YAML document: where problems go and how offsets become line/col. */
import type { Severity, SigmaIssue } from "./model";
import { makeIssue, type IssueCode } from "./issues";
import type { LineIndex } from "./yaml-positions";

/** Collects the problems of one document with their YAML locations. */
export class DocContext {
  readonly issues: SigmaIssue[] = [];
  constructor(readonly lines: LineIndex) {}

  /** Records a problem at a text offset (0-based) and YAML path. */
  report(code: IssueCode, message: string, offset: number, path?: string, severity?: Severity): void {
    const { line, col } = this.lines.at(offset);
    this.issues.push(makeIssue(code, message, { line, col, path }, severity));
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    return this.lines.at(offset).line;
  }
}
