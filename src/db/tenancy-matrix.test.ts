import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegations } from '../modules/delegations/delegations.table.ts';
import { createTestDatabase } from '../test/database.ts';
import { sampleRowMaker } from '../test/sample-rows.ts';
import { type Database, queryRows, withTenant } from './client.ts';
import { tenantTables } from './tenancy-check.ts';

/*
 * Row-level security table by table: delegation Y has a row in every tenant table (made
 * from the catalogue, so a new table is covered at once), and the app role working for
 * delegation X can neither read, change, delete nor forge any of them. tenancy.test.ts
 * checks the policies' presence, the role, the audit log; this checks their effect on
 * every table.
 */

let database: Database;
let x: string;
let y: string;
let tables: string[];
const rowsOfY = new Map<string, Record<string, unknown>>();

const countOfY = async (table: string) => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where delegation_id = ${y}`,
  );
  return row?.n ?? 0;
};
const asX = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(database.db, { delegationId: x, userId: null }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  const [first, second] = await database.db
    .insert(delegations)
    .values([
      { slug: 'x', name: 'Délégation X' },
      { slug: 'y', name: 'Délégation Y' },
    ])
    .returning();
  x = first!.id;
  y = second!.id;
  tables = await tenantTables(database.db);
  const maker = await sampleRowMaker(database.db, y);
  for (const table of tables) rowsOfY.set(table, await maker.rowOf(table));
});
afterAll(() => database.close());

// The app role may not write the audit log at all (see tenancy.test.ts): its rows are only read here.
const writable = () => tables.filter((table) => table !== 'audit_log');

describe('row-level security on every tenant table', () => {
  it('has a row of delegation Y in each, that Y itself sees', async () => {
    expect(tables.length).toBeGreaterThan(40);
    for (const table of tables) {
      expect(await countOfY(table), table).toBeGreaterThan(0);
      const seen = await withTenant(database.db, { delegationId: y, userId: null }, (tx) =>
        queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(seen[0]?.n, table).toBeGreaterThan(0);
    }
  });

  it('shows none of them to delegation X, by delegation or by id', async () => {
    for (const table of tables) {
      const id = rowsOfY.get(table)?.id;
      const [seen] = await asX((tx) =>
        queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(table)}
              where delegation_id = ${y} or delegation_id is distinct from ${x}
                 ${id === undefined ? sql`` : sql`or id::text = ${String(id)}`}`,
        ),
      );
      expect(seen?.n, table).toBe(0);
    }
  });

  it('lets delegation X update and delete none of them', async () => {
    const before = new Map<string, number>();
    for (const table of tables) before.set(table, await countOfY(table));
    for (const table of writable()) {
      const target = sql.identifier(table);
      const updated = await asX((tx) =>
        queryRows(tx, sql`update ${target} set delegation_id = ${x} where delegation_id = ${y} returning 1`),
      );
      expect(updated, `update ${table}`).toEqual([]);
      const deleted = await asX((tx) =>
        queryRows(tx, sql`delete from ${target} where delegation_id = ${y} returning 1`),
      );
      expect(deleted, `delete ${table}`).toEqual([]);
    }
    for (const table of tables) expect(await countOfY(table), table).toBe(before.get(table));
  });

  it('refuses a row written by delegation X into delegation Y', async () => {
    for (const table of writable()) {
      // The row as the database writes it in JSON (bytea as hex, dates as ISO text).
      const [found] = await queryRows<{ row: Record<string, unknown> }>(
        database.db,
        sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where delegation_id = ${y} limit 1`,
      );
      const copy = { ...found!.row };
      if (typeof copy.id === 'string') copy.id = randomUUID();
      const error = await asX((tx) =>
        tx.execute(
          sql`insert into ${sql.identifier(table)}
              select * from jsonb_populate_record(null::${sql.identifier(table)}, ${JSON.stringify(copy)}::jsonb)`,
        ),
      ).then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
      expect(error, table).toMatch(/row-level security/);
    }
  });
});
