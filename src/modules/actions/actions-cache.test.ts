import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { TEST_ORIGIN } from '../../test/app.ts';
import { eventually } from '../../test/eventually.ts';
import { routeWorld } from '../../test/route-world.ts';
import { actions } from './actions.table.ts';

// The chronicle and the public agenda are served from memory; these tests prove that no
// change is hidden by it: on the server that made it, on another app server, and when
// the change is written outside any server.
const w = routeWorld();

const chronicleTotal = async (app: FastifyInstance) =>
  (
    await app.inject({ method: 'GET', url: '/api/actions/chronicle?year=2025', headers: { cookie: w.staff } })
  ).json().total;
const agendaTotal = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: `/api/public/actions?year=2025&delegation=${w.slug}` })).json()
    .total;

const create = (app: FastifyInstance, title: string) =>
  app.inject({
    method: 'POST',
    url: '/api/actions',
    headers: { cookie: w.staff, origin: TEST_ORIGIN },
    payload: { title, kind: 'webinar', startsOn: '2025-03-04', online: true, visibility: 'public' },
  });

describe('chronicle and agenda served from memory', () => {
  it('show a change made through this server at once', async () => {
    expect(await chronicleTotal(w.t.app)).toBe(0);
    expect(await agendaTotal(w.t.app)).toBe(0);
    expect((await create(w.t.app, 'Webinaire un')).statusCode).toBe(201);
    expect(await chronicleTotal(w.t.app)).toBe(1);
    expect(await agendaTotal(w.t.app)).toBe(1);
  });

  it('show a change made through another app server, told by the database', async () => {
    const other = await w.t.secondServer();
    try {
      const before = await chronicleTotal(other);
      await agendaTotal(other);
      expect((await create(w.t.app, 'Webinaire deux')).statusCode).toBe(201);
      expect(await eventually(() => chronicleTotal(other), before + 1)).toBe(before + 1);
      expect(await eventually(() => agendaTotal(other), before + 1)).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('show a change written outside any server', async () => {
    const before = await agendaTotal(w.t.app);
    await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
      tx.update(actions).set({ visibility: 'internal' }),
    );
    expect(await eventually(() => agendaTotal(w.t.app), before - 2)).toBe(before - 2);
  });

  it('send the same answer gzipped to a client that asks for it', async () => {
    const plain = await w.t.app.inject({
      method: 'GET',
      url: '/api/actions/chronicle?year=2025',
      headers: { cookie: w.staff },
    });
    const zipped = await w.t.app.inject({
      method: 'GET',
      url: '/api/actions/chronicle?year=2025',
      headers: { cookie: w.staff, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.json().months).toHaveLength(12);
  });
});
