/**
 * lib/attack: MITRE ATT&CK® for Detectory. Pure: a STIX bundle (object or text) in, AttackData out; Sigma tags
 * resolved against it; the matrix for the coverage page. Other folders import only from here.
 */
export type {
  AttackCampaign,
  AttackData,
  AttackGroup,
  AttackIssue,
  AttackLifecycle,
  AttackReference,
  AttackSoftware,
  AttackTactic,
  AttackTechnique,
  AttackVersion,
  MatrixColumn,
  MatrixTechnique,
  TagKind,
  TagResolution,
} from "./model";
export { parseAttackBundle, type ParseAttackOptions, type ParsedAttackBundle } from "./parse-bundle";
export { createTagResolver, type TagResolver } from "./tags";
export { buildMatrix, countLive } from "./matrix";
export { ENTERPRISE_TACTIC_IDS, LEGACY_TACTIC_SHORTNAMES, normalizeTacticShortname, tacticForShortname } from "./tactics";
export { attackUrl, tacticUrl, techniqueUrl } from "./urls";
export { summarizeDescription } from "./text";
export { MITRE_ATTACK_LICENSE, MITRE_ATTACK_NOTICE, MITRE_ATTACK_TERMS_URL, MITRE_ATTACK_TRADEMARK } from "./notice";
