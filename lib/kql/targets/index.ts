/** The target registry: every KQL target Detectory converts to, by id. */
import type { KqlTarget, TargetId } from "../target";
import { azureMonitorTarget } from "./azure-monitor";
import { defenderXdrTarget } from "./defender-xdr";
import { sentinelAsimTarget } from "./sentinel-asim";

/** Every target by id. */
export const TARGETS: Record<TargetId, KqlTarget> = {
  "sentinel-asim": sentinelAsimTarget,
  "defender-xdr": defenderXdrTarget,
  "azure-monitor": azureMonitorTarget,
};

/** Display label per target. */
export const TARGET_LABELS: Record<TargetId, string> = {
  "sentinel-asim": sentinelAsimTarget.label,
  "defender-xdr": defenderXdrTarget.label,
  "azure-monitor": azureMonitorTarget.label,
};
