import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts';
import { readTerritoriesFixture } from './demo-territories.ts';

// The report the demo is transcribed from, when the checkout sits next to it.
const seedReport = fileURLToPath(
  new URL('../../../../shared/seed/000_5d97c40b0277227f.txt', import.meta.url),
);

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const account = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
  staff = await signIn(t, account.email, DEMO_PASSWORD);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: staff } });
type Item = { id: string; kind: string; name: string; departments: string[]; authorisedOn: string | null };

describe('the territorial projects of the demo', () => {
  it('records the five TZCLD territories the report names, undated, and computes their count', async () => {
    const items: Item[] = (await get('/api/territories/projects?kind=tzcld')).json().items;
    expect(items.map((p) => [p.name, p.departments])).toEqual([
      ['Lodève', ['34']],
      ['Midi Quercy Caussadais', ['82']],
      ['Montpellier-Grabels', ['34']],
      ['Pézenas', ['34']],
      ['Saint-Girons', ['09']],
    ]);
    expect(items.every((p) => p.authorisedOn === null)).toBe(true);
    const lodeve = (await get(`/api/territories/projects/${items[0]!.id}`)).json();
    expect(lodeve.ebeOrganisation.name).toBe("L'ABEILLE VERTE");
    expect(lodeve.actions.map((a: { startsOn: string }) => a.startsOn)).toEqual(['2024-03-07', '2024-09-12']);
  });

  it('keeps the PTCE and ZEST’ totals as declared figures, apart from the records', async () => {
    const stats = (await get('/api/territories/stats?year=2024')).json();
    expect(stats.computed).toMatchObject({
      ptcePhase1: 0,
      ptcePhase2: 0,
      ptcePhaseUnknown: 1,
      tzcldTerritories: 5,
      zestProgrammes: 1,
      zestSessions: 0,
      zestTrainees: 0,
    });
    const declared = Object.fromEntries(
      Object.entries(stats.declared).map(([k, f]) => [k, (f as { value: number } | null)?.value ?? null]),
    );
    expect(declared).toEqual({
      ptcePhase1: 11,
      ptcePhase2: 6,
      tzcldTerritories: null,
      zestSessions: 3,
      zestTrainees: 31,
    });
  });

  it('links the PTCE and ZEST’ projects to their day of the chronicle', async () => {
    const items: Item[] = (await get('/api/territories/projects')).json().items;
    const dates = async (name: string) => {
      const id = items.find((p) => p.name === name)!.id;
      return (await get(`/api/territories/projects/${id}`))
        .json()
        .actions.map((a: { startsOn: string }) => a.startsOn);
    };
    expect(await dates('PTCE EDENN')).toEqual(['2024-02-08']);
    expect(await dates("ZEST' Occitanie")).toEqual(['2024-12-05']);
  });

  it('quotes the report word for word', async () => {
    if (!existsSync(seedReport)) return;
    const report = readFileSync(seedReport, 'utf8').replace(/\s+/g, ' ');
    const fixture = await readTerritoriesFixture();
    for (const figure of fixture.declared) {
      const quote = figure.source.match(/« (.*) »/)?.[1];
      expect(quote && report.includes(quote), figure.key).toBe(true);
    }
    for (const project of fixture.projects.filter((p) => p.kind === 'tzcld'))
      expect(report).toContain(`${project.name} (${project.departments[0]})`);
  });
});
