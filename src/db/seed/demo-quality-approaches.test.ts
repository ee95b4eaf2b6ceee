import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificationStats,
  listCertifications,
} from '../../modules/quality-approaches/certifications.service.ts';
import { cohorts } from '../../modules/quality-approaches/quality-approaches.table.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { type Tx, withTenant } from '../client.ts';
import { readQualityFixture } from './demo-quality-approaches.ts';

// The report the demo is transcribed from, when the checkout sits next to it.
const seedReport = fileURLToPath(
  new URL('../../../../shared/seed/000_5d97c40b0277227f.txt', import.meta.url),
);

let t: TestApp;
let delegationId: string;
beforeAll(async () => {
  const demo = await createTestApp({ demo: true });
  t = demo;
  delegationId = demo.demoDelegationId;
});
afterAll(() => t.close());

const inDemo = <T>(fn: (tx: Tx) => Promise<T>) =>
  withTenant(t.database.db, { delegationId, userId: null }, fn);
const staffView = { role: 'staff' as const, organisationId: null };

describe('demo quality approaches', () => {
  it('holds the delegation’s own certification and its follow-up audit of November 2023', async () => {
    const list = await inDemo((tx) => listCertifications(tx, staffView, {}));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      organisationId: null,
      label: 'CEDRE ISO 9001 Label RSE',
      status: 'certified',
      audits: [{ kind: 'follow_up', heldOn: '2023-11-01', datePrecision: 'month', result: 'passed' }],
    });
  });

  it('declares the 10 members’ renewals of 2024 without naming them, and no cohort', async () => {
    const stats = await inDemo((tx) => certificationStats(tx, 2024));
    expect(stats.certificationRenewals).toBe(0);
    expect(stats.declared).toMatchObject({ value: 10, unit: 'count' });
    expect(await inDemo((tx) => tx.select().from(cohorts))).toEqual([]);
  });

  it('quotes the report word for word', async () => {
    if (!existsSync(seedReport)) return;
    const report = readFileSync(seedReport, 'utf8');
    const fixture = await readQualityFixture();
    const quotes = [...JSON.stringify(fixture).matchAll(/« ([^»]+) »/g)].map((m) => m[1]!.trim());
    const fromReport = quotes.filter((q) => q.length > 30);
    expect(fromReport.length).toBeGreaterThan(2);
    for (const quote of fromReport) expect(report).toContain(quote.replace(/\\"/g, '"'));
  });
});
