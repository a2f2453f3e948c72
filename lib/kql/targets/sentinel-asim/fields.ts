/**
 * Field mappings the ASIM routes share: the device (Dvc*) fields every ASIM schema has, and the Sysmon fields
 * that have no ASIM column anywhere, with the reason a rule using them cannot be converted.
 */
import type { FieldMapping } from "../../target";

/**
 * Fields naming the reporting device (Windows' Computer is its FQDN). ASIM puts the FQDN in DvcFQDN, though some
 * parsers (Sysmon) copy Computer into DvcHostname unchanged, so the test covers both common fields.
 */
export const DEVICE_FIELDS: Record<string, FieldMapping> = {
  Computer: { anyOf: ["DvcHostname", "DvcFQDN"] },
  DeviceName: { anyOf: ["DvcHostname", "DvcFQDN"] },
};

const GUID_FORM = "ASIM parsers store Sysmon process GUIDs with or without braces depending on the source";

/**
 * Sysmon fields that no ASIM schema defines a column for. Mapping them to a near column (pySigma maps
 * GrantedAccess to TargetProcessTokenElevation, CallTrace to TargetProcessInjectedAddress) would change the
 * rule's meaning, so rules using them are unsupported on every ASIM route.
 */
export const SYSMON_ONLY_FIELDS: Record<string, FieldMapping> = {
  GrantedAccess: { unsupported: "ASIM has no column for the access mask a process requested (Sysmon GrantedAccess)" },
  CallTrace: { unsupported: "ASIM has no column for a process-access call trace (Sysmon CallTrace)" },
  TerminalSessionId: { unsupported: "ASIM has no terminal-session column (Sysmon TerminalSessionId)" },
  Signed: { unsupported: "ASIM has no signature-state column for a loaded image (Sysmon Signed)" },
  Signature: { unsupported: "ASIM has no signer column for a loaded image (Sysmon Signature)" },
  SignatureStatus: { unsupported: "ASIM has no signature-status column (Sysmon SignatureStatus)" },
  RuleName: { unsupported: "Sysmon's RuleName is the local Sysmon config tag; ASIM has no column for it" },
  Provider_Name: { unsupported: "ASIM parsers drop the Windows event provider name" },
  // Sysmon writes GUIDs in braces; some ASIM parsers strip them and some keep them, so no value form is exact.
  ProcessGuid: { unsupported: GUID_FORM },
  ParentProcessGuid: { unsupported: GUID_FORM },
  SourceProcessGuid: { unsupported: GUID_FORM },
};

/**
 * Hash fields of a process or file whose ASIM hash columns start with `prefix` (TargetProcess, TargetFile):
 * Sysmon `Hashes` split by algorithm, and the single-algorithm names. `withImphash` is false where the schema
 * has no IMPHASH column (imFileEvent), so an IMPHASH value makes the rule unsupported instead of being dropped.
 */
export function hashFields(prefix: string, withImphash = true): Record<string, FieldMapping> {
  const imphash = withImphash ? `${prefix}IMPHASH` : null;
  const fields: Record<string, FieldMapping> = {
    Hashes: { hashes: { MD5: `${prefix}MD5`, SHA1: `${prefix}SHA1`, SHA256: `${prefix}SHA256`, IMPHASH: imphash } },
    md5: { column: `${prefix}MD5` },
    sha1: { column: `${prefix}SHA1` },
    sha256: { column: `${prefix}SHA256` },
  };
  fields.Imphash = imphash ? { column: imphash } : { unsupported: `the ASIM schema has no ${prefix}IMPHASH column` };
  return fields;
}

