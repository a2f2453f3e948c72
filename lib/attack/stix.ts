/**
 * Defensive accessors over raw STIX objects. A bundle is untrusted input (any JSON), so every read checks its
 * type instead of casting.
 */
import type { AttackLifecycle } from "./model";

/** A STIX object as parsed JSON. */
export type StixObject = Record<string, unknown>;

/** The value of `key` if it is a string, else undefined. */
export function stringField(o: StixObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === "string" ? v : undefined;
}

/** The string items of `key` if it is an array, else []. */
export function stringList(o: StixObject, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The object items of `key` if it is an array, else []. */
export function objectList(o: StixObject, key: string): StixObject[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is StixObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The `mitre-attack` external reference: ATT&CK id and page URL. */
export function attackReference(o: StixObject): { id: string; url: string } | null {
  for (const ref of objectList(o, "external_references")) {
    if (ref.source_name !== "mitre-attack") continue;
    const id = stringField(ref, "external_id");
    if (!id) return null;
    return { id, url: stringField(ref, "url") ?? "" };
  }
  return null;
}

/** `revoked` and `x_mitre_deprecated` as booleans (absent means false). */
export function lifecycleOf(o: StixObject): AttackLifecycle {
  return { revoked: o.revoked === true, deprecated: o.x_mitre_deprecated === true };
}

/** Aliases without the object's own name, which MITRE lists first. */
export function aliasesOf(o: StixObject, key: string, name: string): string[] {
  return stringList(o, key).filter((a) => a !== name);
}
