/**
 * The MITRE ATT&CK® model Detectory uses: what `parseAttackBundle` extracts from a STIX 2.0 / 2.1 bundle and what
 * the tag resolver, the coverage matrix and the catalog read. Plain JSON-serialisable data; no behaviour here.
 * Ids are ATT&CK ids (`T1059.001`, `TA0002`, `G0016`), never STIX ids.
 */

/** Which release of ATT&CK a bundle holds. Fields the bundle does not state are null. */
export interface AttackVersion {
  /** The ATT&CK release, e.g. "19.1": from the `x-mitre-collection` object (STIX 2.1 bundles) or a caller hint. */
  attack: string | null;
  /** The newest `modified` date of any object, YYYY-MM-DD. */
  modified: string | null;
  /** `x_mitre_attack_spec_version` of the matrix (or the highest seen), e.g. "3.3.0". */
  attackSpec: string | null;
  /** STIX version of the bundle: "2.0" or "2.1". */
  stixSpec: string | null;
}

/** Flags every ATT&CK object carries. Revoked objects were replaced; deprecated ones were withdrawn without one. */
export interface AttackLifecycle {
  revoked: boolean;
  deprecated: boolean;
}

/** A tactic: one column of the matrix ("the adversary's goal"). */
export interface AttackTactic extends AttackLifecycle {
  /** "TA0002". */
  id: string;
  /** The kill-chain phase name techniques refer to, e.g. "execution", "stealth". */
  shortname: string;
  name: string;
  /** First paragraph of MITRE's description, citations and markdown links removed. */
  description: string;
  /** 1-based column position in the matrix; null when the tactic is not in the matrix. */
  order: number | null;
  url: string;
}

/** A technique or sub-technique (`attack-pattern`). Revoked and deprecated ones are kept so old tags resolve. */
export interface AttackTechnique extends AttackLifecycle {
  /** "T1059" or "T1059.001". */
  id: string;
  /** The technique's own name (a sub-technique's name without its parent's). */
  name: string;
  /** First paragraph of MITRE's description, citations and markdown links removed. */
  description: string;
  /** Tactic shortnames from `kill_chain_phases` (kill chain `mitre-attack`), in bundle order. */
  tactics: string[];
  /** Parent technique id for sub-techniques ("T1059" for "T1059.001"), else null. */
  parent: string | null;
  isSubtechnique: boolean;
  platforms: string[];
  /** The live replacement of a revoked technique (revoked-by chains followed to the end), else null. */
  revokedBy: string | null;
  url: string;
  /** Data component names that detect it (detection strategies → analytics → log sources, ATT&CK v18+). */
  dataComponents: string[];
  /** Detection strategy ids ("DET0103") that detect it. */
  detectionStrategies: string[];
  /** Mitigation ids ("M1042") that mitigate it. */
  mitigations: string[];
}

/** A threat group (`intrusion-set`). */
export interface AttackGroup extends AttackLifecycle {
  /** "G0016". */
  id: string;
  name: string;
  description: string;
  aliases: string[];
  /** The live replacement of a revoked group (e.g. merged into another), else null. */
  revokedBy: string | null;
  url: string;
  /** Ids of the live techniques the group is known to use. */
  techniques: string[];
}

/** A piece of software (`malware` or `tool`). */
export interface AttackSoftware extends AttackLifecycle {
  /** "S0002". */
  id: string;
  name: string;
  type: "malware" | "tool";
  description: string;
  aliases: string[];
  platforms: string[];
  revokedBy: string | null;
  url: string;
  techniques: string[];
}

/** A campaign: a grouping of intrusion activity over a period of time. */
export interface AttackCampaign extends AttackLifecycle {
  /** "C0022". */
  id: string;
  name: string;
  description: string;
  aliases: string[];
  revokedBy: string | null;
  url: string;
  techniques: string[];
}

/** An object known only by id, name and lifecycle: mitigations, data sources, data components, detection strategies. */
export interface AttackReference extends AttackLifecycle {
  id: string;
  name: string;
  url: string;
}

/** Everything Detectory keeps from one ATT&CK domain bundle. */
export interface AttackData {
  /** "enterprise-attack", from the matrix's external id. */
  domain: string;
  /** "Enterprise ATT&CK". */
  name: string;
  version: AttackVersion;
  /** In matrix order; tactics missing from the matrix come last. */
  tactics: AttackTactic[];
  /** Techniques and sub-techniques, sorted by id. */
  techniques: AttackTechnique[];
  groups: AttackGroup[];
  software: AttackSoftware[];
  campaigns: AttackCampaign[];
  mitigations: AttackReference[];
  /** Deprecated since v18; kept so `attack.ds####` tags resolve. */
  dataSources: AttackReference[];
  dataComponents: AttackReference[];
  detectionStrategies: AttackReference[];
}

/** A problem found in a bundle, as a value. `code` is stable kebab-case (see ATTACK_ISSUE_CODES). */
export interface AttackIssue {
  code: string;
  message: string;
}

/** What one Sigma tag means in ATT&CK terms. */
export type TagKind =
  | "technique"
  | "tactic"
  | "group"
  | "software"
  | "campaign"
  | "datasource"
  | "mitigation"
  | "unknown"
  | "other-namespace";

/** The result of resolving one Sigma tag, e.g. `attack.t1086` → T1059.001 (revokedFrom "T1086"). */
export interface TagResolution {
  /** The tag as written in the rule. */
  tag: string;
  /** The part before the first dot, lower-cased ("attack", "car", "cve", "detection"); "" when the tag has no dot. */
  namespace: string;
  kind: TagKind;
  /** The ATT&CK id after revocation ("T1059.001", "TA0005"); null when unknown or outside ATT&CK. */
  attackId: string | null;
  /** Null when ATT&CK data is not loaded or the id is unknown. */
  name: string | null;
  url: string | null;
  /** The id the tag named when it was revoked and replaced. */
  revokedFrom?: string;
  /** Why the tag needed help: renamed tactic, deprecated object, unknown id… */
  notes?: string;
}

/** One technique cell of the matrix with its live sub-techniques. */
export interface MatrixTechnique {
  technique: AttackTechnique;
  subtechniques: AttackTechnique[];
}

/** One column of the matrix: a tactic with its live top-level techniques, sorted by name as on attack.mitre.org. */
export interface MatrixColumn {
  tactic: AttackTactic;
  techniques: MatrixTechnique[];
}
