import { beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError, routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

const ids: Record<string, string> = {};

beforeAll(async () => {
  Object.assign(
    ids,
    await w.addOrganisations(w.staff, { chorus: {}, regain: { types: ['AI', 'ACI'] }, abeille: {} }),
  );
});

describe('dues', () => {
  it('keeps a grid per year, refusing overlapping ranges in French', async () => {
    const overlapping = await call(w.staff, 'PUT', '/api/dues/grids/2025', {
      basis: 'etp',
      rules: [
        { conventionType: 'AI', from: 0, to: 20, amount: 300 },
        { conventionType: 'AI', from: 10, to: null, amount: 600 },
      ],
    });
    expectFieldError(overlapping, 422, { field: 'rules.1.from', code: 'dues.rules_overlap' });
    const saved = await call(w.staff, 'PUT', '/api/dues/grids/2025', {
      basis: 'etp',
      rules: [
        { conventionType: 'AI', from: null, to: 10, amount: 300 },
        { conventionType: 'AI', from: 10, to: null, amount: 600 },
        { conventionType: 'ACI', from: null, to: null, amount: 450 },
        { conventionType: null, from: null, to: null, amount: 200 },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect((await call(w.board, 'GET', '/api/dues/grids/2025')).json().rules).toHaveLength(4);
    expect(
      (await call(w.board, 'PUT', '/api/dues/grids/2025', { basis: 'flat', rules: [] })).statusCode,
    ).toBe(403);
  });

  it('calls the dues of every member the grid can price, and lists the ones needing a size', async () => {
    const all = await call(w.staff, 'POST', '/api/dues/calls/all', { year: 2025 });
    expect(all.statusCode).toBe(200);
    // REGAIN (AI + ACI) gets the ACI flat amount; L'ABEILLE VERTE the default; CHORUS (AI) needs its size.
    expect(all.json()).toMatchObject({ called: 2, skipped: [{ organisationName: 'CHORUS' }] });
    const noSize = await call(w.staff, 'POST', '/api/dues/calls', { organisationId: ids.chorus, year: 2025 });
    expect(noSize.statusCode).toBe(422);
    expect(noSize.json().error.fields[0].field).toBe('basisValue');
    const sized = await call(w.staff, 'POST', '/api/dues/calls', {
      organisationId: ids.chorus,
      year: 2025,
      basisValue: 12.5,
    });
    expect(sized.statusCode).toBe(201);
    expect(sized.json().amountCalled).toBe(600);
    const again = await call(w.staff, 'POST', '/api/dues/calls', {
      organisationId: ids.chorus,
      year: 2025,
      amount: 10,
    });
    expect(again.statusCode).toBe(409);
  });

  it('records payments and shows what is unpaid', async () => {
    const year = (await call(w.staff, 'GET', '/api/dues?year=2025')).json();
    const regain = year.items.find((i: { organisationName: string }) => i.organisationName === 'REGAIN');
    expect(regain.call).toMatchObject({ amountCalled: 450, amountPaid: 0, status: 'unpaid' });
    const partial = await call(w.staff, 'PATCH', `/api/dues/calls/${regain.call.id}`, {
      amountPaid: 200,
      paidOn: new Date().toISOString().slice(0, 10),
    });
    expect(partial.json().amountPaid, partial.body).toBe(200);
    const after = (await call(w.board, 'GET', '/api/dues?year=2025')).json();
    expect(
      after.items.find((i: { organisationName: string }) => i.organisationName === 'REGAIN').call.status,
    ).toBe('partial');
    expect(after.totals).toEqual({ called: 1250, paid: 200, outstanding: 1050 });
    const early = await call(w.staff, 'PATCH', `/api/dues/calls/${regain.call.id}`, { paidOn: '2000-01-01' });
    expect(early.json().error.fields[0].code).toBe('dues.paid_before_called');
  });

  it('exports what is not fully paid as French Excel reads it', async () => {
    const response = await call(w.board, 'GET', '/api/dues/unpaid.csv?year=2025');
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFFAdhérent;Types;Statut')).toBe(true);
    const lines = response.body.trim().split('\r\n');
    // CHORUS (called, unpaid), L'ABEILLE VERTE (unpaid), REGAIN (partial: 450 called, 200 paid).
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('REGAIN'))).toContain('Partielle;450;200;250;');
  });

  it('stays within the delegation', async () => {
    const other = (await call(w.otherStaff, 'GET', '/api/dues?year=2025')).json();
    expect(other).toMatchObject({ hasGrid: false, items: [], totals: { called: 0 } });
    const foreign = await call(w.otherStaff, 'POST', '/api/dues/calls', {
      organisationId: ids.chorus,
      year: 2025,
      amount: 1,
    });
    expect(foreign.statusCode).toBe(422);
  });
});
