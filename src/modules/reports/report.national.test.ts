import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../test/database.ts';
import { buildNationalReport } from './report.national.ts';
import { createSmallDelegation } from './report.test-fixtures.ts';
import type { AnnualReport, ReportProgress } from './report.types.ts';

const YEAR = 2031;
let database: Database;
let report: AnnualReport;
const steps: ReportProgress[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await createSmallDelegation(database, {
    slug: 'alpha',
    year: YEAR,
    prefix: 'ALPHA',
    declared: [
      { key: 'actions', value: 5, source: 'Bilan ALPHA' },
      { key: 'gepMeetings', value: 4, source: 'Bilan ALPHA' },
    ],
  });
  await createSmallDelegation(database, { slug: 'beta', year: YEAR, prefix: 'BETA' });
  await createSmallDelegation(database, {
    slug: 'gamma',
    year: YEAR,
    prefix: 'GAMMA',
    declared: [{ key: 'gepMeetings', value: 6, source: 'Bilan GAMMA' }],
  });
  report = await buildNationalReport(database.db, YEAR, (p) => steps.push(p));
});
afterAll(() => database.close());

describe('the national report', () => {
  it('sums the members of every delegation', () => {
    expect(report).toMatchObject({ scope: 'national', year: YEAR, board: [], staff: [], assembly: null });
    expect(report.delegation.name).toBe('Fédération — 3 délégations');
    expect(report.delegation.network).toBe('Réseau test');
    expect(report.members).toMatchObject({ total: 9, organisations: 9, byType: { AI: 3, ACI: 3, EI: 3 } });
    expect(report.members.byDepartment.map((d) => [d.code, d.name, d.count, d.organisations.length])).toEqual(
      [
        ['29', 'Finistère', 6, 6],
        ['35', 'Ille-et-Vilaine', 3, 3],
      ],
    );
    expect(report.delegations).toEqual([
      { slug: 'alpha', name: 'ALPHA Délégation', membersTotal: 3, actions: 2 },
      { slug: 'beta', name: 'BETA Délégation', membersTotal: 3, actions: 2 },
      { slug: 'gamma', name: 'GAMMA Délégation', membersTotal: 3, actions: 2 },
    ]);
  });

  it('sums each key figure, keeping declared and computed apart', () => {
    const f = report.keyFigures;
    expect(f.membersTotal).toMatchObject({ value: 9, source: 'computed' });
    expect(f.participants).toMatchObject({ value: 120, source: 'computed' });
    // Declared by two delegations, recorded by none: still a declared total.
    expect(f.gepMeetings).toMatchObject({ value: 10, source: 'declared' });
    expect(f.gepMeetings?.from).toContain('Somme des totaux déclarés de 2');
    // Declared by one, counted from records by the others: the sum says it mixes both.
    expect(f.actions).toMatchObject({ value: 9, source: 'declared' });
    expect(f.actions?.from).toMatch(/mêlant.*ALPHA Délégation.*calculés.*BETA Délégation, GAMMA Délégation/);
    // The records of the delegation that declared its total stay apart.
    expect(f.actionsRecorded).toMatchObject({ value: 2, source: 'computed' });
    expect(f.trainees).toMatchObject({ value: null, source: 'computed' });
  });

  it('merges the chronicles month by month and the partners', () => {
    expect(report.chronicle).toHaveLength(12);
    expect(report.chronicle[2]?.actions.map((a) => a.title)).toEqual([
      'ALPHA Journée régionale',
      'BETA Journée régionale',
      'GAMMA Journée régionale',
    ]);
    expect(report.chronicle[5]?.actions).toEqual([]);
    expect(report.partners).toHaveLength(6);
  });

  it('reports its progress per delegation', () => {
    expect(steps.map((s) => s.done)).toEqual([1, 2, 3, 4]);
    expect(steps.at(-1)).toMatchObject({ step: 'merge', done: 4, total: 4 });
  });

  it('builds fourteen delegations in well under 20 seconds', async () => {
    for (let i = 0; i < 11; i += 1)
      await createSmallDelegation(database, { slug: `extra-${i}`, year: YEAR, prefix: `EXTRA${i}` });
    const started = performance.now();
    const fourteen = await buildNationalReport(database.db, YEAR);
    const seconds = (performance.now() - started) / 1000;
    expect(fourteen.delegations).toHaveLength(14);
    expect(fourteen.members.total).toBe(42);
    expect(seconds).toBeLessThan(10);
  }, 60_000);
});
