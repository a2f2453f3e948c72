/**
 * A one-line progress bar on stderr, redrawn at most every 100 ms, only when stderr is a terminal.
 */
import type { SyncPhase } from "../sync/run-sync";

const LABELS: Record<SyncPhase, string> = { read: "reading sources", plan: "parsing", convert: "converting", attack: "ATT&CK", write: "writing" };

/** Returns a progress callback for runSync, and a function that clears the bar. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): { update: (phase: SyncPhase, done: number, total: number, label?: string) => void; clear: () => void } {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(phase, done, total, label) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      const width = 24;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const bar = "█".repeat(Math.round(ratio * width)).padEnd(width, "░");
      const count = total > 1 ? ` ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}` : "";
      const text = `${LABELS[phase]} ${bar}${count}${label ? ` ${label}` : ""}`;
      stream.write(`\r${text.slice(0, (stream.columns || 80) - 1)}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
