import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { eventually } from '../../test/eventually.ts';
import { createOrganisation } from './members.service.ts';

// The public directory and figures are served from memory; these tests prove that no
// change is ever hidden by it: on the server that made it, on another app server, and
// when the change comes from outside any server (a CLI command, another process).
let t: TestApp;
let slug: string;
let delegationId: string;

const total = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: `/api/public/stats/members?year=2026&delegation=${slug}` })).json()
    .total;

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  slug = delegation.slug;
  delegationId = delegation.id;
});
afterAll(() => t.close());

describe('public figures served from memory', () => {
  it('shows a change made through this server at once', async () => {
    const { cookie } = await signedInAs(t, { delegationId, role: 'staff' });
    expect(await total(t.app)).toBe(0);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/members/organisations',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: {
        name: 'RESSOURCERIE UN',
        establishment: { postcode: '31000', city: 'TOULOUSE' },
        conventionTypes: ['ACI'],
        joinedOn: '2026-01-05',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(await total(t.app)).toBe(1);
  });

  it('shows a change made through another app server, told by the database', async () => {
    const other = await t.secondServer();
    try {
      const before = await total(other);
      const { cookie } = await signedInAs(t, { delegationId, role: 'staff' });
      await t.app.inject({
        method: 'POST',
        url: '/api/members/organisations',
        headers: { cookie, origin: TEST_ORIGIN },
        payload: {
          name: 'RESSOURCERIE DEUX',
          establishment: { postcode: '31000', city: 'TOULOUSE' },
          conventionTypes: ['AI'],
          joinedOn: '2026-01-05',
        },
      });
      expect(await eventually(() => total(other), before + 1)).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('shows a change written outside any server', async () => {
    const before = await total(t.app);
    await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
      createOrganisation(tx, {
        name: 'RESSOURCERIE TROIS',
        establishment: { postcode: '31000', city: 'TOULOUSE' },
        conventionTypes: ['EI'],
        joinedOn: '2026-01-05',
      }),
    );
    expect(await eventually(() => total(t.app), before + 1)).toBe(before + 1);
    const directory = await t.app.inject({
      method: 'GET',
      url: `/api/public/structures?delegation=${slug}&q=ressourcerie trois`,
    });
    expect(directory.json().total).toBe(1);
  });
});
