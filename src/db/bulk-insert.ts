import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client.ts';

/**
 * Rows per statement. On the embedded database a statement runs on the event loop, and
 * PGlite's answers resolve without giving timers and sockets a turn: 5,000 rows (with
 * their audit rows) held the process about a second per statement, a whole 60,000-row
 * import about a minute. 1,000 rows, and a turn of the event loop after each statement.
 */
const CHUNK = 1_000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts many rows with one statement per chunk: the rows travel as one JSON
 * parameter and are unpacked by `json_populate_recordset`. Against multi-row VALUES
 * this saves building and parsing tens of thousands of parameters (the import's
 * bottleneck). Columns absent from every row get their defaults (delegation_id, id,
 * timestamps), so row-level security and the audit triggers apply as for any insert.
 */
export async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  const used = [...keys]
    .filter((key) => columns[key])
    .map((key) => ({ key, name: columns[key]?.name ?? key }));
  const list = sql.join(
    used.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of used) out[c.name] = (row as Record<string, unknown>)[c.key] ?? null;
      return out;
    });
    await tx.execute(
      sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${JSON.stringify(chunk)}::json)`,
    );
    await yieldToLoop();
  }
}
