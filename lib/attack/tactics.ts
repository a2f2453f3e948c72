/**
 * Tactic lookup by shortname, including names older rules still use. Sigma tags name tactics by shortname
 * (`attack.defense_evasion`), and ATT&CK renames tactics in place: v19 renamed TA0005 "defense-evasion" to
 * "stealth" (and split TA0112 "defense-impairment" off it), so old tags must follow the tactic id, not the name.
 */
import type { AttackData, AttackTactic } from "./model";

/**
 * Shortnames that no longer exist, by the tactic id that carried them. Checked against the v19.1 bundle:
 * TA0005 is the only tactic whose shortname changed between v18 and v19.
 */
export const LEGACY_TACTIC_SHORTNAMES: Readonly<Record<string, { id: string; since: string }>> = {
  "defense-evasion": { id: "TA0005", since: "19.0" },
};

/**
 * The Enterprise tactics of ATT&CK v19.1 (id and shortname, matrix order), so tags classify correctly even when
 * no bundle is loaded. Names and descriptions come only from an imported bundle.
 */
export const ENTERPRISE_TACTIC_IDS: ReadonlyArray<readonly [id: string, shortname: string]> = [
  ["TA0043", "reconnaissance"],
  ["TA0042", "resource-development"],
  ["TA0001", "initial-access"],
  ["TA0002", "execution"],
  ["TA0003", "persistence"],
  ["TA0004", "privilege-escalation"],
  ["TA0005", "stealth"],
  ["TA0112", "defense-impairment"],
  ["TA0006", "credential-access"],
  ["TA0007", "discovery"],
  ["TA0008", "lateral-movement"],
  ["TA0009", "collection"],
  ["TA0011", "command-and-control"],
  ["TA0010", "exfiltration"],
  ["TA0040", "impact"],
];

/** Sigma writes tactic shortnames with `_` or `-` and any case: "Defense_Evasion" → "defense-evasion". */
export function normalizeTacticShortname(shortname: string): string {
  return shortname.trim().toLowerCase().replace(/_/g, "-");
}

/**
 * The tactic a shortname names in `data`: the current name first, then a legacy name through its tactic id
 * ("defense-evasion" → TA0005 "stealth" in v19). Null when unknown.
 */
export function tacticForShortname(data: AttackData | null, shortname: string): AttackTactic | null {
  if (!data) return null;
  const wanted = normalizeTacticShortname(shortname);
  const current = data.tactics.find((t) => t.shortname === wanted);
  if (current) return current;
  const legacy = LEGACY_TACTIC_SHORTNAMES[wanted];
  return legacy ? (data.tactics.find((t) => t.id === legacy.id) ?? null) : null;
}
