import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { eventually } from '../../test/eventually.ts';
import { actions } from './actions.table.ts';

// The chronicle and the public agenda are served from memory; these tests prove that no
// change is hidden by it: on the server that made it, on another app server, and when
// the change is written outside any server.
let t: TestApp;
let slug: string;
let delegationId: string;
let cookie: string;

const chronicleTotal = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: '/api/actions/chronicle?year=2025', headers: { cookie } })).json()
    .total;
const agendaTotal = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: `/api/public/actions?year=2025&delegation=${slug}` })).json().total;

const create = (app: FastifyInstance, title: string) =>
  app.inject({
    method: 'POST',
    url: '/api/actions',
    headers: { cookie, origin: TEST_ORIGIN },
    payload: { title, kind: 'webinar', startsOn: '2025-03-04', online: true, visibility: 'public' },
  });

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  slug = delegation.slug;
  delegationId = delegation.id;
  cookie = (await signedInAs(t, { delegationId, role: 'staff' })).cookie;
});
afterAll(() => t.close());

describe('chronicle and agenda served from memory', () => {
  it('show a change made through this server at once', async () => {
    expect(await chronicleTotal(t.app)).toBe(0);
    expect(await agendaTotal(t.app)).toBe(0);
    expect((await create(t.app, 'Webinaire un')).statusCode).toBe(201);
    expect(await chronicleTotal(t.app)).toBe(1);
    expect(await agendaTotal(t.app)).toBe(1);
  });

  it('show a change made through another app server, told by the database', async () => {
    const other = await t.secondServer();
    try {
      const before = await chronicleTotal(other);
      await agendaTotal(other);
      expect((await create(t.app, 'Webinaire deux')).statusCode).toBe(201);
      expect(await eventually(() => chronicleTotal(other), before + 1)).toBe(before + 1);
      expect(await eventually(() => agendaTotal(other), before + 1)).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('show a change written outside any server', async () => {
    const before = await agendaTotal(t.app);
    await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
      tx.update(actions).set({ visibility: 'internal' }),
    );
    expect(await eventually(() => agendaTotal(t.app), before - 2)).toBe(before - 2);
  });

  it('send the same answer gzipped to a client that asks for it', async () => {
    const plain = await t.app.inject({
      method: 'GET',
      url: '/api/actions/chronicle?year=2025',
      headers: { cookie },
    });
    const zipped = await t.app.inject({
      method: 'GET',
      url: '/api/actions/chronicle?year=2025',
      headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.json().months).toHaveLength(12);
  });
});
