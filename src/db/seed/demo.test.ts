import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAlreadyLoaded, loadDemo } from './demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.database, t.auth);
});
afterAll(() => t.close());

describe('the demo delegation of the 2024 activity report', () => {
  it('counts 53 members = 23 AI + 23 ACI + 3 ETTI + 2 EI + 1 GES + 1 EBE, from the records', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/stats/members?year=2024' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      year: 2024,
      total: 53,
      byType: { AI: 23, ACI: 23, ETTI: 3, EI: 2, GES: 1, EBE: 1 },
      byDepartment: {
        '09': 4,
        '11': 1,
        '12': 8,
        '31': 15,
        '32': 1,
        '34': 3,
        '46': 11,
        '48': 1,
        '66': 2,
        '81': 4,
        '82': 3,
      },
    });
  });

  it('has no member before the year the report attests', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/stats/members?year=2023' });
    expect(response.json()).toMatchObject({ year: 2023, total: 0 });
  });

  it('keeps the printed errors as printed, for the data-quality screen to find', async () => {
    const montauban = await t.app.inject({ method: 'GET', url: '/api/public/structures?q=au pre en bulles' });
    expect(montauban.json().items).toMatchObject([
      { name: 'AU PRE EN BULLES', postcode: '8200', department: '82' },
    ]);
    const germen = await t.app.inject({ method: 'GET', url: '/api/public/structures?q=germen' });
    expect(germen.json().items[0].phone).toBe('07.66.61.29.99');
  });

  it('lists AILES under Haute-Garonne and Tarn, and AVIE twice', async () => {
    const tarn = await t.app.inject({ method: 'GET', url: '/api/public/structures?department=81' });
    const ailes = tarn.json().items.find((i: { name: string }) => i.name === 'AILES');
    expect(ailes).toMatchObject({ department: '31', listedUnder: ['31', '81'] });
    const avie = await t.app.inject({ method: 'GET', url: '/api/public/structures?q=avie' });
    expect(
      avie
        .json()
        .items.map((i: { city: string }) => i.city)
        .sort(),
    ).toEqual(['MONTAUBAN', 'VILLEMUR SUR TARN']);
  });

  it('has the board elected on 16 May 2024 and the five staff', async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'board')!;
    const cookie = await signIn(t, account.email, DEMO_PASSWORD);
    const board = (
      await t.app.inject({ method: 'GET', url: '/api/governance/board', headers: { cookie } })
    ).json().items;
    expect(board).toHaveLength(17);
    expect(board.find((m: { role: string }) => m.role === 'president')).toMatchObject({
      lastName: 'RICCI',
      organisationName: 'CHORUS',
      nationalRepresentative: true,
      electedOn: '2024-05-16',
    });
    // "LE TREMLIN" is how the report spells the affiliation: it stays unlinked, not silently fixed.
    const tremlin = board.find((m: { organisationName: string }) => m.organisationName === 'LE TREMLIN');
    expect(tremlin.organisationId).toBeNull();
    const staff = (
      await t.app.inject({ method: 'GET', url: '/api/governance/staff', headers: { cookie } })
    ).json().items;
    expect(staff.map((s: { lastName: string }) => s.lastName)).toEqual([
      'IMBERDIS',
      'VERA',
      'FRIER',
      'MOREAU',
      'DELCOUR',
    ]);
  });

  it('creates the four demo accounts with their roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signIn(t, account.email, DEMO_PASSWORD);
      const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
      expect(me.role).toBe(account.role);
      expect(me.delegation.name).toBe('Coorace Occitanie');
      if (account.role === 'member') expect(me.organisationId).not.toBeNull();
    }
  });

  it('refuses to load twice', async () => {
    await expect(loadDemo(t.database, t.auth)).rejects.toBeInstanceOf(DemoAlreadyLoaded);
  });
});
