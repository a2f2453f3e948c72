/**
 * The ATT&CK part of a sync: load the bundle, import it when its digest is new, and decide which rules'
 * RuleAttack rows to (re)write.
 */
import { createTagResolver, parseAttackBundle, type AttackData, type TagResolver } from "@/lib/attack";
import type { CatalogClient } from "../db";
import { loadAttackBundle, type LoadedAttackBundle } from "./attack-load";
import { resolveRuleTags, tagRowsSignature, toAttackRows, type TagRow } from "./attack-rows";
import type { SyncPlan } from "./plan";
import type { CatalogState } from "./state";
import type { AttackImport } from "./write";

/** What the sync does about ATT&CK this run. */
export interface PreparedAttack {
  import: AttackImport | null;
  resolver: TagResolver | null;
  /** True when ATT&CK data was parsed this run: every rule's tag rows are re-checked against it. */
  reresolveAll: boolean;
}

/**
 * Loads the bundle (`location` null: ATT&CK skipped) and imports it when its digest differs from the current
 * release. The bundle is parsed only when something needs it (an import, or new/updated rules to resolve).
 */
export async function prepareAttack(location: string | null, cacheDir: string, currentDigest: string | null, plan: SyncPlan, warnings: string[]): Promise<PreparedAttack> {
  const needResolver = plan.creates.length + plan.updates.length > 0;
  if (location === null) return { import: null, resolver: needResolver ? createTagResolver(null) : null, reresolveAll: false };
  let bundle: LoadedAttackBundle;
  try {
    bundle = await loadAttackBundle(location, cacheDir);
    if (bundle.warning) warnings.push(bundle.warning);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const effect = currentDigest ? "the imported release stays; tags of new or changed rules are resolved by id only" : "tags are stored by id without names";
    warnings.push(`ATT&CK not updated: ${reason}; ${effect}`);
    return { import: null, resolver: needResolver ? createTagResolver(null) : null, reresolveAll: false };
  }
  const changed = bundle.digest !== currentDigest;
  if (!changed && !needResolver) return { import: null, resolver: null, reresolveAll: false };
  const parsed = parseAttackBundle(bundle.readJson(), bundle.versionHint ? { attackVersion: bundle.versionHint } : {});
  for (const issue of parsed.issues.slice(0, 5)) warnings.push(`ATT&CK bundle: ${issue.code}: ${issue.message}`);
  if (!parsed.data.techniques.length) {
    warnings.push(`ATT&CK bundle ${location} holds no techniques; not imported`);
    return { import: null, resolver: needResolver ? createTagResolver(null) : null, reresolveAll: false };
  }
  const data: AttackData = parsed.data;
  const version = data.version.attack ?? data.version.modified ?? "unknown";
  return {
    import: changed
      ? { release: { domain: data.domain || "enterprise-attack", version, modified: data.version.modified, source: location, digest: bundle.digest }, rows: toAttackRows(data) }
      : null,
    resolver: createTagResolver(data),
    reresolveAll: true,
  };
}

/** RuleAttack rows to replace: new/updated rules always; with fresh ATT&CK data, every rule whose rows differ. */
export async function planRuleAttacks(prisma: CatalogClient, state: CatalogState, plan: SyncPlan, resolver: TagResolver | null, reresolveAll: boolean): Promise<Map<string, TagRow[]>> {
  const out = new Map<string, TagRow[]>();
  if (!resolver) return out;
  for (const { row, doc } of [...plan.creates, ...plan.updates]) out.set(row.id, resolveRuleTags(doc.tags, resolver));
  if (!reresolveAll) return out;
  const stored = await prisma.ruleAttack.findMany({ select: { ruleId: true, tag: true, kind: true, attackId: true } });
  const storedByRule = new Map<string, TagRow[]>();
  for (const r of stored) {
    const list = storedByRule.get(r.ruleId) ?? [];
    list.push({ tag: r.tag, kind: r.kind, attackId: r.attackId });
    storedByRule.set(r.ruleId, list);
  }
  for (const rule of state.rules.values()) {
    if (out.has(rule.id)) continue;
    const wanted = resolveRuleTags(JSON.parse(rule.tags) as string[], resolver);
    if (tagRowsSignature(wanted) !== tagRowsSignature(storedByRule.get(rule.id) ?? [])) out.set(rule.id, wanted);
  }
  return out;
}
