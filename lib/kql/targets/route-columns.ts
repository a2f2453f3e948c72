/**
 * Data-consistency check for a KQL target: every column a route names (table, mappings, filters, keyword
 * columns) must exist in the target's schema. Used by the targets' route tests.
 */
import type { MatchExpr } from "../../sigma";
import type { FieldMapping, KqlTarget, TableRoute } from "../target";

/** The columns one field mapping reads (none for `impliedBy` / `unsupported`). */
export function mappingColumns(mapping: FieldMapping): string[] {
  if ("anyOf" in mapping) return mapping.anyOf;
  if ("expr" in mapping) return mapping.columns;
  if ("hashes" in mapping) return Object.values(mapping.hashes).filter((c): c is string => c !== null);
  if ("column" in mapping) return [mapping.column];
  return [];
}

function filterFields(expr: MatchExpr | undefined, out: string[] = []): string[] {
  if (!expr) return out;
  if (expr.kind === "leaf") {
    if (expr.leaf.field !== null) out.push(expr.leaf.field);
  } else if (expr.kind === "not") filterFields(expr.item, out);
  else if (expr.kind === "and" || expr.kind === "or") expr.items.forEach((i) => filterFields(i, out));
  return out;
}

/** Problems with one route against the schema, as readable strings (empty when consistent). */
export function routeColumnProblems(route: TableRoute, schema: KqlTarget["schema"]): string[] {
  const columns = schema[route.table];
  if (!columns) return [`${route.id}: table ${route.table} is not in the schema`];
  const problems: string[] = [];
  const has = (c: string) => Object.prototype.hasOwnProperty.call(columns, c);
  for (const [field, mapping] of Object.entries(route.fields)) {
    for (const column of mappingColumns(mapping)) {
      if (!has(column)) problems.push(`${route.id}: ${field} → ${column}, not a column of ${route.table}`);
    }
    if ("property" in mapping && has(mapping.column) && columns[mapping.column] !== "dynamic") {
      problems.push(`${route.id}: ${field} is a property of ${mapping.column}, which is ${columns[mapping.column]}, not dynamic`);
    }
    if ("unsupported" in mapping && mapping.unsupported.trim().length < 10) problems.push(`${route.id}: ${field} has no real reason`);
  }
  const mapped = new Map(Object.entries(route.fields).map(([k, v]) => [k.toLowerCase(), v]));
  for (const field of filterFields(route.filter)) {
    const via = mapped.get(field.toLowerCase());
    const ok = has(field) || (via !== undefined && mappingColumns(via).length > 0 && mappingColumns(via).every(has));
    if (!ok) problems.push(`${route.id}: filter names ${field}, neither a column of ${route.table} nor a mapped field`);
  }
  for (const field of route.keywordFields ?? []) {
    if (!mapped.has(field.toLowerCase())) problems.push(`${route.id}: keyword field ${field} is not a field of the route's map`);
  }
  for (const column of route.keywordColumns ?? []) {
    if (!has(column)) problems.push(`${route.id}: keyword column ${column} is not a column of ${route.table}`);
  }
  return problems;
}
