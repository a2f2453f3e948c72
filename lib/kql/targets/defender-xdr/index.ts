/** The Defender XDR (Advanced Hunting) target: routes and field maps as data, schema generated. */
import type { KqlTarget } from "../../target";
import { DEFENDER_XDR_ROUTES } from "./routes";
import { SCHEMA } from "./schema.generated";

/** Microsoft Defender XDR advanced hunting. */
export const defenderXdrTarget: KqlTarget = {
  id: "defender-xdr",
  label: "Microsoft Defender XDR",
  routes: DEFENDER_XDR_ROUTES,
  schema: SCHEMA,
};
