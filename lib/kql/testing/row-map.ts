/**
 * Test helper for the differential test: turns a generated Sigma event into (a) the Sigma event and (b) the row
 * the route's table would hold for it, by applying each field mapping forwards (the inverse of the converter's
 * job). Events a table could not hold (e.g. an unknown logon type) are dropped; mappings it cannot invert make
 * the whole rule skipped.
 */
import type { FieldMapping, TableRoute } from "../target";
import { lookupField } from "../pipeline/bind";
import { INTEGRITY_LEVELS, LOGON_TYPES } from "../pipeline/transforms/value-map";
import { REGISTRY_EVENT_TYPES } from "../pipeline/transforms/registry-event-type";
import { OUTBOUND_ACTIONS } from "../pipeline/transforms/network-initiated";
import { ABSENT, type Candidate } from "./event-gen";
import type { Row } from "./kql-eval";

/** Thrown (and caught by the test) when a mapping has no forward form here. */
export class CannotInvert extends Error {}
/** Thrown when the generated value cannot exist in the table (the event is dropped). */
export class Unrealistic extends Error {}

const HIVES: Record<string, Record<string, string>> = {
  "registry-hive": { hklm: "HKEY_LOCAL_MACHINE", hku: "HKEY_USERS", hkcu: "HKEY_CURRENT_USER", hkcr: "HKEY_LOCAL_MACHINE\\Classes", hkcc: "HKEY_CURRENT_CONFIG" },
  "registry-hive-mde": { hklm: "HKEY_LOCAL_MACHINE", hku: "HKEY_CURRENT_USER" },
};

function lookup(route: TableRoute, columns: Record<string, string>, field: string): FieldMapping | null {
  return lookupField(field, { route, columns, problems: [], used: new Set() });
}

/** Makes a generated value realistic for the field's mapping (both sides then see the same value). */
export function realistic(m: FieldMapping | null, value: string): string {
  const t = m && "transform" in m ? m.transform ?? "" : "";
  if (t.startsWith("user-domain") && !value.includes("\\")) return `DOM\\${value}`;
  if (t === "file-name" && !/[\\/]/.test(value)) return `C:\\dir\\${value}`;
  if (t.startsWith("registry-hive") && !/^(hklm|hku|hkcu|hkcr|hkcc)\\/i.test(value)) return `HKLM\\SOFTWARE\\${value}`;
  if (t.startsWith("path-prefix") && !value.startsWith("\\")) return `\\${value}`;
  if (m && "hashes" in m) {
    const pairs = [...value.matchAll(/([A-Za-z0-9]+)=([0-9A-Za-z#]+)/g)].map((x) => `${x[1]}=${x[2]}`);
    return pairs.join(",");
  }
  return value;
}

function coerce(value: unknown, type: string): unknown {
  if (type === "int" || type === "long" || type === "real") {
    const n = typeof value === "number" ? value : Number(String(value).trim());
    if (String(value).trim() === "" || !Number.isFinite(n)) throw new Unrealistic();
    return n;
  }
  if (type === "bool") {
    const s = String(value).toLowerCase();
    if (s !== "true" && s !== "false") throw new Unrealistic();
    return s === "true";
  }
  if (type === "datetime") {
    const d = new Date(String(value));
    if (Number.isNaN(d.getTime())) throw new Unrealistic();
    return d;
  }
  return String(value);
}

function setJson(row: Row, column: string, path: string, value: unknown): void {
  const current = row[column];
  const obj = typeof current === "string" && current.startsWith("{") ? JSON.parse(current) : {};
  const keys = path.split(".");
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys[keys.length - 1]] = value;
  row[column] = JSON.stringify(obj);
}

function applyTransform(transform: string, value: string): unknown {
  const [name, param] = transform.split(/:(.*)/s);
  const v = value.trim();
  switch (name) {
    case "registry-hive":
    case "registry-hive-mde": {
      const m = /^([^\\]+)\\/.exec(value);
      const long = m ? HIVES[name][m[1].toLowerCase()] : undefined;
      if (!m || !long) throw new Unrealistic();
      return long + value.slice(m[1].length);
    }
    case "registry-event-type": { const r = REGISTRY_EVENT_TYPES[v.toLowerCase()]; if (!r) throw new Unrealistic(); return r; }
    case "logon-type": { const r = LOGON_TYPES[v]; if (!r) throw new Unrealistic(); return r; }
    case "integrity-level": { const r = INTEGRITY_LEVELS[v.toLowerCase()] ?? (Object.values(INTEGRITY_LEVELS).some((x) => x.toLowerCase() === v.toLowerCase()) ? v : null); if (!r) throw new Unrealistic(); return r; }
    case "signin-status": if (v.toLowerCase() === "success") return "0"; throw new Unrealistic();
    case "hex-number": { if (!/^0x[0-9a-f]+$/i.test(v)) throw new Unrealistic(); return parseInt(v.slice(2), 16); }
    case "network-initiated": if (v.toLowerCase() === "true") return OUTBOUND_ACTIONS[0]; if (v.toLowerCase() === "false") return "InboundConnectionAccepted"; throw new Unrealistic();
    case "sysmon-initiated-direction": if (v.toLowerCase() === "true") return "Outbound"; if (v.toLowerCase() === "false") return "Inbound"; throw new Unrealistic();
    case "path-prefix": return (param ?? "") + value;
    case "file-name": return value.split(/[\\/]/).pop() ?? "";
    default: throw new CannotInvert(`transform ${transform}`);
  }
}

function setExpr(row: Row, expr: string, value: unknown): void {
  let m = /^tostring\(parse_json\((\w+)\)\.([\w.]+)\)$/.exec(expr) ?? /^tolong\(parse_json\((\w+)\)\.([\w.]+)\)$/.exec(expr);
  if (m) return setJson(row, m[1], m[2], expr.startsWith("tolong") ? Number(value) : value);
  m = /^iff\(isempty\((\w+)\), (\w+), strcat\(\2, @"\\", \1\)\)$/.exec(expr);
  if (m) { row[m[2]] = String(value); row[m[1]] = ""; return; }
  throw new CannotInvert(`expression ${expr}`);
}

/** The Event table's EventData for an event whose one unnamed data item is `value` (escaped as XML text is). */
function eventDataXml(value: string): string {
  const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<DataItem type="System.XmlData" time="2024-05-01T10:00:00.0000000Z" sourceHealthServiceId="3f9a8a52-1b2c-4d5e-8f90-a1b2c3d4e5f6"><EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><Data>${text}</Data></EventData></DataItem>`;
}

/** Applies one field's value to a row. */
function setField(row: Row, m: FieldMapping, value: string, columns: Record<string, string>): void {
  if ("unsupported" in m || "impliedBy" in m) return;
  if ("hashes" in m) {
    for (const pair of value.split(",")) {
      const [algo, hex] = pair.split("=");
      const col = Object.entries(m.hashes).find(([k]) => k.toLowerCase() === algo.toLowerCase())?.[1];
      if (col) row[col] = hex;
    }
    return;
  }
  if ("anyOf" in m) { for (const c of m.anyOf) row[c] = coerce(value, columns[c]); return; }
  if ("property" in m) {
    const obj = (row[m.column] && typeof row[m.column] === "object" ? row[m.column] : {}) as Record<string, unknown>;
    obj[m.property] = m.type === "number" ? Number(value) : value;
    row[m.column] = obj;
    return;
  }
  if ("expr" in m) {
    const v = m.transform ? applyTransform(m.transform, value) : value;
    if (m.transform && m.transform.startsWith("registry-details")) throw new CannotInvert("registry-details on an expression");
    setExpr(row, m.expr, v);
    return;
  }
  if ("transform" in m && m.transform) {
    const t = m.transform;
    if (t === "xml-unnamed-data") {
      row[m.column] = eventDataXml(value);
      return;
    }
    if (t.startsWith("user-domain")) {
      const domainCol = t.split(":")[1];
      const i = value.indexOf("\\");
      if (i < 0) throw new Unrealistic();
      row[domainCol] = value.slice(0, i);
      row[m.column] = value.slice(i + 1);
      return;
    }
    if (t.startsWith("registry-details")) {
      const typeCol = t.split(":")[1] ?? "RegistryValueType";
      const n = /^(DWORD|QWORD) \(0x([0-9a-f]+)\)$/i.exec(value);
      if (n) { row[typeCol] = n[1].toUpperCase() === "DWORD" ? "Dword" : "Qword"; row[m.column] = BigInt(`0x${n[2]}`).toString(); return; }
      if (/^binary data$/i.test(value)) { row[typeCol] = "Binary"; row[m.column] = "01ab"; return; }
      if (/^[0-9a-f]*$/i.test(value) || /^\(empty\)$/i.test(value)) throw new Unrealistic();
      row[typeCol] = "String";
      row[m.column] = value;
      return;
    }
    row[m.column] = coerce(applyTransform(t, value), columns[m.column]);
    return;
  }
  row[m.column] = coerce(value, columns[m.column]);
}

/** The Sigma event and the table row for one generated event on a route. */
export function toEventAndRow(
  generated: Map<string, Candidate>,
  route: TableRoute,
  columns: Record<string, string>,
): { event: Record<string, unknown>; row: Row } {
  const row: Row = {};
  for (const [c, t] of Object.entries(columns)) row[c] = t === "string" ? "" : null;
  satisfyFilter(row, route, columns);
  const event: Record<string, unknown> = {};
  for (const [field, candidate] of generated) {
    if (candidate === ABSENT) continue;
    if (field === "") {
      const col = route.keywordColumns?.[0];
      if (!col) throw new CannotInvert("keywords");
      event[col] = String(candidate);
      row[col] = String(candidate);
      continue;
    }
    const m = lookup(route, columns, field);
    if (!m) throw new CannotInvert(`field ${field}`);
    if ("impliedBy" in m) { event[field] = m.values[0]; continue; }
    const value = typeof candidate === "number" && !("transform" in m) ? candidate : realistic(m, String(candidate));
    event[field] = value;
    setField(row, m, String(value), columns);
  }
  return { event, row };
}

/** Fills the row so the route's own filter holds (first value of each equality), before the event's fields. */
export function satisfyFilter(row: Row, route: TableRoute, columns: Record<string, string>, expr = route.filter): void {
  if (!expr) return;
  if (expr.kind === "and") expr.items.forEach((i) => satisfyFilter(row, route, columns, i));
  else if (expr.kind === "or" && expr.items.length) satisfyFilter(row, route, columns, expr.items[0]);
  else if (expr.kind === "leaf" && expr.leaf.field) {
    const leaf = expr.leaf;
    const field = expr.leaf.field;
    const first = leaf.kind === "string" ? leaf.values[0]?.map((p) => (p.kind === "text" ? p.value : "")).join("") : leaf.kind === "number" ? leaf.values[0] : undefined;
    if (first === undefined) return;
    if (field in columns) row[field] = coerce(first, columns[field]);
    else {
      const m = lookup(route, columns, field);
      if (m) setField(row, m, String(first), columns);
    }
  }
}
