/**
 * The hunt hypothesis: one or two deterministic sentences built from the rule's ATT&CK tags, its logsource and
 * what its detection looks for and excludes. Labelled "Generated from the rule's metadata" on the page.
 */
import type { SigmaDetection } from "../../sigma/model";
import type { HuntHypothesis } from "../types";
import { describeExpr } from "./describe-match";
import { describeDetection, searchPolarity, MAX_ALTERNATIVES } from "./selections";

/** How many techniques the first sentence names before "and N more". */
export const MAX_TECHNIQUES = 3;

/** What the hypothesis is built from. */
export interface HypothesisInput {
  title: string;
  techniques: { id: string; name: string | null }[];
  tactics: { name: string }[];
  logsource: { product?: string | null; category?: string | null; service?: string | null };
  /** Null for documents without a detection (correlations) or rules that could not be parsed. */
  detection: SigmaDetection | null;
}

const PRODUCT_NAMES: Record<string, string> = {
  windows: "Windows",
  linux: "Linux",
  macos: "macOS",
  azure: "Azure",
  aws: "AWS",
  gcp: "Google Cloud",
  m365: "Microsoft 365",
  okta: "Okta",
  github: "GitHub",
  zeek: "Zeek",
  cisco: "Cisco",
  onelogin: "OneLogin",
  jvm: "JVM",
  python: "Python",
  nodejs: "Node.js",
  spring: "Spring",
  django: "Django",
  ruby_on_rails: "Ruby on Rails",
  fortios: "FortiOS",
  paloalto: "Palo Alto",
  qualys: "Qualys",
  bitbucket: "Bitbucket",
  kubernetes: "Kubernetes",
  huawei: "Huawei",
  juniper: "Juniper",
  sql: "SQL",
};

/** A product key for display: known vendors spelled properly, others as written. */
export function productName(product: string): string {
  return PRODUCT_NAMES[product.toLowerCase()] ?? product;
}

/** "Windows process creation events", "Windows security log events", "web server events"… */
export function logsourcePhrase(ls: HypothesisInput["logsource"]): string {
  const parts: string[] = [];
  if (ls.product) parts.push(productName(ls.product));
  // "file_event" reads "file events", not "file event events".
  if (ls.category) parts.push(ls.category.replace(/_event$/, "").replace(/_/g, " "));
  else if (ls.service) parts.push(`${ls.service.replace(/_/g, " ")} log`);
  if (parts.length === 0) return "log events";
  return `${parts.join(" ")} events`;
}

function techniqueList(techniques: HypothesisInput["techniques"]): string {
  const named = techniques.map((t) => (t.name ? `${t.name} (${t.id})` : t.id));
  if (named.length <= 1) return named[0] ?? "";
  if (named.length <= MAX_TECHNIQUES) return `${named.slice(0, -1).join(", ")} or ${named[named.length - 1]}`;
  const rest = named.length - MAX_TECHNIQUES;
  return `${named.slice(0, MAX_TECHNIQUES).join(", ")} or ${rest} more technique${rest === 1 ? "" : "s"}`;
}

function andList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Builds the hypothesis sentences. Never truncates: long lists end in "and N more". */
export function buildHypothesis(input: HypothesisInput): HuntHypothesis {
  const tactics = [...new Set(input.tactics.map((t) => t.name))];
  let actor: string;
  if (input.techniques.length > 0) {
    actor = `If adversaries are using ${techniqueList(input.techniques)}${tactics.length ? ` for ${andList(tactics)}` : ""}`;
  } else if (tactics.length > 0) {
    actor = `If adversaries are pursuing ${andList(tactics)}`;
  } else {
    actor = `If the activity "${input.title}" is happening`;
  }
  const where = logsourcePhrase(input.logsource);
  const sentences: string[] = [];
  const detection = input.detection;
  const looksFor = detection ? describeDetection(detection) : null;
  sentences.push(
    looksFor
      ? `${actor}, ${where} should show activity where ${looksFor}.`
      : `${actor}, ${where} should show activity matching this rule's detection.`,
  );
  if (detection) {
    const { exclusions } = searchPolarity(detection);
    const excluded = exclusions
      .map((name) => detection.searches[name])
      .filter((s) => s !== undefined)
      .map((s) => describeExpr(s.expr));
    if (excluded.length > 0) {
      const shown = excluded.slice(0, MAX_ALTERNATIVES);
      const rest = excluded.length - shown.length;
      const tail = rest > 0 ? `; or ${rest} more exclusion${rest === 1 ? "" : "s"}` : "";
      sentences.push(`Events are set aside as expected activity when ${shown.join("; or ")}${tail}.`);
    }
  }
  return { sentences };
}
