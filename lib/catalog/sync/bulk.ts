/**
 * Multi-row INSERT / DELETE … IN statements through a Prisma transaction. Prisma's createMany costs ~20× more
 * per row than one raw multi-row INSERT, and a first sync writes ~30,000 rows, so the bulk paths go raw.
 * Placeholders and value encodings follow the dialect (SQLite `?` with ISO text dates and 0/1 booleans, as
 * Prisma's libSQL adapter stores them; PostgreSQL `$n` with native values).
 */
import type { CatalogClient } from "../db";

/** The transaction client Prisma passes to an interactive transaction. */
export type Tx = Parameters<Parameters<CatalogClient["$transaction"]>[0]>[0];

/** The database flavour a statement is written for. */
export type Dialect = "sqlite" | "postgresql";

/** Most bind parameters per statement (SQLite allows 32,766; PostgreSQL 65,535). */
const MAX_PARAMS = 20_000;

function encode(value: unknown, dialect: Dialect): unknown {
  if (value === undefined) return null;
  if (dialect === "sqlite") {
    if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
    if (typeof value === "boolean") return value ? 1 : 0;
  }
  return value;
}

function placeholders(count: number, offset: number, dialect: Dialect): string {
  return Array.from({ length: count }, (_, i) => (dialect === "sqlite" ? "?" : `$${offset + i + 1}`)).join(", ");
}

/** Inserts rows (all with the same keys) into `table` with as few statements as the parameter limit allows. */
export async function insertRows(tx: Tx, dialect: Dialect, table: string, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement) as Record<string, unknown>[];
    const tuples = chunk.map((_, r) => `(${placeholders(columns.length, r * columns.length, dialect)})`).join(", ");
    const args = chunk.flatMap((row) => columns.map((c) => encode(row[c], dialect)));
    await tx.$executeRawUnsafe(head + tuples, ...args);
  }
}

/** Runs `DELETE FROM table WHERE column IN (…)` over any number of keys. */
export async function deleteWhereIn(tx: Tx, dialect: Dialect, table: string, column: string, keys: readonly (string | number)[]): Promise<void> {
  for (let i = 0; i < keys.length; i += MAX_PARAMS) {
    const chunk = keys.slice(i, i + MAX_PARAMS);
    await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${column}" IN (${placeholders(chunk.length, 0, dialect)})`, ...chunk);
  }
}

/** Runs `UPDATE table SET … WHERE key = ?` for one row. */
export async function updateRow(tx: Tx, dialect: Dialect, table: string, key: { column: string; value: string | number }, values: object): Promise<void> {
  const entries = Object.entries(values);
  const sets = entries.map(([c], i) => `"${c}" = ${dialect === "sqlite" ? "?" : `$${i + 1}`}`).join(", ");
  const where = `"${key.column}" = ${dialect === "sqlite" ? "?" : `$${entries.length + 1}`}`;
  await tx.$executeRawUnsafe(`UPDATE "${table}" SET ${sets} WHERE ${where}`, ...entries.map(([, v]) => encode(v, dialect)), key.value);
}
