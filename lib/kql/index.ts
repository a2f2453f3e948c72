/**
 * Public surface of lib/kql: Sigma documents → KQL for Microsoft Sentinel ASIM, Defender XDR and Azure
 * Monitor. Pure: data in, data out; conversions never throw.
 */
export { convertToKql, convertParsed, convertRuleOn, type ConvertContext } from "./convert";
export { TARGETS, TARGET_LABELS } from "./targets";
export { TARGET_IDS } from "./target";
export type {
  TargetId, KqlTarget, TableRoute, FieldMapping, LogSourceSelector, ConversionResult, ConversionStatus, ConversionIssue,
} from "./target";
export { CONVERTER_VERSION } from "./version";
export { kqlString, kqlIdentifier } from "./emit/escape";
