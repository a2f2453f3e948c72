import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSigmaFile } from "/work/main/lib/sigma/index";
function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => { const full = path.join(dir, e.name); return e.isDirectory() ? listYaml(full) : e.name.endsWith(".yml") ? [full] : []; });
}
const texts = listYaml("/work/shared/sigma").map((f) => readFileSync(f, "utf8"));
for (let r = 0; r < 6; r++) { const s = Date.now(); for (const t of texts) parseSigmaFile(t); console.log(Date.now() - s); }
