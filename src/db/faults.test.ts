// SIGKILL in the middle of writes: a 40,000-row member import (the CLI) and a campaign
// submission (the server), then a restart. The data is as before or complete, never
// between, and a PGlite data directory left by the killed process reopens.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMembersCommand } from '../modules/members/import.cli.ts';
import { goodValuesFor } from '../modules/observatory/campaigns.fixtures.ts';
import { createDelegation, request, signedInAs, TEST_PASSWORD } from '../test/app.ts';
import { queryRows } from './client.ts';
import {
  appOn,
  cli,
  importFile,
  registryCounts,
  type SharedDatabase,
  sharedDatabase,
  startServer,
  until,
  walSignature,
} from './faults.helpers.ts';

// 40,000 rows as the issue asks; FAULTS_IMPORT_ROWS can make it smaller on a slow runner.
const ROWS = Number(process.env.FAULTS_IMPORT_ROWS ?? 40_000);
const quiet = { out: () => {}, err: () => {} };

let shared: SharedDatabase;
beforeAll(async () => {
  shared = await sharedDatabase();
});
afterAll(async () => shared?.drop());

describe('SIGKILL during writes', () => {
  it(`import of ${ROWS} rows killed while writing: before or all, and the database reopens`, async () => {
    let database = await shared.open();
    const { slug, id: delegationId } = await createDelegation(database, 'fautes-import');
    expect(
      await importMembersCommand(
        database,
        ['members', importFile(shared.dir, 'first.csv', 5, 1), '--delegation', slug],
        quiet,
      ),
    ).toBe(0);
    const before = await registryCounts(database, delegationId);
    expect(before).toEqual({ organisations: 5, establishments: 5 });
    if (shared.kind === 'pglite') await database.close(); // one process at a time on an embedded database

    const child = cli(
      ['import', 'members', importFile(shared.dir, 'big.csv', ROWS, 1000), '--delegation', slug],
      shared.env,
    );
    // "Writing" is seen from outside: PostgreSQL shows the import's INSERT in its
    // transaction; PGlite's write-ahead log files change (after the long analysis).
    const writing =
      shared.kind === 'postgres'
        ? async () => {
            const rows = await queryRows<{ n: number }>(
              database.db,
              sql`select count(*)::int as n from pg_stat_activity where datname = current_database()
                  and pid <> pg_backend_pid() and query ilike 'insert into "organisations"%'`,
            );
            return (rows[0]?.n ?? 0) > 0;
          }
        : (() => {
            const first = walSignature(shared.dir);
            let changes = 0;
            let last = first;
            return () => {
              const now = walSignature(shared.dir);
              if (now !== last) changes++;
              last = now;
              return changes >= 2;
            };
          })();
    const seen = await until(async () => child.process.exitCode !== null || (await writing()), 240_000);
    expect(
      seen && child.process.exitCode === null,
      `the import ended before it was killed:\n${child.output()}`,
    ).toBe(true);
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');

    if (shared.kind === 'pglite') {
      // The killed process's lock is still there; the next process must take it over.
      const lock = join(shared.dir, 'pglite', 'maillage.lock');
      expect(readFileSync(lock, 'utf8')).toBe(String(child.process.pid));
    } else await database.close();
    const after = cli(
      ['import', 'members', importFile(shared.dir, 'after.csv', 3, 900), '--delegation', slug],
      shared.env,
    );
    const done = await after.exited;
    expect(done.code, after.output()).toBe(0);
    expect(after.output()).toContain('Import terminé : 3 établissement(s) créé(s)');

    database = await shared.open();
    const counts = await registryCounts(database, delegationId);
    await database.close();
    expect([before.organisations + 3, before.organisations + ROWS + 3]).toContain(counts.organisations);
    expect(counts.establishments).toBe(counts.organisations);
    if (shared.kind === 'pglite') expect(existsSync(join(shared.dir, 'pglite', 'maillage.lock'))).toBe(false);
  }, 400_000);

  it('campaign submission killed in flight: submitted with all its values, or still a draft', async () => {
    let database = await shared.open();
    const t = await appOn(database);
    const delegation = await createDelegation(database, 'fautes-observatoire');
    const staff = await signedInAs(t, { delegationId: delegation.id, role: 'staff' });
    const org = await request(t, staff.cookie, 'POST', '/api/members/organisations', {
      name: 'Chantier interrompu',
      establishment: { postcode: '31000' },
      conventionTypes: ['ACI'],
      joinedOn: '2020-01-01',
    });
    const campaign = (
      await request(t, staff.cookie, 'POST', '/api/observatory/campaigns', {
        year: 2024,
        title: 'Observatoire 2024',
        opensOn: '2025-01-15',
        deadline: '2025-03-31',
      })
    ).json().id;
    await request(t, staff.cookie, 'PATCH', `/api/observatory/campaigns/${campaign}`, { status: 'open' });
    const form = await request(t, staff.cookie, 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
      conventionType: 'ACI',
      organisationId: org.json().id,
      values: goodValuesFor('ACI'),
    });
    expect(form.statusCode, form.body).toBe(201);
    const id: string = form.json().id;
    const state = async () => {
      const [row] = await queryRows<{ status: string; submitted: boolean; values: number; sum: string }>(
        database.db,
        sql`select s.status, s.submitted_at is not null as submitted,
              (select count(*)::int from observatory_values v where v.submission_id = s.id) as values,
              (select md5(string_agg(v.indicator_code || '=' || v.value, ',' order by v.indicator_code))
                 from observatory_values v where v.submission_id = s.id) as sum
            from observatory_submissions s where s.id = ${id}`,
      );
      return row;
    };
    const before = await state();
    expect(before).toMatchObject({ status: 'draft', submitted: false });
    expect(before?.values).toBe(Object.keys(goodValuesFor('ACI')).length);
    await t.close();
    if (shared.kind === 'pglite') await database.close();

    let server = await startServer(shared.env);
    const signIn = await fetch(`${server.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ email: staff.email, password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie, origin: server.base, 'content-type': 'application/json' };
    // The kill follows the request by a few milliseconds: the server is then reading the
    // request, inside the submission's transaction, or answering (the request is fast;
    // which moment is hit varies from run to run, every one must leave a whole state).
    const submit = fetch(`${server.base}/api/observatory/submissions/${id}/submit`, {
      method: 'POST',
      headers,
      body: '{}',
    }).catch(() => null);
    await new Promise((r) => setTimeout(r, 2 + Math.floor(Math.random() * 25)));
    server.child.process.kill('SIGKILL');
    expect((await server.child.exited).signal).toBe('SIGKILL');
    const answered = await submit;

    // A new server on the same database (and PGlite data directory) answers for the form.
    server = await startServer(shared.env);
    const seen = await fetch(`${server.base}/api/observatory/submissions/${id}`, { headers });
    expect(seen.status).toBe(200);
    expect(['draft', 'submitted']).toContain((await seen.json()).status);
    await server.stop();

    if (shared.kind === 'pglite') database = await shared.open();
    const after = await state();
    // An answered 200 means committed: it must have survived the kill.
    if (answered?.status === 200) expect(after?.status).toBe('submitted');
    if (after?.status === 'draft') expect(after).toEqual(before);
    else expect(after).toEqual({ ...before, status: 'submitted', submitted: true });

    // And the member can submit it now, with every value.
    const again = await appOn(database);
    const relog = await signedInAs(again, { delegationId: delegation.id, role: 'staff' });
    if (after?.status === 'draft') {
      const done = await request(
        again,
        relog.cookie,
        'POST',
        `/api/observatory/submissions/${id}/submit`,
        {},
      );
      expect(done.statusCode, done.body).toBe(200);
    }
    expect(await state()).toEqual({ ...before, status: 'submitted', submitted: true });
    await again.close();
    await database.close();
  }, 400_000);
});
