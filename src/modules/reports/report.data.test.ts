import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, withTenant } from '../../db/client.ts';
import { loadDemo } from '../../db/seed/demo.ts';
import { createTestDatabase } from '../../test/database.ts';
import { testPasswordHash } from '../../test/password-hash.ts';
import { createAuth } from '../accounts/auth.ts';
import { buildAnnualReport } from './report.data.ts';
import { createSmallDelegation } from './report.test-fixtures.ts';
import type { AnnualReport, ReportProgress } from './report.types.ts';

const fixture = <T>(name: string): T =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../fixtures/demo-2024/${name}`, import.meta.url)), 'utf8'),
  ) as T;

const REQUIRED_IDS = [
  'membersTotal',
  'observatoryMembers',
  'observatoryRevenue',
  'observatoryWages',
  'peopleInPathways',
  'trainees',
  'trainingHours',
  'gepMeetings',
  'fsePlusMembers',
  'zestSessions',
  'zestTrainees',
  'ptcePhase1',
  'ptcePhase2',
  'tzcldTerritories',
  'certificationRenewals',
  'fundersInGuide',
  'actions',
  'participants',
];

let database: Database;
let demoId: string;
let report: AnnualReport;
const steps: ReportProgress[] = [];
const build = (delegationId: string, year: number, onProgress?: (p: ReportProgress) => void) =>
  withTenant(database.db, { delegationId, userId: null }, (tx) =>
    buildAnnualReport(tx, { year }, onProgress),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  const auth = createAuth({
    db: database.db,
    baseUrl: 'http://localhost:3000',
    secret: randomBytes(32).toString('hex'),
    sessionMaxAgeHours: 24,
    passwordHash: testPasswordHash,
  });
  ({ delegationId: demoId } = await loadDemo(database, auth));
  report = await build(demoId, 2024, (p) => steps.push(p));
});
afterAll(() => database.close());

describe('the demo delegation’s 2024 report', () => {
  it('counts 53 members by the counting rule', () => {
    expect(report).toMatchObject({ schemaVersion: 1, year: 2024, scope: 'delegation', frozen: null });
    expect(report.members.total).toBe(53);
    expect(report.members.byType).toEqual({ AI: 23, ACI: 23, ETTI: 3, EI: 2, GES: 1, EBE: 1 });
    expect(report.members.organisations).toBe(49);
    expect(report.keyFigures.membersTotal).toMatchObject({ value: 53, source: 'computed', group: 'members' });
    expect(report.keyFigures.membersAI?.value).toBe(23);
    const byDepartment = report.members.byDepartment.reduce((sum, d) => sum + d.count, 0);
    expect(byDepartment).toBe(53);
  });

  it('describes the delegation with the names of its departments and the texts written for the year', () => {
    expect(report.delegation.name).toBe('Coorace Occitanie');
    expect(report.delegation.departmentsCovered).toHaveLength(13);
    expect(report.delegation.departmentsCovered[0]).toEqual({ code: '09', name: 'Ariège' });
    expect(report.delegation.missions).toHaveLength(5);
    const texts = fixture<{ presidentWord: string; priorities: string }>('report-texts.json');
    expect(report.texts.presidentWord).toBe(texts.presidentWord);
    expect(report.texts.presidentWord.startsWith('Bonjour à toutes et à tous,\n\n')).toBe(true);
    expect(report.texts.presidentSignature).toBe('Sylvia Ricci');
    const priorities = report.texts.priorities.split('\n');
    expect(priorities).toHaveLength(8);
    expect(priorities.every((line) => line.startsWith('- '))).toBe(true);
  });

  it('lists every organisation of the printed directory under each department it is printed in', () => {
    const members = fixture<{
      organisations: {
        name: string;
        establishments: {
          listedUnder: string[];
          address: string;
          postcode: string;
          phone: string;
          email: string;
        }[];
      }[];
    }>('members.json');
    const codes = report.members.byDepartment.map((d) => d.code);
    expect(codes).toEqual([...codes].sort());
    for (const org of members.organisations)
      for (const est of org.establishments)
        for (const code of est.listedUnder) {
          const department = report.members.byDepartment.find((d) => d.code === code);
          expect(department?.organisations, `${org.name} in ${code}`).toContainEqual(
            expect.objectContaining({
              name: org.name,
              address: est.address,
              postcode: est.postcode,
              phone: est.phone,
              email: est.email,
            }),
          );
        }
    const ariege = report.members.byDepartment.find((d) => d.code === '09');
    expect(ariege?.name).toBe('Ariège');
    expect(ariege?.organisations.find((o) => o.name === 'IRISSE')?.types).toEqual(['AI', 'ACI', 'GES']);
    const tarn = report.members.byDepartment.find((d) => d.code === '81');
    expect(tarn?.organisations.map((o) => o.name)).toContain('AILES');
  });

  it('shows the board elected on 16 May 2024 and the five staff', () => {
    const board = fixture<{
      mandates: {
        firstName: string;
        lastName: string;
        role: string | null;
        nationalRepresentative: boolean;
      }[];
    }>('board.json');
    expect(report.assembly).toEqual({ date: '2024-05-16', place: 'Villefranche-de-Rouergue (12)' });
    expect(report.board.map((m) => [m.person, m.roleCode, m.nationalRepresentative])).toEqual(
      board.mandates.map((m) => [`${m.firstName} ${m.lastName}`, m.role, m.nationalRepresentative]),
    );
    const ricci = report.board.find((m) => m.person === 'Sylvia RICCI');
    expect(ricci).toMatchObject({ role: 'Présidence', organisation: 'CHORUS', department: '12' });
    expect(report.board.find((m) => m.roleCode === null)?.role).toBe('Administrateur·rice');
    const staff = fixture<{ staff: { firstName: string; lastName: string; jobTitle: string }[] }>(
      'staff.json',
    );
    expect(report.staff.map((s) => [s.person, s.title])).toEqual(
      staff.staff.map((s) => [`${s.firstName} ${s.lastName}`, s.jobTitle]),
    );
  });

  it('puts every dated action of the chronicle in its month', () => {
    expect(report.chronicle.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(report.chronicle[4]?.label).toBe('mai');
    const chronicle = fixture<{ actions: { title: string; startsOn: string; datePrecision: string }[] }>(
      'chronicle.json',
    );
    for (const action of chronicle.actions) {
      const month = report.chronicle[Number(action.startsOn.slice(5, 7)) - 1];
      expect(
        month?.actions.map((a) => a.title),
        action.title,
      ).toContain(action.title);
      const found = month?.actions.find((a) => a.title === action.title);
      expect(found).toMatchObject({ date: action.startsOn, datePrecision: action.datePrecision });
    }
    const all = report.chronicle.flatMap((m) => m.actions);
    expect(report.keyFigures.actions).toMatchObject({ value: all.length, source: 'computed' });
    expect(all.some((a) => a.summary && a.partners.length > 0 && a.members.length > 0)).toBe(true);
    const participants = all
      .filter((a) => a.participants)
      .reduce((sum, a) => sum + (a.participants?.value ?? 0), 0);
    expect(report.keyFigures.participants?.value).toBe(participants);
  });

  it('gives the declared totals with their source, never added to the records', () => {
    const sources = new Map<string, string>();
    for (const file of ['declared-figures.json', 'quality-approaches.json'])
      for (const f of fixture<{ figures: { key: string; source: string }[] }>(file).figures)
        sources.set(f.key, f.source);
    for (const f of fixture<{ declared: { key: string; source: string }[] }>('territories.json').declared)
      sources.set(f.key, f.source);
    const expected: Record<string, number> = {
      gepMeetings: 10,
      trainees: 101,
      trainingHours: 1761,
      fsePlusMembers: 10,
      zestSessions: 3,
      zestTrainees: 31,
      ptcePhase1: 11,
      ptcePhase2: 6,
      certificationRenewals: 10,
      antiDiscriminationStructures: 5,
    };
    for (const [id, value] of Object.entries(expected))
      expect(report.keyFigures[id], id).toMatchObject({ value, source: 'declared', from: sources.get(id) });
    expect(report.keyFigures.tzcldTerritories).toMatchObject({ value: 5, source: 'computed' });
  });

  it('prints the observatory of the year before, as declared', () => {
    const observatory = fixture<{ aggregates: { indicatorCode: string; source: string }[] }>(
      'observatory-declared.json',
    );
    const source = (code: string) => observatory.aggregates.find((a) => a.indicatorCode === code)?.source;
    const figures = report.keyFigures;
    expect(figures.observatoryMembers).toMatchObject({
      value: 59,
      source: 'declared',
      from: source('membersAnswering'),
    });
    expect(figures.observatoryRevenue?.value).toBeCloseTo(31.3e6, -5);
    expect(figures.observatoryWages).toMatchObject({ source: 'declared', from: source('payroll') });
    expect(figures.observatoryWages?.value).toBeCloseTo(34.5e6, -5);
    expect(figures.peopleInPathways).toMatchObject({ value: 5000, qualifier: 'about', source: 'declared' });
    expect(figures.observatoryRevenue?.label).toContain('2023');
  });

  it('has every required key figure, and says where each comes from', () => {
    for (const id of REQUIRED_IDS) expect(report.keyFigures[id], id).toBeDefined();
    for (const [id, f] of Object.entries(report.keyFigures)) {
      expect(f.from, id).not.toBe('');
      expect(['computed', 'declared'], id).toContain(f.source);
    }
  });

  it('thanks the partners of the year’s actions first', () => {
    const linked = new Set(report.chronicle.flatMap((m) => m.actions.flatMap((a) => a.partners)));
    expect(report.partners.length).toBeGreaterThan(0);
    const firstOther = report.partners.findIndex((p) => !linked.has(p.name));
    const lastLinked = report.partners.findLastIndex((p) => linked.has(p.name));
    expect(firstOther === -1 || lastLinked < firstOther).toBe(true);
  });

  it('reports its progress step by step', () => {
    expect(steps.map((s) => s.done)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.at(-1)).toMatchObject({ done: steps.length, total: steps.length });
    expect(steps.map((s) => s.step)).toEqual(expect.arrayContaining(['members', 'chronicle', 'figures']));
  });

  it('falls back on the synthetic campaign, flagged, for a year without declared observatory', async () => {
    const later = await build(demoId, 2025);
    const revenue = later.keyFigures.observatoryRevenue;
    expect(revenue?.label).toContain('2024');
    // The demo generates a synthetic campaign on 2024 data and declares nothing for 2024.
    expect(revenue?.value).toBeGreaterThan(0);
    expect(revenue).toMatchObject({ source: 'computed', synthetic: true });
    expect(revenue?.from).toContain('synthétique');
    expect(later.keyFigures.trainees).toMatchObject({ value: null, source: 'computed' });
    expect(later.texts).toEqual({ presidentWord: '', presidentSignature: '', priorities: '' });
  });
});

describe('a small delegation made up for the test', () => {
  let small: AnnualReport;
  beforeAll(async () => {
    const delegation = await createSmallDelegation(database, {
      slug: 'petite',
      year: 2031,
      prefix: 'PETITE',
      declared: [{ key: 'actions', value: 5, source: 'Compte rendu 2031' }],
    });
    small = await build(delegation.id, 2031);
  });

  it('gets its own members, board, staff and chronicle, and nothing of the demo', () => {
    expect(small.delegation).toMatchObject({ slug: 'petite', name: 'PETITE Délégation' });
    expect(small.delegation.departmentsCovered).toEqual([
      { code: '29', name: 'Finistère' },
      { code: '35', name: 'Ille-et-Vilaine' },
    ]);
    expect(small.members).toMatchObject({ total: 3, organisations: 3, byType: { AI: 1, ACI: 1, EI: 1 } });
    expect(
      small.members.byDepartment.map((d) => [d.code, d.count, d.organisations.map((o) => o.name)]),
    ).toEqual([
      ['29', 2, ['PETITE BATIMENT', 'PETITE JARDINS']],
      ['35', 1, ['PETITE SERVICES']],
    ]);
    expect(small.assembly).toEqual({ date: '2031-06-20', place: 'Rennes (35)' });
    expect(small.board.map((m) => [m.person, m.role])).toEqual([
      ['Anne PRÉSIDENTE', 'Présidence'],
      ['Bruno TRÉSORIER', 'Trésorerie'],
      ['Chloé ADMINISTRATRICE', 'Administrateur·rice'],
    ]);
    expect(small.staff).toEqual([{ person: 'Dana SALARIÉE', title: 'déléguée régionale', missions: [] }]);
    const listed = small.chronicle.flatMap((m) => m.actions.map((a) => [m.month, a.title]));
    expect(listed).toEqual([
      [3, 'PETITE Journée régionale'],
      [10, 'PETITE Webinaire'],
    ]);
    expect(small.chronicle[2]?.actions[0]).toMatchObject({
      kind: 'Journée régionale',
      place: 'Quimper (29)',
      participants: { value: 40, qualifier: 'plus de', label: 'participants' },
      partners: ['PETITE Conseil départemental'],
      members: ['PETITE JARDINS'],
    });
    expect(small.chronicle[9]?.actions[0]).toMatchObject({ place: 'En ligne', datePrecision: 'month' });
    expect(small.partners.map((p) => p.name)).toEqual(['PETITE Conseil départemental', 'PETITE Fondation']);
    const text = JSON.stringify(small);
    for (const demo of ['Occitanie', 'RICCI', 'CHORUS', 'IRISSE', 'Ariège']) expect(text).not.toContain(demo);
  });

  it('keeps the declared total apart from the count of its records', () => {
    expect(small.keyFigures.actions).toMatchObject({
      value: 5,
      source: 'declared',
      from: 'Compte rendu 2031',
    });
    expect(small.keyFigures.actionsRecorded).toMatchObject({ value: 2, source: 'computed' });
    expect(small.keyFigures.participants).toMatchObject({ value: 40, source: 'computed' });
    expect(small.keyFigures.membersTotal).toMatchObject({ value: 3, source: 'computed' });
    for (const id of REQUIRED_IDS) expect(small.keyFigures[id], id).toBeDefined();
    for (const id of ['trainees', 'gepMeetings', 'observatoryRevenue', 'ptcePhase1', 'fundersInGuide'])
      expect(small.keyFigures[id], id).toMatchObject({ value: null, source: 'computed' });
    expect(small.keyFigures.observatoryMembers?.label).toContain('2030');
    expect(small.texts).toEqual({ presidentWord: '', presidentSignature: '', priorities: '' });
  });
});
