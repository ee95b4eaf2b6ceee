import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { expectFieldError } from '../../test/route-world.ts';
import { observatoryDeclared } from './observatory.table.ts';

let t: TestApp;
let staff: string;
let board: string;
let member: string;
let otherStaff: string;
let delegationA: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  delegationA = a.id;
  const b = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  member = (await signedInAs(t, { delegationId: a.id, role: 'member' })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
});
afterAll(() => t.close());

const persons = {
  value: 5000,
  qualifier: 'about',
  label: 'Personnes en parcours vers l’emploi',
  source: 'Rapport d’activité 2024 : « près de 5 000 personnes en parcours vers l’emploi »',
};

describe('declared aggregates', () => {
  it('records, replaces and lists a year’s aggregate with its qualifier and source', async () => {
    const created = await request(t, staff, 'PUT', '/api/observatory/declared/2023/persons', persons);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      year: 2023,
      indicatorCode: 'persons',
      conventionType: null,
      value: 5000,
      qualifier: 'about',
    });
    const replaced = await request(t, staff, 'PUT', '/api/observatory/declared/2023/persons', {
      ...persons,
      value: 4950,
    });
    expect(replaced.statusCode).toBe(200);
    // The same code for one type is another aggregate, beside the all-types one.
    const ofAci = await request(t, staff, 'PUT', '/api/observatory/declared/2023/persons', {
      ...persons,
      value: 700,
      conventionType: 'ACI',
    });
    expect(ofAci.statusCode).toBe(201);
    const list = (await request(t, board, 'GET', '/api/observatory/declared')).json();
    expect(
      list.items.map((i: { conventionType: string | null; value: number }) => [i.conventionType, i.value]),
    ).toEqual([
      ['ACI', 700],
      [null, 4950],
    ]);
    expect(list.items[1].source).toBe(persons.source);
  });

  it('filters the list by years', async () => {
    await request(t, staff, 'PUT', '/api/observatory/declared/2021/revenue', {
      ...persons,
      qualifier: 'exact',
    });
    const recent = (await request(t, staff, 'GET', '/api/observatory/declared?from=2022')).json();
    expect(recent.items.every((i: { year: number }) => i.year >= 2022)).toBe(true);
    const old = (await request(t, staff, 'GET', '/api/observatory/declared?to=2021')).json();
    expect(old.items.map((i: { indicatorCode: string }) => i.indicatorCode)).toEqual(['revenue']);
  });

  it('refuses bad input with French messages on the fields', async () => {
    const badCode = await request(
      t,
      staff,
      'PUT',
      '/api/observatory/declared/2023/chiffre-d-affaires',
      persons,
    );
    expectFieldError(badCode, 400, { field: 'indicatorCode', code: 'observatory.declared.code_invalid' });
    expect(badCode.json().error.fields[0].message).toContain('commence par une lettre');
    const missing = await request(t, staff, 'PUT', '/api/observatory/declared/2023/persons', {
      value: 5000,
      label: 'Personnes',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { field: 'source', code: 'validation.required', message: expect.any(String) },
    ]);
    const qualifier = await request(t, staff, 'PUT', '/api/observatory/declared/2023/persons', {
      ...persons,
      qualifier: 'presque',
    });
    expect(qualifier.json().error.fields[0]).toMatchObject({
      field: 'qualifier',
      code: 'validation.unknown_value',
    });
    const year = await request(t, staff, 'PUT', '/api/observatory/declared/1850/persons', persons);
    expect(year.json().error.fields[0].field).toBe('params.year');
  });

  it('lets the team write and the board read; members and other delegations get nothing', async () => {
    expect(
      (await request(t, board, 'PUT', '/api/observatory/declared/2023/persons', persons)).statusCode,
    ).toBe(403);
    expect((await request(t, board, 'DELETE', '/api/observatory/declared/2023/persons')).statusCode).toBe(
      403,
    );
    expect((await request(t, member, 'GET', '/api/observatory/declared')).statusCode).toBe(403);
    expect((await request(t, otherStaff, 'GET', '/api/observatory/declared')).json().items).toEqual([]);
    expect(
      (await request(t, otherStaff, 'DELETE', '/api/observatory/declared/2023/persons')).statusCode,
    ).toBe(404);
  });

  it('deletes one aggregate (all types or one type) and says when there is none', async () => {
    const removed = await request(
      t,
      staff,
      'DELETE',
      '/api/observatory/declared/2023/persons?conventionType=ACI',
    );
    expect(removed.statusCode).toBe(204);
    const left = (await request(t, staff, 'GET', '/api/observatory/declared?from=2023&to=2023')).json();
    expect(left.items.map((i: { conventionType: string | null }) => i.conventionType)).toEqual([null]);
    expect((await request(t, staff, 'DELETE', '/api/observatory/declared/2023/persons')).statusCode).toBe(
      204,
    );
    const again = await request(t, staff, 'DELETE', '/api/observatory/declared/2023/persons');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('observatory.declared.not_found');
  });

  it('holds one all-types aggregate per year and indicator, even written twice at once', async () => {
    const row = {
      year: 2019,
      indicatorCode: 'revenue',
      conventionType: null,
      value: 1,
      label: 'CA',
      source: 'test',
    };
    const insert = () =>
      withTenant(t.database.db, { delegationId: delegationA, userId: null }, (tx) =>
        tx.insert(observatoryDeclared).values(row),
      );
    await insert();
    await expect(insert()).rejects.toThrow();
  });
});
