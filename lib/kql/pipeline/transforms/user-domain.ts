/**
 * Transform `user-domain:<DomainColumn>`: Sigma's `User` holds `DOMAIN\name`; tables that keep the name and the
 * domain in two columns get the value split at its backslash. Each operator maps exactly:
 * `eq D\u` → domain == D and name == u; `contains D\u` → domain endswith D and name startswith u;
 * `startswith D\u` → domain == D and name startswith u; `endswith D\u` → domain endswith D and name == u.
 * Values without a backslash test the part they can lie in; anything else compares `strcat(domain, "\", name)`.
 */
import type { MatchLeaf } from "../../../sigma";
import { kqlIdentifier } from "../../emit/escape";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { combine } from "../../emit/ir";
import { shapeValue } from "../../emit/lower-string";
import { boundTest, columnRef, type BindContext } from "../bind";
import { perStringValue, plainText, refuse, textTest, valuesLeaf } from "./util";

/** See the module comment. */
export function userDomainTransform(leaf: MatchLeaf, name: ColumnRef, param: string | undefined, ctx: BindContext): KqlCond {
  if (!param) return refuse(ctx, "unknown-transform", "user-domain needs the domain column as its parameter");
  const domain = columnRef(param, ctx);
  if (!domain) return { kind: "const", value: false };
  const joined: ColumnRef = {
    expr: `strcat(${kqlIdentifier(param)}, @"\\", ${name.expr})`,
    type: "string",
    columns: [param, ...name.columns],
  };
  return perStringValue(leaf, name, ctx, "user-domain", (value, l) => {
    const s = shapeValue(value, l.op);
    const text = plainText(s.parts);
    const whole = () => boundTest(valuesLeaf(l, l.op, [value], l.cased), joined);
    if (text === null) return whole();
    const slash = text.indexOf("\\");
    if (slash >= 0 && text.indexOf("\\", slash + 1) < 0) {
      const d = text.slice(0, slash);
      const u = text.slice(slash + 1);
      const domainOp = s.anchorStart ? "eq" : "endswith";
      const userOp = s.anchorEnd ? "eq" : "startswith";
      return combine("and", [textTest(l, domain, domainOp, d, l.cased), textTest(l, name, userOp, u, l.cased)]);
    }
    if (slash >= 0) return whole();
    if (s.anchorStart && s.anchorEnd) return whole();
    if (s.anchorStart) return textTest(l, domain, "startswith", text, l.cased);
    if (s.anchorEnd) return textTest(l, name, "endswith", text, l.cased);
    return combine("or", [textTest(l, domain, "contains", text, l.cased), textTest(l, name, "contains", text, l.cased)]);
  });
}
