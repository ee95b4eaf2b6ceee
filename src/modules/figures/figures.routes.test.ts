import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { routeWorld } from '../../test/route-world.ts';
import { declaredFigure, declaredFigures } from './figures.service.ts';

const w = routeWorld();
const { call } = w;

let member: string;

const hours = {
  value: 1761,
  unit: 'hours',
  label: 'Heures de formation des salariés permanents',
  source: "Rapport d'activité 2024, p. 18",
};

beforeAll(async () => {
  member = await w.as('member');
});

describe('declared figures', () => {
  it('refuses a key that is not a camelCase id, and bad values, in French on the field', async () => {
    for (const key of ['GepMeetings', 'gep-meetings', 'g', 'réunions']) {
      const response = await call(
        w.staff,
        'PUT',
        `/api/figures/declared/2024/${encodeURIComponent(key)}`,
        hours,
      );
      expect(response.statusCode, key).toBe(400);
      expect(response.json().error.fields).toEqual([
        expect.objectContaining({ field: 'key', code: 'figures.key_invalid' }),
      ]);
      expect(response.json().error.fields[0].message).toContain('camelCase');
    }
    const bad = await call(w.staff, 'PUT', '/api/figures/declared/2024/trainingHours', {
      ...hours,
      unit: 'days',
      source: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      expect.objectContaining({ field: 'unit', code: 'validation.unknown_value' }),
      expect.objectContaining({ field: 'source', message: 'Ce champ est obligatoire.' }),
    ]);
    expect((await call(w.staff, 'GET', '/api/figures/declared?year=1800')).statusCode).toBe(400);
  });

  it('records, replaces and deletes a year’s figure', async () => {
    const created = await call(w.staff, 'PUT', '/api/figures/declared/2024/trainingHours', hours);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ year: 2024, key: 'trainingHours', value: 1761, unit: 'hours' });
    const replaced = await call(w.staff, 'PUT', '/api/figures/declared/2024/trainingHours', {
      ...hours,
      value: 1762.5,
    });
    expect(replaced.statusCode).toBe(200);
    await call(w.staff, 'PUT', '/api/figures/declared/2024/gepMeetings', {
      value: 10,
      unit: 'count',
      label: "Rencontres des groupes d'échange",
      source: "Rapport d'activité 2024",
    });
    await call(w.staff, 'PUT', '/api/figures/declared/2023/gepMeetings', {
      value: 8,
      unit: 'count',
      label: "Rencontres des groupes d'échange",
      source: "Rapport d'activité 2023",
    });
    const year = (await call(w.board, 'GET', '/api/figures/declared?year=2024')).json();
    expect(year.items.map((f: { key: string; value: number }) => [f.key, f.value])).toEqual([
      ['gepMeetings', 10],
      ['trainingHours', 1762.5],
    ]);
    expect((await call(w.staff, 'DELETE', '/api/figures/declared/2024/gepMeetings')).statusCode).toBe(204);
    const missing = await call(w.staff, 'DELETE', '/api/figures/declared/2024/gepMeetings');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('figures.not_found');
  });

  it('serves the yearly report through the service', async () => {
    const figures = await withTenant(
      w.t.database.db,
      { delegationId: w.delegationId, userId: null },
      async (tx) => ({
        all: await declaredFigures(tx, 2023),
        one: await declaredFigure(tx, 2024, 'trainingHours'),
        none: await declaredFigure(tx, 2024, 'gepMeetings'),
      }),
    );
    expect(figures.all).toEqual([expect.objectContaining({ key: 'gepMeetings', value: 8 })]);
    expect(figures.one).toMatchObject({ value: 1762.5, source: "Rapport d'activité 2024, p. 18" });
    expect(figures.none).toBeNull();
  });

  it('lets the board read, not write; members neither; other delegations see nothing', async () => {
    expect((await call(w.board, 'PUT', '/api/figures/declared/2024/trainees', hours)).statusCode).toBe(403);
    expect((await call(w.board, 'DELETE', '/api/figures/declared/2024/trainingHours')).statusCode).toBe(403);
    expect((await call(member, 'GET', '/api/figures/declared?year=2024')).statusCode).toBe(403);
    expect((await call(w.otherStaff, 'GET', '/api/figures/declared?year=2024')).json().items).toEqual([]);
    expect((await call(w.otherStaff, 'DELETE', '/api/figures/declared/2024/trainingHours')).statusCode).toBe(
      404,
    );
  });
});
