/**
 * False-positive guidance: the rule's own `falsepositives`, the exclusions its condition already applies
 * (`filter_*` selections in words), the optional filters an analyst may switch, and, when the rule only says
 * "Unknown", deterministic generic advice derived from its level and logsource.
 */
import type { SigmaDetection } from "../../sigma/model";
import type { FpGuidance, SearchSummary } from "../types";
import { describeExpr, exprFields } from "./describe-match";
import { searchPolarity } from "./selections";

/** What the guidance is built from. */
export interface FpInput {
  falsePositives: string[];
  detection: SigmaDetection | null;
  level: string | null;
  logsource: { product?: string | null; category?: string | null; service?: string | null };
}

const UNKNOWN = /^\s*(unknown|none known|n\/a)\.?\s*$/i;

/** Searches named `filter_optional_*` are tuning the rule author expects analysts to enable or disable. */
export function isOptionalFilter(name: string): boolean {
  return /^filter_optional/i.test(name);
}

function summarise(detection: SigmaDetection, name: string): SearchSummary | null {
  const search = detection.searches[name];
  if (!search) return null;
  return { name, text: describeExpr(search.expr), fields: exprFields(search.expr) };
}

const CATEGORY_ADVICE: [RegExp, string][] = [
  [/process_creation|process_access|create_remote_thread|image_load|driver_load/, "Tune on the full image path together with the parent process and signer, not on the file name alone: attackers can copy or rename binaries."],
  [/network_connection|firewall|dns|proxy|zeek|network/, "Tune on the destination (host, domain or address range) together with the initiating process or user, so one exclusion does not hide the same traffic from another process."],
  [/registry/, "Tune on the exact registry key and the process that writes it; avoid excluding whole hives."],
  [/file_|pipe_created|ps_script|ps_module|ps_classic/, "Tune on the full path and the writing process; exclude software-deployment folders only for the processes that legitimately write there."],
  [/webserver|web/, "Tune on the URL path and the client address ranges of known scanners or monitoring; keep the user agent only as a secondary condition."],
];

const PRODUCT_ADVICE: [RegExp, string][] = [
  [/azure|aws|gcp|m365|okta|onelogin|github|google_workspace/, "Tune on the identity, application and source address ranges of known automation (service principals, CI runners) rather than on the operation name."],
  [/linux|macos/, "Tune on the user, the parent process and the host role (build servers and configuration management agents are common sources of benign hits)."],
];

/** Generic, deterministic tuning advice for rules whose false positives are unknown. */
export function genericAdvice(level: string | null, ls: FpInput["logsource"], fields: string[]): string[] {
  const advice: string[] = [];
  if (level === "critical" || level === "high") {
    advice.push(`The rule is ${level} level: treat every hit as a lead, and review each one before adding an exclusion.`);
  } else {
    advice.push(`The rule is ${level ?? "of unspecified"} level: expect benign matches. Baseline the results over a few weeks and exclude recurring combinations you have verified as benign (for example parent process, user and host).`);
  }
  const category = `${ls.category ?? ""} ${ls.service ?? ""}`.toLowerCase();
  const product = (ls.product ?? "").toLowerCase();
  const byCategory = CATEGORY_ADVICE.find(([re]) => re.test(category));
  const byProduct = PRODUCT_ADVICE.find(([re]) => re.test(product));
  if (byCategory) advice.push(byCategory[1]);
  else if (byProduct) advice.push(byProduct[1]);
  else if (fields.length > 0) advice.push(`Exclude on the most specific of the fields the rule reads (${fields.slice(0, 5).join(", ")}${fields.length > 5 ? ` and ${fields.length - 5} more` : ""}), with exact values rather than wildcards.`);
  advice.push("Record each exclusion with its reason and owner, and review it periodically.");
  return advice;
}

/** Builds the false-positive guidance section. */
export function buildFpGuidance(input: FpInput): FpGuidance {
  const falsePositives = input.falsePositives.map((f) => f.trim()).filter((f) => f.length > 0 && !UNKNOWN.test(f));
  const unknownOnly = falsePositives.length === 0;
  const tuning: SearchSummary[] = [];
  const optional: SearchSummary[] = [];
  const fields: string[] = [];
  const detection = input.detection;
  if (detection) {
    const { selections, exclusions } = searchPolarity(detection);
    for (const name of exclusions) {
      const s = summarise(detection, name);
      if (s) (isOptionalFilter(name) ? optional : tuning).push(s);
    }
    for (const name of selections) {
      const s = summarise(detection, name);
      for (const f of s?.fields ?? []) if (f.field !== "(keywords)" && !fields.includes(f.field)) fields.push(f.field);
    }
  }
  return {
    falsePositives,
    unknownOnly,
    tuning,
    optional,
    generic: unknownOnly ? genericAdvice(input.level, input.logsource, fields) : [],
  };
}
