/**
 * Public surface of lib/sigma: Sigma YAML text → typed documents, the detection as one MatchExpr, and an
 * evaluator. Pure (strings in, data out). Other folders import only from here.
 *
 * Contract: nothing here throws on bad input. Problems are {@link SigmaIssue} values with stable codes
 * ({@link ISSUE_CODES}). A document with an `error` issue may still be returned (for display) but must not
 * be converted; `hasErrors(issues)` tells.
 */
export type * from "./model";
export { parseSigmaFile, parseRule } from "./parse-file";
export { buildMatchExpr, printMatchExpr, simplifyExpr, andOf, orOf, notOf } from "./match-expr";
export { matchEvent, matchDetection, evaluateExpr, type MatchResult } from "./evaluate";
export { printCondition } from "./condition/print";
export { parseCondition } from "./condition/parser";
export { conditionRefs } from "./detection";
export {
  sigmaStringToRegex, hasWildcards, hasPlaceholders, sigmaStringText, formatSigmaString, parseSigmaString, escapeRegex, regexToJs,
} from "./values";
export { ISSUE_CODES, hasErrors, type IssueCode } from "./issues";
export { linkMetaRules, type LinkResult } from "./link";
export { parseKey, MODIFIER_NAMES } from "./modifiers";
export { cidrContains, parseCidr } from "./special-values";
export { lookupField } from "./event-fields";
