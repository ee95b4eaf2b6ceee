import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observatoryCampaigns } from '../../modules/observatory/observatory.table.ts';
import { ruleProblems, syntheticAnswers } from '../../modules/observatory/synthetic.check.ts';
import { SYNTHETIC_TITLE } from '../../modules/observatory/synthetic.ts';
import { createTestApp, signIn, type TestApp } from '../../test/app.ts';
import { type Tx, withTenant } from '../client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts';
import { readObservatoryFixture } from './demo-observatory.ts';

// The report the demo is transcribed from, when the checkout sits next to it.
const seedReport = fileURLToPath(
  new URL('../../../../shared/seed/000_5d97c40b0277227f.txt', import.meta.url),
);

let t: TestApp;
let delegationId: string;
let staff: string;
beforeAll(async () => {
  const demo = await createTestApp({ demo: true });
  t = demo;
  delegationId = demo.demoDelegationId;
  const account = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
  staff = await signIn(t, account.email, DEMO_PASSWORD);
});
afterAll(() => t.close());

const inDemo = <T>(fn: (tx: Tx) => Promise<T>) =>
  withTenant(t.database.db, { delegationId, userId: null }, fn);
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: staff } });

describe('the observatory of the demo', () => {
  it('declares the 2023 figures of the report, each with its quote', async () => {
    const items = (await get('/api/observatory/declared')).json().items;
    expect(
      items.map((i: { year: number; indicatorCode: string; value: number; qualifier: string }) => [
        i.year,
        i.indicatorCode,
        i.value,
        i.qualifier,
      ]),
    ).toEqual([
      [2023, 'membersAnswering', 59, 'exact'],
      [2023, 'payroll', 34_500_000, 'exact'],
      [2023, 'persons', 5000, 'about'],
      [2023, 'revenue', 31_300_000, 'exact'],
    ]);
    const fixture = await readObservatoryFixture();
    const report = existsSync(seedReport) ? readFileSync(seedReport, 'utf8') : fixture.quote;
    for (const item of items) {
      expect(item.source).toMatch(/^Rapport d'activité 2024, « Observatoire régional » : « .+ »$/);
      // What is quoted is in the report, word for word.
      const quoted = /: « (.+) »$/.exec(item.source)![1]!;
      expect(report).toContain(quoted);
      expect(fixture.quote).toContain(quoted);
    }
    expect(items.find((i: { indicatorCode: string }) => i.indicatorCode === 'payroll').label).toContain(
      'Salaires versés',
    );
  });

  it('has synthetic campaigns for 2024 and 2025, labelled as such', async () => {
    const campaigns = await inDemo((tx) =>
      tx.select().from(observatoryCampaigns).orderBy(asc(observatoryCampaigns.year)),
    );
    expect(campaigns.map((c) => [c.year, c.synthetic, c.status, c.title])).toEqual([
      [2024, true, 'closed', SYNTHETIC_TITLE],
      [2025, true, 'closed', SYNTHETIC_TITLE],
    ]);
  });

  it('generates answers that keep every rule of the catalogue', async () => {
    const answers = await inDemo(syntheticAnswers);
    // Per year, one answer per member and type: 23 AI (AVIE's two establishments answer
    // once), 24 ACI (IRISSE's GES answers through its AI and ACI), 3 ETTI, 2 EI, 1 EBE.
    expect(answers.filter((a) => a.year === 2024)).toHaveLength(53);
    expect(answers.filter((a) => a.year === 2025)).toHaveLength(53);
    expect(ruleProblems(answers)).toEqual([]);
  });

  it('shows the declared year and the synthetic years apart on the dashboard', async () => {
    const body = (await get('/api/observatory/dashboard?indicators=revenue,persons,membersAnswering')).json();
    expect(body.synthetic).toBe(true);
    const [revenue, persons, members] = body.indicators;
    expect(
      revenue.totals.map((p: { year: number; source: string; synthetic: boolean }) => [
        p.year,
        p.source,
        p.synthetic,
      ]),
    ).toEqual([
      [2023, 'declared', false],
      [2024, 'computed', true],
      [2025, 'computed', true],
    ]);
    expect(revenue.totals[0]).toMatchObject({ value: 31_300_000, qualifier: 'exact' });
    expect(persons.totals[0]).toMatchObject({ year: 2023, value: 5000, qualifier: 'about' });
    // 49 organisations of the registry answer (IRISSE's three conventions count once).
    expect(members.totals.slice(1).map((p: { value: number }) => p.value)).toEqual([49, 49]);
    // Orders of magnitude close to the report's, without copying it.
    const synthetic2024 = revenue.totals[1].value;
    expect(synthetic2024).toBeGreaterThan(10_000_000);
    expect(synthetic2024).toBeLessThan(60_000_000);
  });
});
