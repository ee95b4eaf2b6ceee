import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { eventually } from '../../test/eventually.ts';
import { routeWorld } from '../../test/route-world.ts';
import { createOrganisation } from './members.service.ts';

// The public directory and figures are served from memory; these tests prove that no
// change is ever hidden by it: on the server that made it, on another app server, and
// when the change comes from outside any server (a CLI command, another process).
const w = routeWorld();

const total = async (app: FastifyInstance) =>
  (
    await app.inject({ method: 'GET', url: `/api/public/stats/members?year=2026&delegation=${w.slug}` })
  ).json().total;

/** A member organisation in Toulouse, counted in the 2026 figures. */
const inToulouse = (name: string, type: string) => ({
  name,
  postcode: '31000',
  establishment: { city: 'TOULOUSE' },
  types: [type],
  joinedOn: '2026-01-05',
});

describe('public figures served from memory', () => {
  it('shows a change made through this server at once', async () => {
    expect(await total(w.t.app)).toBe(0);
    await w.addOrganisation(w.staff, inToulouse('RESSOURCERIE UN', 'ACI'));
    expect(await total(w.t.app)).toBe(1);
  });

  it('shows a change made through another app server, told by the database', async () => {
    const other = await w.t.secondServer();
    try {
      const before = await total(other);
      await w.addOrganisation(w.staff, inToulouse('RESSOURCERIE DEUX', 'AI'));
      expect(await eventually(() => total(other), before + 1)).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('shows a change written outside any server', async () => {
    const before = await total(w.t.app);
    await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
      createOrganisation(tx, {
        name: 'RESSOURCERIE TROIS',
        establishment: { postcode: '31000', city: 'TOULOUSE' },
        conventionTypes: ['EI'],
        joinedOn: '2026-01-05',
      }),
    );
    expect(await eventually(() => total(w.t.app), before + 1)).toBe(before + 1);
    const directory = await w.t.app.inject({
      method: 'GET',
      url: `/api/public/structures?delegation=${w.slug}&q=ressourcerie trois`,
    });
    expect(directory.json().total).toBe(1);
  });
});
