import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../modules/accounts/accounts.table.ts';
import { delegations } from '../modules/delegations/delegations.table.ts';
import { federationMembers } from '../modules/federation/federation.table.ts';
import { createTestDatabase } from '../test/database.ts';
import { sampleRowMaker } from '../test/sample-rows.ts';
import { type Database, queryRows, type Tx, withFederation, withTenant } from './client.ts';
import { FEDERATION_HIDDEN_TABLES, tenantTables } from './tenancy-check.ts';

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
// A member of the federation, and an account that is not one.
const federationUser = `federation-${randomUUID()}`;
const otherUser = `other-${randomUUID()}`;
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
  await database.db.insert(users).values([
    { id: federationUser, name: 'Fédération', email: `${federationUser}@example.org` },
    { id: otherUser, name: 'Autre', email: `${otherUser}@example.org` },
  ]);
  await database.db.insert(federationMembers).values({ userId: federationUser });
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

/**
 * The federation's own policy (decision 020): a member of the national team reading Y
 * (app.federation_delegation_id) sees Y's rows in every table but the hidden ones, and
 * nothing of X; it writes nothing, even in a transaction that is not read-only; and the
 * same settings give nothing to an account outside the federation.
 */
describe('the federation_read policy on every tenant table', () => {
  // The federation's settings in an ordinary (read-write) transaction: what the policies
  // allow, without the read-only guard of withFederation.
  const asFederation = <T>(userId: string, delegationId: string, work: (tx: Tx) => Promise<T>) =>
    database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('app.federation_delegation_id', ${delegationId}, true), set_config('app.user_id', ${userId}, true), set_config('role', 'maillage_app', true)`,
      );
      return work(tx as unknown as Tx);
    });
  const count = (tx: Tx, table: string) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`).then(
      (rows) => rows[0]?.n ?? 0,
    );

  it("shows Y's rows to the federation reading Y, except in the hidden tables", async () => {
    expect(FEDERATION_HIDDEN_TABLES.every((table) => tables.includes(table))).toBe(true);
    for (const table of tables) {
      const seen = await withFederation(database.db, { userId: federationUser, delegationId: y }, (tx) =>
        count(tx, table),
      );
      if (FEDERATION_HIDDEN_TABLES.includes(table)) expect(seen, table).toBe(0);
      else expect(seen, table).toBe(await countOfY(table));
    }
  });

  it('shows nothing of Y while reading X, and nothing to an account outside the federation', async () => {
    for (const table of tables) {
      const id = rowsOfY.get(table)?.id;
      const [ofY] = await withFederation(database.db, { userId: federationUser, delegationId: x }, (tx) =>
        queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(table)}
              where delegation_id = ${y} ${id === undefined ? sql`` : sql`or id::text = ${String(id)}`}`,
        ),
      );
      expect(ofY?.n, table).toBe(0);
      expect(await asFederation(otherUser, y, (tx) => count(tx, table)), table).toBe(0);
    }
  });

  it('lets the federation update, delete and insert nothing', async () => {
    const before = new Map<string, number>();
    for (const table of tables) before.set(table, await countOfY(table));
    for (const table of writable()) {
      const target = sql.identifier(table);
      const updated = await asFederation(federationUser, y, (tx) =>
        queryRows(
          tx,
          sql`update ${target} set delegation_id = delegation_id where delegation_id = ${y} returning 1`,
        ),
      );
      expect(updated, `update ${table}`).toEqual([]);
      const deleted = await asFederation(federationUser, y, (tx) =>
        queryRows(tx, sql`delete from ${target} where delegation_id = ${y} returning 1`),
      );
      expect(deleted, `delete ${table}`).toEqual([]);
      const [found] = await queryRows<{ row: Record<string, unknown> }>(
        database.db,
        sql`select to_jsonb(t) as row from ${target} t where delegation_id = ${y} limit 1`,
      );
      const copy = { ...found!.row };
      if (typeof copy.id === 'string') copy.id = randomUUID();
      const error = await asFederation(federationUser, y, (tx) =>
        tx.execute(
          sql`insert into ${target}
              select * from jsonb_populate_record(null::${target}, ${JSON.stringify(copy)}::jsonb)`,
        ),
      ).then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
      expect(error, `insert ${table}`).toMatch(/row-level security/);
    }
    for (const table of tables) expect(await countOfY(table), table).toBe(before.get(table));
  });

  it('refuses every write in withFederation itself (a read-only transaction)', async () => {
    const error = await withFederation(database.db, { userId: federationUser, delegationId: y }, (tx) =>
      tx.execute(sql`update organisations set name = name where delegation_id = ${y}`),
    ).then(
      () => null,
      (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
    );
    expect(error).toMatch(/read-only transaction/);
  });
});
