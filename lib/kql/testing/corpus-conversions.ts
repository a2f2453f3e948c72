/** Test helper: every non-deprecated corpus document converted for one target, memoised per process. */
import { convertParsed } from "../convert";
import type { ConversionResult, TargetId } from "../target";
import type { SigmaRule } from "../../sigma";
import { loadCorpus, type CorpusFile } from "./corpus";

/** One converted corpus document. */
export interface CorpusConversion {
  file: CorpusFile;
  rule: SigmaRule | null;
  result: ConversionResult;
}

const cache = new Map<TargetId, CorpusConversion[]>();

/** Conversions of every document of every non-deprecated corpus file for `target`. */
export function corpusConversions(target: TargetId): CorpusConversion[] {
  const hit = cache.get(target);
  if (hit) return hit;
  const out: CorpusConversion[] = [];
  for (const file of loadCorpus()) {
    if (file.deprecated) continue;
    for (const d of file.documents) {
      const rule = d.document?.kind === "rule" ? d.document : null;
      out.push({ file, rule, result: convertParsed(d, target) });
    }
  }
  cache.set(target, out);
  return out;
}
