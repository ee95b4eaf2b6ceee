import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../modules/accounts/auth.ts';
import { delegations } from '../modules/delegations/delegations.table.ts';
import { organisations } from '../modules/members/members.table.ts';
import { createTestDatabase } from '../test/database.ts';
import { testPasswordHash } from '../test/password-hash.ts';
import { type Database, queryRows, withTenant } from './client.ts';
import { loadDemo } from './seed/demo.ts';
import { findUnsecuredTenantTables, tenantTables } from './tenancy-check.ts';

let database: Database;
let a: string;
let b: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const auth = createAuth({
    db: database.db,
    baseUrl: 'http://localhost:3000',
    secret: 'x'.repeat(32),
    sessionMaxAgeHours: 1,
    passwordHash: testPasswordHash,
  });
  // Delegation A is the full demo (every tenant table gets rows); B gets a copy of some of them.
  a = (await loadDemo(database, auth)).delegationId;
  const [other] = await database.db
    .insert(delegations)
    .values({ slug: 'autre', name: 'Autre délégation' })
    .returning();
  b = other!.id;
  await withTenant(database.db, { delegationId: b, userId: null }, async (tx) => {
    await tx.insert(organisations).values({ name: 'ORGANISATION DE B', searchName: 'organisation de b' });
  });
});
afterAll(() => database.close());

describe('tenancy by row-level security', () => {
  it('secures every table that has a delegation_id', async () => {
    expect(await findUnsecuredTenantTables(database.db)).toEqual([]);
  });

  it('reports a tenant table that has no policy', async () => {
    await database.db.execute(sql`create table forgotten (id uuid primary key, delegation_id uuid not null)`);
    try {
      const problems = await findUnsecuredTenantTables(database.db);
      expect(problems).toContainEqual({ table: 'forgotten', problem: 'no_policy' });
      expect(problems).toContainEqual({ table: 'forgotten', problem: 'rls_disabled' });
    } finally {
      await database.db.execute(sql`drop table forgotten`);
    }
  });

  it('runs tenant queries as a role that cannot bypass row-level security', async () => {
    const [role] = await withTenant(database.db, { delegationId: a, userId: null }, (tx) =>
      queryRows(
        tx,
        sql`select current_user as name, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({ name: 'maillage_app', rolsuper: false, rolbypassrls: false });
  });

  it('never shows delegation B rows to delegation A, whatever the table', async () => {
    const tables = await tenantTables(database.db);
    expect(tables).toEqual(
      expect.arrayContaining(['organisations', 'establishments', 'audit_log', 'user_roles']),
    );
    for (const table of tables) {
      const counts = await withTenant(database.db, { delegationId: a, userId: null }, (tx) =>
        queryRows<{ d: string }>(
          tx,
          sql`select delegation_id::text as d, count(*)::int as n from ${sql.identifier(table)} group by 1`,
        ),
      );
      for (const row of counts) expect(row.d, `table ${table}`).toBe(a);
    }
    // B's rows exist (the owner sees them) but A never does.
    const [bRows] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where delegation_id = ${b}`,
    );
    expect(bRows?.n).toBeGreaterThan(0);
    const seenByB = await withTenant(database.db, { delegationId: b, userId: null }, (tx) =>
      tx.select().from(organisations),
    );
    expect(seenByB.map((o) => o.name)).toEqual(['ORGANISATION DE B']);
  });

  it('refuses to write into another delegation and silently skips its rows on update', async () => {
    await expect(
      withTenant(database.db, { delegationId: a, userId: null }, (tx) =>
        tx.insert(organisations).values({ name: 'intrus', searchName: 'intrus', delegationId: b }),
      ),
    ).rejects.toThrow();
    const updated = await withTenant(database.db, { delegationId: a, userId: null }, (tx) =>
      tx
        .update(organisations)
        .set({ name: 'piraté' })
        .where(sql`${organisations.delegationId} = ${b}`)
        .returning(),
    );
    expect(updated).toEqual([]);
  });

  it('sees nothing when no delegation is set', async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'maillage_app', true)`);
      return queryRows(tx as never, sql`select count(*)::int as n from organisations`);
    });
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('records every change in the audit log, in the same transaction, with the actor', async () => {
    const [org] = await withTenant(database.db, { delegationId: b, userId: 'user-42' }, (tx) =>
      tx.update(organisations).set({ note: 'vérifié' }).returning(),
    );
    const log = await withTenant(database.db, { delegationId: b, userId: null }, (tx) =>
      queryRows(
        tx,
        sql`select actor_user_id, action, before->>'note' as before, after->>'note' as after from audit_log where record_id = ${org!.id} order by id`,
      ),
    );
    expect(log.at(-1)).toEqual({
      actor_user_id: 'user-42',
      action: 'update',
      before: null,
      after: 'vérifié',
    });
    // A failed transaction leaves neither the change nor its audit line.
    await expect(
      withTenant(database.db, { delegationId: b, userId: 'user-42' }, async (tx) => {
        await tx.update(organisations).set({ note: 'annulé' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const after = await withTenant(database.db, { delegationId: b, userId: null }, (tx) =>
      queryRows(tx, sql`select count(*)::int as n from audit_log where after->>'note' = 'annulé'`),
    );
    expect(after).toEqual([{ n: 0 }]);
  });

  it('lets no application code write the audit log: only the trigger appends to it', async () => {
    for (const statement of [
      sql`delete from audit_log`,
      sql`update audit_log set action = 'forged'`,
      sql`insert into audit_log (table_name, record_id, action) values ('organisations', gen_random_uuid(), 'forged')`,
    ]) {
      await expect(
        withTenant(database.db, { delegationId: b, userId: null }, (tx) => tx.execute(statement)),
      ).rejects.toThrow();
    }
  });
});
