import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A small rounded label. `tone` picks the colour; text always keeps AA contrast in both themes. */
export function Badge({ tone = "zinc", children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return <span className={cn("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[tone], className)}>{children}</span>;
}

/** Badge colours. */
export type Tone = "zinc" | "sky" | "amber" | "orange" | "red" | "green" | "violet";

const TONES: Record<Tone, string> = {
  zinc: "bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700",
  sky: "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  amber: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  orange: "bg-orange-50 text-orange-900 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  red: "bg-red-50 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  green: "bg-green-50 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-800",
  violet: "bg-violet-50 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800",
};

const LEVEL_TONE: Record<string, Tone> = { informational: "zinc", low: "sky", medium: "amber", high: "orange", critical: "red" };
const STATUS_TONE: Record<string, Tone> = { stable: "green", test: "sky", experimental: "violet", deprecated: "zinc", unsupported: "zinc" };

/** The rule's Sigma level. */
export function LevelBadge({ level }: { level: string | null }) {
  if (!level) return null;
  return <Badge tone={LEVEL_TONE[level] ?? "zinc"}>{level}</Badge>;
}

/** The rule's Sigma status. */
export function StatusBadge({ status }: { status: string | null }) {
  if (!status) return null;
  return <Badge tone={STATUS_TONE[status] ?? "zinc"}>{status}</Badge>;
}
