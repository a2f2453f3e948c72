/**
 * MITRE ATT&CK STIX bundle (2.0 as in mitre/cti, 2.1 as in mitre-attack/attack-stix-data) → AttackData.
 * Takes the parsed JSON or its text; reading files, URLs and gzip is the catalog's job.
 */
import type {
  AttackCampaign,
  AttackData,
  AttackGroup,
  AttackIssue,
  AttackReference,
  AttackSoftware,
  AttackTactic,
  AttackTechnique,
  AttackVersion,
} from "./model";
import { collectRelations, createDataComponentLookup, resolveRevokedBy, type IndexedObject } from "./relations";
import { aliasesOf, attackReference, isObject, lifecycleOf, stringField, stringList, type StixObject } from "./stix";
import { summarizeDescription } from "./text";
import { attackUrl } from "./urls";

/** Options for parseAttackBundle. */
export interface ParseAttackOptions {
  /**
   * The ATT&CK release when the bundle does not say (mitre/cti STIX 2.0 bundles carry no x-mitre-collection),
   * e.g. "19.1" taken from a file name or download URL.
   */
  attackVersion?: string;
}

/** The result of parseAttackBundle: the data (possibly empty) and every problem found. */
export interface ParsedAttackBundle {
  data: AttackData;
  issues: AttackIssue[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function emptyData(): AttackData {
  return {
    domain: "",
    name: "",
    version: { attack: null, modified: null, attackSpec: null, stixSpec: null },
    tactics: [],
    techniques: [],
    groups: [],
    software: [],
    campaigns: [],
    mitigations: [],
    dataSources: [],
    dataComponents: [],
    detectionStrategies: [],
  };
}

/** Reads the bundle envelope; returns its objects or records why it is not a bundle. */
function bundleObjects(input: unknown, issues: AttackIssue[]): { objects: StixObject[]; spec: string | null } | null {
  let bundle = input;
  if (typeof input === "string") {
    try {
      bundle = JSON.parse(input);
    } catch (err) {
      issues.push({ code: "invalid-json", message: `ATT&CK bundle is not valid JSON: ${(err as Error).message}` });
      return null;
    }
  }
  if (!isObject(bundle) || bundle.type !== "bundle" || !Array.isArray(bundle.objects)) {
    issues.push({ code: "not-a-bundle", message: "ATT&CK data must be a STIX bundle: {\"type\": \"bundle\", \"objects\": [...]}" });
    return null;
  }
  return { objects: bundle.objects.filter(isObject), spec: stringField(bundle, "spec_version") ?? null };
}

/**
 * Parses an ATT&CK STIX bundle (object or JSON text). Never throws: a broken bundle yields empty data and issues;
 * objects with problems are skipped or kept with an issue, and the rest is parsed.
 */
export function parseAttackBundle(bundle: unknown, options: ParseAttackOptions = {}): ParsedAttackBundle {
  const issues: AttackIssue[] = [];
  const data = emptyData();
  const envelope = bundleObjects(bundle, issues);
  if (!envelope) return { data, issues };

  // One pass: index every object by STIX id, group by type, and find the newest modification date.
  const index = new Map<string, IndexedObject>();
  const ofType = new Map<string, StixObject[]>();
  let newest = "";
  let objectSpec: string | null = null;
  for (const o of envelope.objects) {
    const type = stringField(o, "type") ?? "";
    const stixId = stringField(o, "id");
    if (stixId) index.set(stixId, { type, attackId: attackReference(o)?.id ?? null, name: stringField(o, "name") ?? "", object: o });
    const list = ofType.get(type);
    if (list) list.push(o);
    else ofType.set(type, [o]);
    const modified = stringField(o, "modified");
    if (modified && modified > newest) newest = modified;
    objectSpec ??= stringField(o, "spec_version") ?? null;
  }
  const all = (type: string) => ofType.get(type) ?? [];

  const matrices = all("x-mitre-matrix");
  const matrix = matrices[0];
  if (!matrix) issues.push({ code: "no-matrix", message: "The bundle has no x-mitre-matrix; tactics keep bundle order" });
  else if (matrices.length > 1)
    issues.push({ code: "several-matrices", message: `The bundle has ${matrices.length} matrices; the first gives tactic order` });
  const collection = all("x-mitre-collection")[0];
  data.domain = (matrix && attackReference(matrix)?.id) ?? "";
  data.name = (matrix && stringField(matrix, "name")) ?? (collection && stringField(collection, "name")) ?? "";
  data.version = versionOf(matrix, collection, newest, envelope.spec ?? objectSpec, options);

  data.tactics = readTactics(all("x-mitre-tactic"), matrix, index, issues);
  const relations = collectRelations(all("relationship"));
  const dataComponentsOf = createDataComponentLookup(index);
  const toAttackIds = (stixIds: string[] | undefined, live = false) => {
    const ids = new Set<string>();
    for (const s of stixIds ?? []) {
      const target = index.get(s);
      if (target?.attackId && !(live && (target.object.revoked === true || target.object.x_mitre_deprecated === true)))
        ids.add(target.attackId);
    }
    return [...ids].sort();
  };

  let missingIds = 0;
  for (const o of all("attack-pattern")) {
    const ref = attackReference(o);
    if (!ref) {
      missingIds++;
      continue;
    }
    const stixId = stringField(o, "id") ?? "";
    const lifecycle = lifecycleOf(o);
    const strategies = relations.detectedBy.get(stixId) ?? [];
    const dot = ref.id.indexOf(".");
    const technique: AttackTechnique = {
      id: ref.id,
      name: stringField(o, "name") ?? ref.id,
      description: summarizeDescription(stringField(o, "description")),
      tactics: killChainTactics(o),
      parent: dot > 0 ? ref.id.slice(0, dot) : null,
      isSubtechnique: dot > 0,
      platforms: stringList(o, "x_mitre_platforms"),
      ...lifecycle,
      revokedBy: lifecycle.revoked ? resolveRevokedBy(stixId, relations.revokedBy, index, issues) : null,
      url: ref.url || (attackUrl(ref.id) ?? ""),
      dataComponents: [...new Set(strategies.flatMap(dataComponentsOf))].sort(),
      detectionStrategies: toAttackIds(strategies, true),
      mitigations: toAttackIds(relations.mitigatedBy.get(stixId), true),
    };
    data.techniques.push(technique);
  }
  if (missingIds > 0)
    issues.push({ code: "missing-attack-id", message: `${missingIds} attack-pattern objects have no mitre-attack external id and were skipped` });
  data.techniques.sort(byId);
  reportDuplicates(data.techniques, "technique", issues);

  const usesOf = (o: StixObject) => toAttackIds(relations.uses.get(stringField(o, "id") ?? ""), true);
  const replacementOf = (o: StixObject) =>
    o.revoked === true ? resolveRevokedBy(stringField(o, "id") ?? "", relations.revokedBy, index, issues) : null;
  data.groups = readNamed(all("intrusion-set"), replacementOf, (o, base): AttackGroup => ({ ...base, aliases: aliasesOf(o, "aliases", base.name), techniques: usesOf(o) }));
  data.campaigns = readNamed(all("campaign"), replacementOf, (o, base): AttackCampaign => ({ ...base, aliases: aliasesOf(o, "aliases", base.name), techniques: usesOf(o) }));
  data.software = readNamed([...all("malware"), ...all("tool")], replacementOf, (o, base): AttackSoftware => ({
    ...base,
    type: o.type === "tool" ? "tool" : "malware",
    aliases: aliasesOf(o, "x_mitre_aliases", base.name),
    platforms: stringList(o, "x_mitre_platforms"),
    techniques: usesOf(o),
  }));
  data.mitigations = readReferences(all("course-of-action"));
  data.dataSources = readReferences(all("x-mitre-data-source"));
  data.dataComponents = readReferences(all("x-mitre-data-component"));
  data.detectionStrategies = readReferences(all("x-mitre-detection-strategy"));
  return { data, issues };
}

function versionOf(
  matrix: StixObject | undefined,
  collection: StixObject | undefined,
  newest: string,
  stixSpec: string | null,
  options: ParseAttackOptions,
): AttackVersion {
  return {
    attack: (collection && stringField(collection, "x_mitre_version")) ?? options.attackVersion ?? null,
    modified: newest ? newest.slice(0, 10) : null,
    attackSpec:
      (matrix && stringField(matrix, "x_mitre_attack_spec_version")) ??
      (collection && stringField(collection, "x_mitre_attack_spec_version")) ??
      null,
    stixSpec,
  };
}

/** Tactic shortnames of a technique: kill chain phases of the `mitre-attack` kill chain only. */
function killChainTactics(o: StixObject): string[] {
  const phases = o.kill_chain_phases;
  if (!Array.isArray(phases)) return [];
  const names: string[] = [];
  for (const p of phases) {
    if (isObject(p) && p.kill_chain_name === "mitre-attack" && typeof p.phase_name === "string") names.push(p.phase_name);
  }
  return names;
}

function readTactics(
  objects: StixObject[],
  matrix: StixObject | undefined,
  index: Map<string, IndexedObject>,
  issues: AttackIssue[],
): AttackTactic[] {
  const order = new Map<string, number>();
  for (const ref of matrix ? stringList(matrix, "tactic_refs") : []) {
    if (!index.has(ref)) issues.push({ code: "unknown-tactic-ref", message: `The matrix lists ${ref}, which is not in the bundle` });
    order.set(ref, order.size + 1);
  }
  const tactics: AttackTactic[] = [];
  for (const o of objects) {
    const ref = attackReference(o);
    const shortname = stringField(o, "x_mitre_shortname");
    if (!ref || !shortname) {
      issues.push({ code: "invalid-tactic", message: `Tactic ${stringField(o, "id") ?? "?"} has no ATT&CK id or shortname; skipped` });
      continue;
    }
    tactics.push({
      id: ref.id,
      shortname,
      name: stringField(o, "name") ?? shortname,
      description: summarizeDescription(stringField(o, "description")),
      order: order.get(stringField(o, "id") ?? "") ?? null,
      ...lifecycleOf(o),
      url: ref.url || (attackUrl(ref.id) ?? ""),
    });
  }
  // Matrix order first; tactics outside the matrix after, by id.
  return tactics.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || byId(a, b));
}

interface NamedBase extends AttackReference {
  description: string;
  revokedBy: string | null;
}

/** Objects with an ATT&CK id, a name and a description; `extend` adds the type-specific fields. */
function readNamed<T extends { id: string }>(
  objects: StixObject[],
  replacementOf: (o: StixObject) => string | null,
  extend: (o: StixObject, base: NamedBase) => T,
): T[] {
  const out: T[] = [];
  for (const o of objects) {
    const ref = attackReference(o);
    if (!ref) continue;
    const name = stringField(o, "name") ?? ref.id;
    const base: NamedBase = {
      id: ref.id,
      name,
      description: summarizeDescription(stringField(o, "description")),
      ...lifecycleOf(o),
      revokedBy: replacementOf(o),
      url: ref.url || (attackUrl(ref.id) ?? ""),
    };
    out.push(extend(o, base));
  }
  return out.sort(byId);
}

function readReferences(objects: StixObject[]): AttackReference[] {
  const out: AttackReference[] = [];
  for (const o of objects) {
    const ref = attackReference(o);
    if (ref) out.push({ id: ref.id, name: stringField(o, "name") ?? ref.id, ...lifecycleOf(o), url: ref.url || (attackUrl(ref.id) ?? "") });
  }
  return out.sort(byId);
}

function reportDuplicates(items: { id: string }[], what: string, issues: AttackIssue[]): void {
  for (let i = 1; i < items.length; i++) {
    if (items[i].id === items[i - 1].id) issues.push({ code: "duplicate-attack-id", message: `Two ${what} objects share the id ${items[i].id}` });
  }
}
