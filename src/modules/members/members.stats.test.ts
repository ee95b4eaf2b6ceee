import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countingUnits, countMembers, isMemberDuring, type StatsOrganisation } from './members.stats.ts';
import type { ConventionType } from './members.table.ts';

interface DemoFile {
  organisations: {
    name: string;
    establishments: { department: string; conventions: ConventionType[] }[];
  }[];
}

/** The demo registry as printed in the 2024 report, each organisation a member all year. */
function demoOrganisations(): StatsOrganisation[] {
  const file = JSON.parse(
    readFileSync(new URL('../../../fixtures/demo-2024/members.json', import.meta.url), 'utf8'),
  ) as DemoFile;
  return file.organisations.map((o, i) => ({
    id: `org-${i}`,
    periods: [{ knownFrom: '2024-01-01', leftOn: null }],
    establishments: o.establishments.map((e, j) => ({ id: `org-${i}-${j}`, department: e.department })),
    conventions: o.establishments.flatMap((e, j) =>
      e.conventions.map((type) => ({ type, establishmentId: `org-${i}-${j}` })),
    ),
  }));
}

const org = (partial: Partial<StatsOrganisation>): StatsOrganisation => ({
  id: 'o',
  periods: [{ knownFrom: '2024-01-01', leftOn: null }],
  establishments: [],
  conventions: [],
  ...partial,
});

describe('countMembers', () => {
  it("reproduces the 2024 report's headline: 53 = 23 AI + 23 ACI + 3 ETTI + 2 EI + 1 GES + 1 EBE", () => {
    const stats = countMembers(demoOrganisations(), 2024);
    expect(stats.total).toBe(53);
    expect(stats.byType).toEqual({ AI: 23, ACI: 23, EI: 2, ETTI: 3, GES: 1, EBE: 1 });
    expect(Object.values(stats.byDepartment).reduce((a, b) => a + b, 0)).toBe(53);
    expect(stats.byDepartment['09']).toBe(4);
  });

  it('counts nobody in a year when the demo members were not yet members', () => {
    expect(countMembers(demoOrganisations(), 2023)).toEqual({
      year: 2023,
      total: 0,
      byType: {},
      byDepartment: {},
    });
  });

  it('counts a GES once, in the department of the establishment holding it', () => {
    const ges = org({
      establishments: [
        { id: 'hq', department: '31' },
        { id: 'ges', department: '09' },
      ],
      conventions: [
        { type: 'AI', establishmentId: 'hq' },
        { type: 'ACI', establishmentId: 'hq' },
        { type: 'GES', establishmentId: 'ges' },
      ],
    });
    expect(countingUnits(ges)).toEqual([['GES', '09']]);
  });

  it('counts each establishment and type once, and a convention without establishment once for its type', () => {
    const units = countingUnits(
      org({
        establishments: [
          { id: 'a', department: '31' },
          { id: 'b', department: '82' },
        ],
        conventions: [
          { type: 'AI', establishmentId: 'a' },
          { type: 'AI', establishmentId: 'a' },
          { type: 'AI', establishmentId: 'b' },
          { type: 'ACI', establishmentId: null },
          { type: 'ACI', establishmentId: null },
        ],
      }),
    );
    expect(units).toEqual([
      ['AI', '31'],
      ['AI', '82'],
      ['ACI', '31'],
    ]);
  });

  it('keeps a unit without department in the total only', () => {
    const stats = countMembers([org({ conventions: [{ type: 'EBE', establishmentId: null }] })], 2024);
    expect(stats).toEqual({ year: 2024, total: 1, byType: { EBE: 1 }, byDepartment: {} });
  });
});

describe('isMemberDuring', () => {
  it('includes both ends of a period', () => {
    expect(isMemberDuring([{ knownFrom: '2024-12-31', leftOn: null }], 2024)).toBe(true);
    expect(isMemberDuring([{ knownFrom: '2020-05-01', leftOn: '2024-01-01' }], 2024)).toBe(true);
    expect(isMemberDuring([{ knownFrom: '2020-05-01', leftOn: '2023-12-31' }], 2024)).toBe(false);
    expect(isMemberDuring([{ knownFrom: '2025-01-01', leftOn: null }], 2024)).toBe(false);
    expect(isMemberDuring([], 2024)).toBe(false);
  });
});
