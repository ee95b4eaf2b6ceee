import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { expectFieldError, expectFieldNames } from '../../test/route-world.ts';
import { auditLog } from '../audit/audit.table.ts';
import { delegations } from './delegations.table.ts';
import { checkLogo } from './logo.ts';

let t: TestApp;
let admin: string;
let staff: string;
let delegationId: string;
let otherId: string;
let slug: string;

const settings = {
  name: 'Coorace Bretagne',
  network: 'Coorace',
  region: 'Bretagne',
  departmentsCovered: ['22', '29', '35', '56'],
  addresses: [{ line: '2 rue de la Paix', postcode: '35000', city: 'RENNES' }],
  phone: '0299000000',
  email: 'Contact@Bretagne.example.org',
  website: 'www.bretagne.example.org',
  missions: [{ code: 'representer', label: 'Représenter' }],
  objectives: [
    { number: 1, axis: 'Emploi', text: 'Développer les SIAE' },
    { number: 3, axis: 'Territoires', text: 'Ancrer les SIAE' },
  ],
  reportTagline: 'Ensemble pour l’emploi',
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c00"/></svg>',
);

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDelegation(t.database);
  delegationId = d.id;
  slug = d.slug;
  otherId = (await createDelegation(t.database)).id;
  admin = (await signedInAs(t, { delegationId, role: 'admin' })).cookie;
  staff = (await signedInAs(t, { delegationId, role: 'staff' })).cookie;
});
afterAll(async () => t?.close());

describe('the delegation settings', () => {
  it('are for administrators only', async () => {
    expect((await request(t, staff, 'GET', '/api/delegation/settings')).statusCode).toBe(403);
    expect((await request(t, staff, 'PUT', '/api/delegation/settings', settings)).statusCode).toBe(403);
  });

  it('are written, normalised, shown on the public page, and kept in the history', async () => {
    const saved = await request(t, admin, 'PUT', '/api/delegation/settings', settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      slug,
      phone: '02 99 00 00 00',
      email: 'contact@bretagne.example.org',
      website: 'https://www.bretagne.example.org',
      objectives: settings.objectives,
      reportTagline: 'Ensemble pour l’emploi',
      logoUrl: null,
    });
    const page = (await request(t, null, 'GET', `/api/public/organisation?delegation=${slug}`)).json();
    expect(page.delegation).toMatchObject({
      name: 'Coorace Bretagne',
      region: 'Bretagne',
      missions: settings.missions,
    });
    const history = await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tableName, 'delegations'), eq(auditLog.recordId, delegationId))),
    );
    expect(history).toHaveLength(1);
    expect(history[0]?.actorUserId).not.toBeNull();
    // The other delegation is untouched.
    const [other] = await t.database.db.select().from(delegations).where(eq(delegations.id, otherId));
    expect(other?.name).not.toBe('Coorace Bretagne');
  });

  it('put the tagline on the activity report’s cover', async () => {
    const html = await request(t, admin, 'GET', '/api/reports/2024/download?format=html');
    expect(html.statusCode, html.body.slice(0, 300)).toBe(200);
    expect(html.body).toContain('<p class="tagline">Ensemble pour l’emploi</p>');
    const json = (await request(t, admin, 'GET', '/api/reports/2024')).json();
    expect(JSON.stringify(json)).toContain('Ensemble pour l’emploi');
  });

  it('names each field at fault', async () => {
    const response = await request(t, admin, 'PUT', '/api/delegation/settings', {
      ...settings,
      departmentsCovered: ['99'],
      phone: '12',
      addresses: [{ line: 'x', postcode: '00000', city: 'Y' }],
      objectives: [
        { number: 1, axis: 'a', text: 'b' },
        { number: 1, axis: 'c', text: 'd' },
      ],
    });
    expectFieldNames(response, 422, [
      'departmentsCovered',
      'phone',
      'addresses.0.postcode',
      'objectives.1.number',
    ]);
  });

  it('takes a PNG or a plain SVG logo and serves it publicly', async () => {
    const png = await request(t, admin, 'PUT', '/api/delegation/logo', { data: PNG.toString('base64') });
    expect(png.statusCode, png.body).toBe(200);
    expect(png.json().logoUrl).toBe(`/api/public/logo?delegation=${slug}`);
    const served = await request(t, null, 'GET', `/api/public/logo?delegation=${slug}`);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect(
      (await request(t, admin, 'PUT', '/api/delegation/logo', { data: SVG.toString('base64') })).statusCode,
    ).toBe(200);
    const svg = await request(t, null, 'GET', `/api/public/logo?delegation=${slug}`);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a scripted SVG and what is not an image', async () => {
    const scripted = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const response = await request(t, admin, 'PUT', '/api/delegation/logo', {
      data: Buffer.from(scripted).toString('base64'),
    });
    expectFieldError(response, 422, { field: 'logo', code: 'delegations.logo_scripted' });
    expect(checkLogo(Buffer.from('<svg onload="x()"></svg>'))).toEqual({
      ok: false,
      code: 'delegations.logo_scripted',
    });
    expect(checkLogo(Buffer.from('<svg><a href="javascript:x"/></svg>'))).toEqual({
      ok: false,
      code: 'delegations.logo_scripted',
    });
    expect(checkLogo(Buffer.from('<html><body></body></html>'))).toEqual({
      ok: false,
      code: 'delegations.logo_type',
    });
    expect(checkLogo(Buffer.from('%PDF-1.4'))).toEqual({ ok: false, code: 'delegations.logo_type' });
  });

  it('cannot be written into another delegation, even by the app role', async () => {
    const changed = await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
      tx.update(delegations).set({ name: 'Détournée' }).where(eq(delegations.id, otherId)).returning(),
    );
    expect(changed).toEqual([]);
    await expect(
      withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
        tx.update(delegations).set({ slug: 'vole' }).where(eq(delegations.id, delegationId)),
      ),
    ).rejects.toThrow();
  });
});
