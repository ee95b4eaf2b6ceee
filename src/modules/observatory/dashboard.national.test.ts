import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, type TestApp } from '../../test/app.ts';
import { createCampaignWithAnswers, createOrganisations } from './dashboard.fixture.ts';
import { nationalRollup } from './dashboard.national.ts';

let t: TestApp;
let first: string;

beforeAll(async () => {
  // A database of its own: the national roll-up sums every delegation's answers.
  t = await createTestApp({ own: true });
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  first = a.id;
  const ofA = await createOrganisations(t.database, a.id, ['A1', 'A2']);
  const ofB = await createOrganisations(t.database, b.id, ['B1']);
  await createCampaignWithAnswers(t.database, a.id, { year: 2023 }, [
    { organisationId: ofA.A1!, type: 'AI', department: '31', values: { revenue: 100, persons: 9 } },
    {
      organisationId: ofA.A2!,
      type: 'ACI',
      department: '46',
      status: 'submitted',
      values: { revenue: 5000 },
    },
  ]);
  await createCampaignWithAnswers(t.database, b.id, { year: 2023 }, [
    { organisationId: ofB.B1!, type: 'EI', department: '75', values: { revenue: 250 } },
  ]);
  await createCampaignWithAnswers(t.database, b.id, { year: 2024, synthetic: true }, [
    { organisationId: ofB.B1!, type: 'EI', department: '75', values: { revenue: 777 } },
  ]);
});
afterAll(() => t.close());

describe('national roll-up', () => {
  it('sums validated answers of every delegation by year, synthetic years apart', async () => {
    expect(await nationalRollup(t.database.db, 'revenue', 2020, 2030)).toEqual([
      { year: 2023, synthetic: false, value: 350, answers: 2, delegations: 2 },
      { year: 2024, synthetic: true, value: 777, answers: 1, delegations: 1 },
    ]);
    expect(await nationalRollup(t.database.db, 'revenue', 2024, 2024)).toHaveLength(1);
  });

  it('refuses to run where row-level security applies, rather than answer zeros', async () => {
    await expect(
      withTenant(t.database.db, { delegationId: first, userId: null }, (tx) =>
        nationalRollup(tx as unknown as Db, 'revenue', 2020, 2030),
      ),
    ).rejects.toThrow(/bypasses row-level security/);
  });
});
