import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Tx, withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { observatoryCampaigns, observatoryIndicators, observatorySubmissions } from './observatory.table.ts';
import { ruleProblems, syntheticAnswers } from './synthetic.check.ts';
import { generateSyntheticCampaign, SYNTHETIC_TITLE } from './synthetic.ts';

let t: TestApp;
const delegations: string[] = [];

const members = [
  { name: 'CHORUS', conventionTypes: ['AI'], postcode: '12300' },
  { name: 'REGAIN', conventionTypes: ['AI', 'ACI'], postcode: '46100' },
  { name: 'IRISSE', conventionTypes: ['AI', 'ACI', 'GES'], postcode: '09200' },
  { name: 'TREMPLIN', conventionTypes: ['ETTI'], postcode: '31000' },
  { name: "L'ABEILLE", conventionTypes: ['EBE'], postcode: '34700' },
];

beforeAll(async () => {
  t = await createTestApp();
  // Two delegations with the same members: the same seed must give them the same figures.
  for (let i = 0; i < 2; i++) {
    const delegation = await createDelegation(t.database);
    delegations.push(delegation.id);
    const staff = (await signedInAs(t, { delegationId: delegation.id, role: 'staff' })).cookie;
    for (const member of members) {
      const created = await request(t, staff, 'POST', '/api/members/organisations', {
        name: member.name,
        establishment: { postcode: member.postcode },
        conventionTypes: member.conventionTypes,
        joinedOn: '2023-06-01',
      });
      expect(created.statusCode).toBe(201);
    }
  }
});
afterAll(() => t.close());

const inDelegation = <T>(index: number, fn: (tx: Tx) => Promise<T>) =>
  withTenant(t.database.db, { delegationId: delegations[index]!, userId: null }, fn);

describe('synthetic campaigns', () => {
  it('creates the year and the one before, closed, synthetic, titled as such, with the default catalogue', async () => {
    const created = await inDelegation(0, (tx) => generateSyntheticCampaign(tx, { year: 2025, seed: 7 }));
    // One answer per organisation and type; IRISSE's GES does not answer for itself.
    expect(created.map((c) => [c.year, c.submissions])).toEqual([
      [2024, 7],
      [2025, 7],
    ]);
    const campaigns = await inDelegation(0, (tx) =>
      tx.select().from(observatoryCampaigns).orderBy(asc(observatoryCampaigns.year)),
    );
    expect(campaigns.map((c) => [c.year, c.status, c.synthetic, c.title])).toEqual([
      [2024, 'closed', true, SYNTHETIC_TITLE],
      [2025, 'closed', true, SYNTHETIC_TITLE],
    ]);
    const indicators = await inDelegation(0, (tx) =>
      tx.select().from(observatoryIndicators).where(eq(observatoryIndicators.campaignId, campaigns[0]!.id)),
    );
    expect(indicators.map((i) => i.code)).toContain('exitsTotal');
    const statuses = await inDelegation(0, (tx) =>
      tx.selectDistinct({ status: observatorySubmissions.status }).from(observatorySubmissions),
    );
    expect(statuses).toEqual([{ status: 'validated' }]);
  });

  it('generates figures that keep every rule of the catalogue, from one year to the next', async () => {
    const answers = await inDelegation(0, syntheticAnswers);
    expect(answers).toHaveLength(14);
    expect(ruleProblems(answers)).toEqual([]);
    // Shapes by type: an AI employs many people for few hours each, an ACI fewer nearly full time.
    const of = (type: string) => answers.filter((a) => a.conventionType === type && a.year === 2025);
    for (const ai of of('AI')) expect(ai.values.hoursPaid! / ai.values.persons!).toBeLessThan(400);
    for (const aci of of('ACI')) {
      expect(aci.values.persons).toBeGreaterThanOrEqual(18);
      expect(aci.values.persons).toBeLessThanOrEqual(44);
      expect(aci.values.hoursPaid! / aci.values.persons!).toBeGreaterThan(600);
      // The aide au poste of an ACI: about 24 k€ per full-time post.
      expect(aci.values.aideAuPoste! / aci.values.etpPathway!).toBeGreaterThan(22_000);
    }
    expect(of('EBE')[0]!.values.aideAuPoste).toBeUndefined();
    expect(of('ETTI')[0]!.values.clients).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed and members give the same figures', async () => {
    await inDelegation(1, (tx) => generateSyntheticCampaign(tx, { year: 2025, seed: 7 }));
    const strip = (answers: Awaited<ReturnType<typeof syntheticAnswers>>) =>
      answers
        .map(({ organisationId: _id, ...rest }) => rest)
        .sort((a, b) => a.year - b.year || JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const first = strip(await inDelegation(0, syntheticAnswers));
    const second = strip(await inDelegation(1, syntheticAnswers));
    expect(second).toEqual(first);
  });

  it('refuses a year that has a campaign, and leaves an existing previous year alone', async () => {
    await expect(
      inDelegation(0, (tx) => generateSyntheticCampaign(tx, { year: 2025, seed: 1 })),
    ).rejects.toMatchObject({
      code: 'observatory.synthetic.year_taken',
      status: 409,
    });
    const next = await inDelegation(0, (tx) => generateSyntheticCampaign(tx, { year: 2026, seed: 7 }));
    expect(next.map((c) => c.year)).toEqual([2026]);
  });
});
