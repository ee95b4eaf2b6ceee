import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDelegation,
  createTestApp,
  type HttpMethod,
  request,
  signedInAs,
  type TestApp,
} from '../../test/app.ts';

let t: TestApp;
let staff: string;
let board: string;
let organisationId: string;

const call = (cookie: string, method: HttpMethod, url: string, payload?: object) =>
  request(t, cookie, method, url, payload);

const history = async () =>
  (await call(staff, 'GET', `/api/members/organisations/${organisationId}/history`)).json().items as {
    id: number;
    tableName: string;
    action: string;
    recordId: string;
    changes: { field: string; before: unknown; after: unknown }[];
  }[];

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: delegation.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: delegation.id, role: 'board' })).cookie;
  const created = await call(staff, 'POST', '/api/members/organisations', {
    name: 'RECYCLERIE DU ROUERGUE',
    establishment: { postcode: '12200', city: 'VILLEFRANCHE DE ROUERGUE', phone: '05 65 45 54 39' },
    conventionTypes: ['ACI'],
  });
  organisationId = created.json().id;
});
afterAll(() => t.close());

describe('restoring a previous value from the history', () => {
  it('gives a field back its value before a change, as a new audited change', async () => {
    await call(staff, 'PATCH', `/api/members/organisations/${organisationId}`, { name: 'RECYCLERIE' });
    const rename = (await history()).find((e) => e.tableName === 'organisations' && e.action === 'update');
    expect(rename?.changes).toEqual([
      { field: 'name', before: 'RECYCLERIE DU ROUERGUE', after: 'RECYCLERIE' },
    ]);
    const restored = await call(
      staff,
      'POST',
      `/api/members/organisations/${organisationId}/history/${rename?.id}/restore`,
      {
        field: 'name',
      },
    );
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().name).toBe('RECYCLERIE DU ROUERGUE');
    const latest = (await history())[0];
    expect(latest).toMatchObject({
      action: 'update',
      changes: [{ field: 'name', before: 'RECYCLERIE', after: 'RECYCLERIE DU ROUERGUE' }],
    });
  });

  it('restores an establishment field through the same checks as the form', async () => {
    const record = (await call(staff, 'GET', `/api/members/organisations/${organisationId}`)).json();
    const establishmentId = record.establishments[0].id;
    await call(staff, 'PATCH', `/api/members/establishments/${establishmentId}`, { phone: '05 65 00 00 00' });
    const change = (await history()).find((e) => e.tableName === 'establishments' && e.action === 'update');
    const restored = await call(
      staff,
      'POST',
      `/api/members/organisations/${organisationId}/history/${change?.id}/restore`,
      {
        field: 'phone',
      },
    );
    expect(restored.json().establishments[0].phone).toBe('05 65 45 54 39');
  });

  it('refuses creations, unknown fields, other organisations and the board, in French', async () => {
    const creation = (await history()).find((e) => e.tableName === 'organisations' && e.action === 'insert');
    const notUpdate = await call(
      staff,
      'POST',
      `/api/members/organisations/${organisationId}/history/${creation?.id}/restore`,
      {
        field: 'name',
      },
    );
    expect(notUpdate.statusCode).toBe(422);
    expect(notUpdate.json().error.code).toBe('history.not_restorable');
    const update = (await history()).find((e) => e.tableName === 'organisations' && e.action === 'update');
    const wrongField = await call(
      staff,
      'POST',
      `/api/members/organisations/${organisationId}/history/${update?.id}/restore`,
      {
        field: 'delegation_id',
      },
    );
    expect(wrongField.json().error.code).toBe('history.field_not_restorable');
    const elsewhere = await call(
      staff,
      'POST',
      `/api/members/organisations/00000000-0000-4000-8000-000000000000/history/${update?.id}/restore`,
      {
        field: 'name',
      },
    );
    expect(elsewhere.statusCode).toBe(404);
    const byBoard = await call(
      board,
      'POST',
      `/api/members/organisations/${organisationId}/history/${update?.id}/restore`,
      {
        field: 'name',
      },
    );
    expect(byBoard.statusCode).toBe(403);
  });
});
