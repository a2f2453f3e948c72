/**
 * Shapes shared by the sync stages: what a source reader returns, what parsing one file yields, and the
 * problems recorded on a SyncRun.
 */

/** How a source is read. */
export type SourceKind = "folder" | "zip" | "url" | "git";

/** Largest rule file the sync reads; bigger files become a `file-too-large` problem. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** One candidate rule file of a source. `bytes` is null when the file was too large to read. */
export interface SourceFile {
  /** Path relative to the source root, with forward slashes. */
  path: string;
  size: number;
  bytes: Uint8Array | null;
}

/** What a source is, independent of its content. */
export interface SourceIdentity {
  /** Stable key, e.g. `folder:rules`, `url:https://…/sigma_all_rules.zip`, `git:https://github.com/…`. */
  key: string;
  kind: SourceKind;
  /** As given by the user (path or URL). */
  location: string;
  label: string;
  /** Web URL of the upstream repository (for "view original" links), when known. */
  repoUrl: string | null;
  defaultBranch: string | null;
}

/** A source after reading: its identity, the revision read and its rule files. */
export interface SourceSnapshot extends SourceIdentity {
  /** Git commit, release tag, or null when unknown. */
  revision: string | null;
  files: SourceFile[];
  /** Things the user should know that did not stop the read (e.g. "using the cached download"). */
  warnings: string[];
}

/** A problem with one file (or one document of it), stored as a SyncProblem row. */
export interface FileProblem {
  path: string;
  line?: number;
  col?: number;
  /** Stable kebab-case code: yaml-syntax, missing-title, duplicate-id, file-too-large, … or a lib/sigma code. */
  code: string;
  severity: "error" | "warning";
  message: string;
}
