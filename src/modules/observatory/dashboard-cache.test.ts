import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { eventually } from '../../test/eventually.ts';
import { buildWorld, caller, goodValuesFor, openCampaign, type World } from './campaigns.fixtures.ts';
import { observatorySubmissions } from './observatory.table.ts';

// The dashboard is served from memory per delegation; these tests prove that no counted
// change is hidden by it (on this server, on another one, and outside any server) and
// that members' draft saves, most of the writes at a deadline, do not drop it.
let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;
let campaign: string;
let form: string;
let notified: string[];
let unlisten: () => Promise<void>;

const DASHBOARD = '/api/observatory/dashboard?indicators=revenue&from=2024&to=2024';
const revenue = async (app: FastifyInstance, query = '') => {
  const response = await app.inject({
    method: 'GET',
    url: `${DASHBOARD}${query}`,
    headers: { cookie: world.cookies.staff },
  });
  expect(response.statusCode).toBe(200);
  return response.json().indicators[0].totals[0]?.value ?? 0;
};

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  call = caller(t, world);
  campaign = await openCampaign(t, world, 2024);
  const started = await call('regain', 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
    conventionType: 'ACI',
  });
  if (started.statusCode !== 201) throw new Error(started.body);
  form = started.json().id;
  notified = [];
  unlisten = await t.database.listen('observatory_changed', {
    onNotify: (payload) => notified.push(payload),
    onLost: () => {},
    onRestored: () => {},
  });
});
afterAll(async () => {
  await unlisten();
  await t.close();
});

describe('observatory dashboard served from memory', () => {
  it('is not dropped by a member saving a draft, which it does not count', async () => {
    expect(await revenue(t.app)).toBe(0);
    notified.length = 0;
    const saved = await call('regain', 'PUT', `/api/observatory/submissions/${form}/values`, {
      values: goodValuesFor('ACI'),
    });
    expect(saved.statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(notified).toEqual([]);
    expect(await revenue(t.app)).toBe(0);
  });

  it('shows a submission when asked for submitted answers, and a validation, at once and on another server', async () => {
    const other = await t.secondServer();
    try {
      expect(await revenue(other, '&include=submitted')).toBe(0);
      expect(await revenue(other)).toBe(0);
      expect(
        (await call('regain', 'POST', `/api/observatory/submissions/${form}/submit`, {})).statusCode,
      ).toBe(200);
      expect(await revenue(t.app, '&include=submitted')).toBe(100_000);
      expect(await eventually(() => revenue(other, '&include=submitted'), 100_000)).toBe(100_000);
      expect(await revenue(other)).toBe(0);
      expect((await call('staff', 'POST', `/api/observatory/submissions/${form}/validate`)).statusCode).toBe(
        200,
      );
      expect(await revenue(t.app)).toBe(100_000);
      expect(await eventually(() => revenue(other), 100_000)).toBe(100_000);
    } finally {
      await other.close();
    }
  });

  it('shows staff correcting a validated answer, and a change written outside any server', async () => {
    const corrected = await call('staff', 'PUT', `/api/observatory/submissions/${form}/values`, {
      values: { ...goodValuesFor('ACI'), revenue: 120_000 },
    });
    expect(corrected.statusCode).toBe(200);
    expect(await revenue(t.app)).toBe(120_000);
    await withTenant(t.database.db, { delegationId: world.delegationId, userId: null }, (tx) =>
      tx.update(observatorySubmissions).set({ status: 'correction_requested' }),
    );
    expect(await eventually(() => revenue(t.app), 0)).toBe(0);
  });
});
