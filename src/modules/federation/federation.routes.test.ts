import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withFederation } from '../../db/client.ts';
import {
  createDelegation,
  createTestApp,
  request,
  signedInAs,
  signedInAsFederation,
  type TestApp,
} from '../../test/app.ts';

/*
 * The federation's routes on a database of their own: the demo delegation (2024 data) and
 * an empty one. A member of the federation reads both through its policy, creates a
 * delegation, and changes none of their records.
 */

let t: TestApp & { demoDelegationId: string };
let federation: string;
let federationUserId: string;
let staff: string;
let emptyId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  emptyId = (await createDelegation(t.database, 'vide')).id;
  const signed = await signedInAsFederation(t);
  federation = signed.cookie;
  federationUserId = signed.userId;
  staff = (await signedInAs(t, { delegationId: t.demoDelegationId, role: 'staff' })).cookie;
}, 120_000);
afterAll(async () => t?.close());

describe('the federation', () => {
  it('is who /api/me says, with no delegation', async () => {
    const me = await request(t, federation, 'GET', '/api/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ role: 'federation', delegation: null, organisationId: null });
  });

  it('lists the delegations with their key figures of the year', async () => {
    const response = await request(t, federation, 'GET', '/api/federation/delegations?year=2024');
    expect(response.statusCode, response.body).toBe(200);
    const { year, items } = response.json();
    expect(year).toBe(2024);
    const demo = items.find((d: { id: string }) => d.id === t.demoDelegationId);
    const empty = items.find((d: { id: string }) => d.id === emptyId);
    expect(demo.members.total).toBeGreaterThan(50);
    expect(Object.keys(demo.members.byType)).toContain('ACI');
    expect(demo.lastActivity).not.toBeNull();
    expect(demo.report).toEqual({ year: 2024, frozen: expect.any(Boolean), frozenAt: demo.report.frozenAt });
    expect(empty).toMatchObject({ members: { total: 0, byType: {} }, campaign: null, lastActivity: null });
    expect(empty.report.frozen).toBe(false);
  });

  it('sees an open campaign and its completeness', async () => {
    const opened = await request(t, staff, 'POST', '/api/observatory/campaigns', {
      year: 2030,
      title: 'Observatoire 2030',
      opensOn: '2031-01-15',
      deadline: '2031-03-31',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const patched = await request(t, staff, 'PATCH', `/api/observatory/campaigns/${opened.json().id}`, {
      status: 'open',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const { items } = (await request(t, federation, 'GET', '/api/federation/delegations?year=2024')).json();
    const demo = items.find((d: { id: string }) => d.id === t.demoDelegationId);
    expect(demo.campaign).toMatchObject({ year: 2030, title: 'Observatoire 2030', completeness: 0 });
    expect(demo.campaign.counts.total).toBeGreaterThan(0);
    expect(demo.campaign.counts.not_started).toBe(demo.campaign.counts.total);
  });

  it('reads the national directory, each entry with its delegation', async () => {
    const response = await request(t, federation, 'GET', '/api/federation/directory');
    expect(response.statusCode, response.body).toBe(200);
    const { items, total } = response.json();
    const publicOnes = await request(t, null, 'GET', '/api/public/structures');
    expect(total).toBe(publicOnes.json().total);
    expect(items[0].delegation.name).toBe('Coorace Occitanie');
    const filtered = await request(t, federation, 'GET', '/api/federation/directory?delegation=vide');
    expect(filtered.json()).toEqual({ items: [], total: 0 });
    const unknown = await request(t, federation, 'GET', '/api/federation/directory?delegation=nulle-part');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('federation.delegation_not_found');
  });

  it('sums the observatory over the delegations', async () => {
    const response = await request(t, federation, 'GET', '/api/federation/observatory?indicators=persons');
    expect(response.statusCode, response.body).toBe(200);
    const { delegations, indicators } = response.json();
    expect(delegations).toBe(2);
    expect(indicators[0].code).toBe('persons');
    const own = await request(t, staff, 'GET', '/api/observatory/dashboard?indicators=persons');
    const ownTotals = own.json().indicators[0].totals;
    for (const point of ownTotals) {
      const summed = indicators[0].totals.find(
        (p: { year: number; source: string; synthetic: boolean }) =>
          p.year === point.year && p.source === point.source && p.synthetic === point.synthetic,
      );
      expect(summed.value, String(point.year)).toBe(point.value);
      expect(summed.delegations).toEqual(['Coorace Occitanie']);
    }
    const bad = await request(t, federation, 'GET', '/api/federation/observatory?indicators=inconnu');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('federation.unknown_indicator');
    const range = await request(t, federation, 'GET', '/api/federation/observatory?from=2024&to=2020');
    expect(range.json().error.code).toBe('federation.range_invalid');
  });

  it('reads the national report, and downloads it', async () => {
    const response = await request(t, federation, 'GET', '/api/federation/reports/2024');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.name).toBe('Fédération — 2 délégations');
    const own = await request(t, staff, 'GET', '/api/reports/2024');
    expect(report.members.total).toBe(own.json().members.total);
    expect(report.delegations.map((d: { slug: string }) => d.slug).sort()).toEqual(
      [own.json().delegation.slug, 'vide'].sort(),
    );
    const html = await request(t, federation, 'GET', '/api/federation/reports/2024/download?format=html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Fédération');
  });

  it('creates a delegation and invites its administrator', async () => {
    const created = await request(t, federation, 'POST', '/api/federation/delegations', {
      name: 'Coorace Bretagne',
      slug: 'bretagne',
      region: 'Bretagne',
      departments: ['22', '29', '35', '56'],
      adminEmail: 'Admin@Bretagne.example.org',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      delegation: { slug: 'bretagne', name: 'Coorace Bretagne' },
      invitedEmail: 'admin@bretagne.example.org',
    });
    expect(created.body).not.toContain('/invitation/');
    const mail = t.sentMail.find((m) => m.to === 'admin@bretagne.example.org');
    expect(mail?.text).toContain('Test fédération vous invite à rejoindre Coorace Bretagne');
    const taken = await request(t, federation, 'POST', '/api/federation/delegations', {
      name: 'Autre',
      slug: 'bretagne',
      adminEmail: 'x@example.org',
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.fields[0]).toMatchObject({ field: 'slug', code: 'delegations.slug_taken' });
  });

  it("is refused a delegation's routes, and a delegation's user the federation's", async () => {
    for (const url of ['/api/members/organisations', '/api/admin/users', '/api/governance/staff']) {
      expect((await request(t, federation, 'GET', url)).statusCode, url).toBe(403);
    }
    const asked = await t.app.inject({
      method: 'GET',
      url: '/api/members/organisations',
      headers: { cookie: federation, 'x-delegation': t.demoDelegationId },
    });
    expect(asked.statusCode).toBe(403);
    expect((await request(t, staff, 'GET', '/api/federation/delegations')).statusCode).toBe(403);
    expect((await request(t, null, 'GET', '/api/federation/delegations')).statusCode).toBe(401);
  });

  it("cannot change a delegation's records, even through its own transaction", async () => {
    const write = (statement: ReturnType<typeof sql>) =>
      withFederation(t.database.db, { userId: federationUserId, delegationId: t.demoDelegationId }, (tx) =>
        tx.execute(statement),
      ).then(
        () => 'written',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
    expect(await write(sql`update organisations set name = 'Piraté'`)).toMatch(/read-only transaction/);
    expect(await write(sql`delete from contacts`)).toMatch(/read-only transaction/);
    expect(
      await write(
        sql`insert into organisations (id, delegation_id, name) values (${randomUUID()}, ${t.demoDelegationId}, 'Intrus')`,
      ),
    ).toMatch(/read-only transaction/);
    const [names] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from organisations where name in ('Piraté', 'Intrus')`,
    );
    expect(names?.n).toBe(0);
  });
});
