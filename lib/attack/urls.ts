/**
 * attack.mitre.org addresses built from ids, for when no bundle is loaded. They follow the form MITRE's own
 * `external_references` use (no trailing slash), so built and imported URLs compare equal.
 */

const SITE = "https://attack.mitre.org";

/** "T1567.002" → https://attack.mitre.org/techniques/T1567/002 (case-insensitive input). */
export function techniqueUrl(id: string): string {
  return `${SITE}/techniques/${id.toUpperCase().replace(".", "/")}`;
}

/** "TA0005" → https://attack.mitre.org/tactics/TA0005. */
export function tacticUrl(id: string): string {
  return `${SITE}/tactics/${id.toUpperCase()}`;
}

const PATHS: Record<string, string> = {
  G: "groups",
  S: "software",
  C: "campaigns",
  M: "mitigations",
  DS: "datasources",
  DC: "datacomponents",
  DET: "detectionstrategies",
};

/**
 * The page of any ATT&CK id: techniques, tactics, groups, software, campaigns, mitigations, data sources,
 * data components and detection strategies. Null when the id has none of those prefixes.
 */
export function attackUrl(id: string): string | null {
  const upper = id.toUpperCase();
  if (/^T\d{4}(\.\d{3})?$/.test(upper)) return techniqueUrl(upper);
  if (/^TA\d{4}$/.test(upper)) return tacticUrl(upper);
  const prefix = /^([A-Z]+)\d+$/.exec(upper)?.[1];
  const path = prefix ? PATHS[prefix] : undefined;
  return path ? `${SITE}/${path}/${upper}` : null;
}
