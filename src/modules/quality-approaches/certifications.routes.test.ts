import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { expectFieldError, fieldNames, routeWorld } from '../../test/route-world.ts';
import { putDeclaredFigure } from '../figures/figures.service.ts';
import { certificationStats } from './certifications.service.ts';

const w = routeWorld();
const { call } = w;

let member: string;
const ids: Record<string, string> = {};
const base = '/api/quality-approaches';

beforeAll(async () => {
  Object.assign(
    ids,
    await w.addOrganisations(w.staff, { chorus: {}, regain: { postcode: '12300', types: ['AI'] } }),
  );
  member = await w.as('member', ids.chorus);
});

const certification = (overrides: object) => ({
  organisationId: null,
  label: 'CEDRE ISO 9001 Label RSE',
  body: 'CEDRE',
  status: 'certified',
  obtainedOn: '2023-01-15',
  expiresOn: '2026-01-15',
  ...overrides,
});

describe('certifications', () => {
  it('refuses bad input with French messages on the fields', async () => {
    const missing = await call(w.staff, 'POST', `${base}/certifications`, {
      organisationId: null,
      status: 'nope',
    });
    expect(missing.statusCode).toBe(400);
    const fields = fieldNames(missing);
    expect(fields).toEqual(expect.arrayContaining(['label', 'status']));
    const dates = await call(
      w.staff,
      'POST',
      `${base}/certifications`,
      certification({ expiresOn: '2022-01-01' }),
    );
    expectFieldError(dates, 422, {
      field: 'expiresOn',
      message: "La date d'expiration ne peut pas précéder la date d'obtention.",
    });
  });

  it('records the delegation’s own and the members’ certifications, with their audits', async () => {
    const own = await call(w.staff, 'POST', `${base}/certifications`, certification({}));
    expect(own.statusCode).toBe(201);
    ids.own = own.json().id;
    const audit = await call(w.staff, 'POST', `${base}/certifications/${ids.own}/audits`, {
      kind: 'follow_up',
      heldOn: '2023-11-01',
      datePrecision: 'month',
      result: 'passed',
    });
    expect(audit.statusCode).toBe(201);
    for (const [key, org, expiresOn] of [
      ['chorusCert', ids.chorus, '2025-03-01'],
      ['regainCert', ids.regain, '2027-06-30'],
    ] as const) {
      const created = await call(
        w.staff,
        'POST',
        `${base}/certifications`,
        certification({ organisationId: org, expiresOn }),
      );
      ids[key] = created.json().id;
      await call(w.staff, 'POST', `${base}/certifications/${ids[key]}/audits`, {
        kind: 'renewal',
        heldOn: '2024-05-10',
        result: key === 'chorusCert' ? 'passed' : 'failed',
      });
    }
    const list = await call(w.board, 'GET', `${base}/certifications`);
    expect(list.json()).toHaveLength(3);
    const mine = list.json().find((c: { id: string }) => c.id === ids.own);
    expect(mine).toMatchObject({
      organisationName: null,
      audits: [{ kind: 'follow_up', datePrecision: 'month' }],
    });
  });

  it('alerts on certifications expiring within the given days of a fixed today', async () => {
    const soon = await call(w.staff, 'GET', `${base}/certifications?expiringWithinDays=90&today=2025-12-01`);
    // The delegation's (15 Jan 2026, 45 days) and CHORUS's (already expired in March 2025).
    expect(soon.json().map((c: { id: string; daysToExpiry: number }) => [c.id, c.daysToExpiry])).toEqual([
      [ids.chorusCert, -275],
      [ids.own, 45],
    ]);
    const later = await call(w.staff, 'GET', `${base}/certifications?expiringWithinDays=30&today=2024-01-01`);
    expect(later.json()).toEqual([]);
  });

  it('counts the members’ renewals of a year next to the declared figure', async () => {
    const stats = await withTenant(
      w.t.database.db,
      { delegationId: w.delegationId, userId: null },
      async (tx) => {
        await putDeclaredFigure(tx, 2024, 'certificationRenewals', {
          value: 10,
          unit: 'count',
          label: 'Adhérents ayant renouvelé leur certification',
          source: 'Rapport 2024',
        });
        return certificationStats(tx, 2024);
      },
    );
    // CHORUS passed, REGAIN failed; the delegation's own follow-up is of 2023 and not a member's.
    expect(stats).toMatchObject({ year: 2024, certificationRenewals: 1, declared: { value: 10 } });
    const viaHttp = await call(w.board, 'GET', `${base}/certifications/stats?year=2023`);
    expect(viaHttp.json()).toMatchObject({ certificationRenewals: 0, declared: null });
  });

  it('lets a member read only its own organisation’s, and only staff write', async () => {
    const list = await call(member, 'GET', `${base}/certifications`);
    expect(list.json().map((c: { id: string }) => c.id)).toEqual([ids.chorusCert]);
    expect(
      (await call(member, 'GET', `${base}/certifications?organisationId=${ids.regain}`)).statusCode,
    ).toBe(403);
    expect((await call(member, 'GET', `${base}/certifications/${ids.regainCert}`)).statusCode).toBe(404);
    expect((await call(member, 'GET', `${base}/certifications/${ids.own}`)).statusCode).toBe(404);
    expect((await call(member, 'POST', `${base}/certifications`, certification({}))).statusCode).toBe(403);
    expect(
      (await call(w.board, 'PUT', `${base}/certifications/${ids.own}`, certification({}))).statusCode,
    ).toBe(403);
    expect((await call(w.board, 'DELETE', `${base}/certifications/${ids.own}`)).statusCode).toBe(403);
  });

  it('keeps another delegation out', async () => {
    expect((await call(w.otherStaff, 'GET', `${base}/certifications`)).json()).toEqual([]);
    expect((await call(w.otherStaff, 'GET', `${base}/certifications/${ids.own}`)).statusCode).toBe(404);
    expect((await call(w.otherStaff, 'DELETE', `${base}/certifications/${ids.own}`)).statusCode).toBe(404);
    const audit = { kind: 'initial', heldOn: '2024-01-01', result: 'passed' };
    expect(
      (await call(w.otherStaff, 'POST', `${base}/certifications/${ids.own}/audits`, audit)).statusCode,
    ).toBe(404);
  });

  it('exports the list to XLSX with dates as dates', async () => {
    const response = await call(w.board, 'GET', `${base}/certifications.xlsx?today=2025-12-01`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Certifications')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Titulaire');
    expect(sheet.rowCount).toBe(4);
    const own = [2, 3, 4]
      .map((n) => sheet.getRow(n))
      .find((row) => row.getCell(1).value === 'La délégation')!;
    expect(own.getCell(6).value).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(own.getCell(7).value).toBe(45);
    expect(own.getCell(8).value).toBe('Suivi');
  });
});
