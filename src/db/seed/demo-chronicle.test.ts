import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkActionShape } from '../../modules/actions/actions.rules.ts';
import { actionMembers, actionPartners, actions, partners } from '../../modules/actions/actions.table.ts';
import { declaredFigures } from '../../modules/figures/figures.table.ts';
import { organisations } from '../../modules/members/members.table.ts';
import { practiceGroups } from '../../modules/practice-groups/practice-groups.table.ts';
import { trainingSessions } from '../../modules/trainings/trainings.table.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { type Tx, withTenant } from '../client.ts';
import { type ChronicleFixture, chronicleFixture, readChronicleFixture } from './demo-chronicle.ts';

// The report the demo is transcribed from, when the checkout sits next to it.
const seedReport = fileURLToPath(
  new URL('../../../../shared/seed/000_5d97c40b0277227f.txt', import.meta.url),
);

let t: TestApp;
let delegationId: string;
let fixture: ChronicleFixture;
beforeAll(async () => {
  const demo = await createTestApp({ demo: true });
  t = demo;
  delegationId = demo.demoDelegationId;
  fixture = await readChronicleFixture('chronicle.json', chronicleFixture);
});
afterAll(() => t.close());

const inDemo = <T>(fn: (tx: Tx) => Promise<T>) =>
  withTenant(t.database.db, { delegationId, userId: null }, fn);
const allActions = () => inDemo((tx) => tx.select().from(actions).orderBy(asc(actions.startsOn)));
const oneAction = async (title: string) => {
  const rows = await inDemo((tx) => tx.select().from(actions).where(eq(actions.title, title)));
  expect(rows).toHaveLength(1);
  return rows[0]!;
};
const partnersOf = (actionId: string) =>
  inDemo((tx) =>
    tx
      .select({ name: partners.name, role: actionPartners.role })
      .from(actionPartners)
      .innerJoin(partners, eq(partners.id, actionPartners.partnerId))
      .where(eq(actionPartners.actionId, actionId))
      .orderBy(asc(partners.name)),
  );
const membersOf = (actionId: string) =>
  inDemo((tx) =>
    tx
      .select({ name: organisations.name, role: actionMembers.role })
      .from(actionMembers)
      .innerJoin(organisations, eq(organisations.id, actionMembers.organisationId))
      .where(eq(actionMembers.actionId, actionId))
      .orderBy(asc(organisations.name)),
  );

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** The days and months a printed date names: "Les 28 et 29 novembre" → days 28, 29 of month 11. */
function printedDate(text: string) {
  const withoutYear = text.replace(/\b20\d\d\b/g, '');
  const days = [...withoutYear.matchAll(/\b(\d{1,2})\b/g)].map((m) => Number(m[1]));
  const months = MONTHS.flatMap((name, index) => (new RegExp(`\\b${name}\\b`).test(text) ? [index + 1] : []));
  return { days, months };
}
const lastDayOf = (month: number) => new Date(Date.UTC(2024, month, 0)).getUTCDate();
const iso = (month: number, day: number) =>
  `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('the chronicle of the 2024 report in the demo', () => {
  it('loads every dated action of the chronicle, public, with its source and shape checks passed', async () => {
    const rows = await allActions();
    expect(rows).toHaveLength(fixture.actions.length);
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const row of rows) {
      expect(row.source).toMatch(/^Rapport d'activité 2024, « .+ »$/);
      expect(row.visibility).toBe('public');
      expect(row.startsOn.startsWith('2024-')).toBe(true);
      expect(row.summary?.length).toBeGreaterThan(0);
      expect(checkActionShape({ ...row, registrationClosesOn: null }), row.title).toEqual([]);
    }
  });

  it('dates no action to a day the report does not give', async () => {
    const printed = new Map(fixture.actions.map((a) => [a.title, a.dateAsPrinted]));
    for (const row of await allActions()) {
      const { days, months } = printedDate(printed.get(row.title) ?? '');
      expect(months.length, row.title).toBeGreaterThan(0);
      const [start, end] = [row.startsOn, row.endsOn];
      if (days.length === 0) {
        // "en janvier et février": month precision, from the first to the last day of the months named.
        expect(row.datePrecision, row.title).toBe('month');
        expect(start).toBe(iso(Math.min(...months), 1));
        expect(end).toBe(iso(Math.max(...months), lastDayOf(Math.max(...months))));
      } else {
        expect(row.datePrecision, row.title).toBe('day');
        const given = days.flatMap((day) => months.map((month) => iso(month, day)));
        expect(given, row.title).toContain(start);
        expect(given, row.title).toContain(end);
      }
    }
  });

  it.skipIf(!existsSync(seedReport))('quotes each date as the report prints it', () => {
    const report = readFileSync(seedReport, 'utf8');
    for (const action of fixture.actions) expect(report, action.title).toContain(action.dateAsPrinted);
  });

  it('keeps month precision where the report names only a month', async () => {
    const discriminations = await oneAction(
      'Ateliers de lutte contre les discriminations à Entraide Partage Travail',
    );
    expect(discriminations).toMatchObject({
      datePrecision: 'month',
      startsOn: '2024-01-01',
      endsOn: '2024-02-29',
      town: 'Pibrac',
      department: '31',
    });
    expect(await membersOf(discriminations.id)).toEqual([
      { name: 'ENTRAIDE PARTAGE TRAVAIL', role: 'participant' },
    ]);
    const newsletter = await oneAction("Fil d'actualités n° 27");
    expect(newsletter).toMatchObject({
      kind: 'publication',
      datePrecision: 'month',
      startsOn: '2024-06-01',
      endsOn: '2024-06-30',
    });
  });

  it('has the 27 February practice-exchange meeting online, 6 participants, in its group, no structure named', async () => {
    const gep = await oneAction('Premier GEP développement économique ACI, EI, EBE');
    expect(gep).toMatchObject({
      kind: 'practice_exchange',
      startsOn: '2024-02-27',
      endsOn: '2024-02-27',
      online: true,
      participantsCount: 6,
      participantsQualifier: 'exact',
      participantsSource: 'declared',
    });
    expect(gep.summary).toContain('six professionnels de quatre structures');
    expect(await membersOf(gep.id)).toEqual([]);
    const groups = await inDemo((tx) => tx.select().from(practiceGroups).orderBy(asc(practiceGroups.name)));
    expect(groups.map((g) => g.name)).toEqual([
      'GEP CIP',
      'GEP comptables/paye en AI',
      'GEP développement économique – mise à disposition de personnel',
      'GEP développement économique – production de biens et services (ACI, EI, EBE)',
    ]);
    expect(groups.find((g) => g.id === gep.practiceGroupId)?.audience).toMatch(/^ACI, EI et EBE/);
    expect(groups.find((g) => g.name === 'GEP CIP')?.description).toContain(
      'évaluation/valorisation des compétences',
    );
  });

  it('has the Séverac-d’Aveyron training of 28–29 November, by Coorace Formation, funded by Uniformation', async () => {
    const action = await oneAction("Formation des CIP et professionnels de l'accompagnement en Aveyron");
    expect(action).toMatchObject({
      kind: 'training',
      startsOn: '2024-11-28',
      endsOn: '2024-11-29',
      department: '12',
    });
    expect(action.town).toMatch(/^S[ée]v[ée]rac/);
    expect(await partnersOf(action.id)).toEqual([
      { name: 'Coorace Formation', role: 'organiser' },
      { name: 'Uniformation', role: 'funder' },
    ]);
    expect(await membersOf(action.id)).toEqual([{ name: 'EMPLOI SOLIDARITE LOZERE', role: 'organiser' }]);
    const sessions = await inDemo((tx) =>
      tx.select().from(trainingSessions).where(eq(trainingSessions.actionId, action.id)),
    );
    expect(sessions).toHaveLength(1);
    const session = sessions[0]!;
    expect(session).toMatchObject({
      trainer: 'Marion Moinet Bulot',
      organisationsCount: 6,
      traineesCount: null,
      hoursTotal: null,
      startsOn: '2024-11-28',
      endsOn: '2024-11-29',
    });
    const byId = new Map(
      (await inDemo((tx) => tx.select().from(partners))).map((p) => [p.id, p.name] as const),
    );
    expect(byId.get(session.providerId!)).toBe('Coorace Formation');
    expect(byId.get(session.funderId!)).toBe('Uniformation');
  });

  it('stores the chronicle’s totals given without detail as declared figures', async () => {
    // Other parts of the demo (programmes) declare their own 2024 totals; these are the chronicle's.
    const keys = [
      'antiDiscriminationStructures',
      'fsePlusMembers',
      'gepMeetings',
      'trainees',
      'trainingHours',
    ];
    const figures = await inDemo((tx) =>
      tx
        .select()
        .from(declaredFigures)
        .where(and(eq(declaredFigures.year, 2024), inArray(declaredFigures.key, keys)))
        .orderBy(asc(declaredFigures.key)),
    );
    expect(figures.map(({ key, value, unit }) => ({ key, value, unit }))).toEqual([
      { key: 'antiDiscriminationStructures', value: 5, unit: 'count' },
      { key: 'fsePlusMembers', value: 10, unit: 'count' },
      { key: 'gepMeetings', value: 10, unit: 'count' },
      { key: 'trainees', value: 101, unit: 'count' },
      { key: 'trainingHours', value: 1761, unit: 'hours' },
    ]);
    for (const figure of figures) expect(figure.source).toMatch(/^Rapport d'activité 2024, « .+ »$/);
  });

  it('keeps counts as the report qualifies them ("plus de 80", "près de 150")', async () => {
    expect(
      await oneAction('Journée IAE et handicap : coopérations entre structures inclusives'),
    ).toMatchObject({
      participantsCount: 80,
      participantsQualifier: 'at_least',
    });
    expect(
      await oneAction("Conférence territoriale de la concertation pour une loi du droit à l'emploi"),
    ).toMatchObject({
      participantsCount: 150,
      participantsQualifier: 'about',
      town: 'Pau',
      department: '64',
    });
    const counted = (await allActions()).filter((a) => a.participantsCount !== null);
    expect(counted).toHaveLength(3);
  });

  it('records the two ETAIE days and the SASER week with its three events separately', async () => {
    const rows = await allActions();
    const titled = (prefix: string) => rows.filter((a) => a.title.startsWith(prefix));
    expect(titled('20 ans de la formation ETAIE').map((a) => [a.startsOn, a.town])).toEqual([
      ['2024-09-11', 'Montpellier'],
      ['2024-09-18', 'Toulouse'],
    ]);
    const saser = await oneAction('Semaine des achats socialement et écologiquement responsables (SASER)');
    expect([saser.startsOn, saser.endsOn]).toEqual(['2024-05-27', '2024-05-31']);
    expect(await partnersOf(saser.id)).toEqual([
      { name: 'CRESS Occitanie', role: 'organiser' },
      { name: 'ESS France', role: 'organiser' },
    ]);
    const martel = await oneAction('Matinale achats responsables à Martel');
    expect((await membersOf(martel.id)).map((m) => m.name)).toEqual([
      'APIE',
      'ENTRAIDE',
      'INITIATIVES EMPLOIS',
    ]);
    const breakfast = await oneAction("Petit-déjeuner d'Inter'Em pendant la SASER");
    expect(breakfast).toMatchObject({ startsOn: '2024-05-31', town: null });
    expect(await membersOf(breakfast.id)).toEqual([{ name: "INTER'EM", role: 'organiser' }]);
  });

  it('keeps the Nord Toulousain day without a town, and the assemblies of the year', async () => {
    const ptce = await oneAction('Journée régionale des PTCE occitans');
    expect(ptce).toMatchObject({ startsOn: '2024-02-08', town: null, department: null });
    expect(ptce.summary).toContain('Nord Toulousain');
    const assemblies = (await allActions()).filter((a) => a.kind === 'general_assembly');
    expect(assemblies.map((a) => [a.startsOn, a.town])).toEqual([
      ['2024-05-16', 'Villefranche-de-Rouergue'],
      ['2024-06-27', 'Nanterre'],
      ['2024-07-03', 'Montpellier'],
    ]);
    const ownAssembly = assemblies[0]!;
    expect((await membersOf(ownAssembly.id)).map((m) => m.name)).toEqual([
      "INTER'EMPLOI",
      'RECYCLERIE DU ROUERGUE',
    ]);
  });

  it('registers the partners the chronicle names, none marked as thanked', async () => {
    const rows = await inDemo((tx) => tx.select().from(partners));
    expect(rows.filter((p) => p.thanked)).toEqual([]);
    const kinds = Object.fromEntries(rows.map((p) => [p.name, [p.kind, p.department]]));
    expect(kinds).toMatchObject({
      'CRESS Occitanie': ['cress', null],
      'Région Occitanie': ['region', null],
      'Conseil départemental du Gard': ['department', '30'],
      'Coorace Formation': ['training_body', null],
      'Vinci Insertion Emploi': ['company', null],
    });
    // Every registered partner takes part in at least one action, or is named with the PTCE cell.
    const linked = new Set(
      (await inDemo((tx) => tx.select({ id: actionPartners.partnerId }).from(actionPartners))).map(
        (r) => r.id,
      ),
    );
    expect(rows.filter((p) => !linked.has(p.id)).map((p) => p.name)).toEqual(['Banque des Territoires']);
  });
});
