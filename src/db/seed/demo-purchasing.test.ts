import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts';
import { readPurchasingFixture } from './demo-purchasing.ts';

// The report the demo is transcribed from, when the checkout sits next to it.
const seedReport = fileURLToPath(
  new URL('../../../../shared/seed/000_5d97c40b0277227f.txt', import.meta.url),
);

let t: TestApp;
let staff: string;
let board: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  staff = await signIn(t, DEMO_ACCOUNTS.find((a) => a.role === 'staff')!.email, DEMO_PASSWORD);
  board = await signIn(t, DEMO_ACCOUNTS.find((a) => a.role === 'board')!.email, DEMO_PASSWORD);
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const quoted = (source: string) => /: « (.+) »$/.exec(source)![1]!;

describe('inclusive purchasing in the demo', () => {
  it('has the two buyers of the report and no invented opportunity', async () => {
    const buyers = (await get(staff, '/api/purchasing/buyers')).json().items;
    expect(buyers.map((b: { name: string; sector: string }) => [b.name, b.sector])).toEqual([
      ['Groupe SNCF', 'public'],
      ['Vinci Insertion Emploi', 'private'],
    ]);
    expect((await get(board, '/api/purchasing/buyers')).json().items[1].contactName).toBeNull();
    expect((await get(staff, '/api/purchasing/opportunities')).json().items).toEqual([]);
  });

  it("declares the buyer's 2023 totals apart from what is computed, each with its quote", async () => {
    const stats = (await get(board, '/api/purchasing/stats?year=2023')).json();
    expect(stats.computed).toMatchObject({ opportunities: 0, matches: 0, insertionHours: 0 });
    expect(
      stats.declared.map((f: { key: string; value: number; unit: string }) => [f.key, f.value, f.unit]),
    ).toEqual([
      ['vieInsertionHours', 74_332, 'hours'],
      ['vieOrders', 550, 'count'],
      ['vieProviders', 187, 'count'],
    ]);
    for (const figure of stats.declared) expect(figure.label).toContain("chiffre de l'acheteur");
    // What is quoted is in the report, word for word (its bold marks aside), when it sits next to the checkout.
    const fixture = await readPurchasingFixture();
    if (!existsSync(seedReport)) return;
    const report = readFileSync(seedReport, 'utf8').replaceAll('**', '');
    for (const item of [...fixture.buyers, ...stats.declared]) expect(report).toContain(quoted(item.source));
  });
});
