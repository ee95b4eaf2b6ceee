import { beforeAll, describe, expect, it } from 'vitest';
import { routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

let organisationId: string;

const history = async () =>
  (await call(w.staff, 'GET', `/api/members/organisations/${organisationId}/history`)).json().items as {
    id: number;
    tableName: string;
    action: string;
    recordId: string;
    changes: { field: string; before: unknown; after: unknown }[];
  }[];

beforeAll(async () => {
  organisationId = await w.addOrganisation(w.staff, {
    name: 'RECYCLERIE DU ROUERGUE',
    postcode: '12200',
    establishment: { city: 'VILLEFRANCHE DE ROUERGUE', phone: '05 65 45 54 39' },
    types: ['ACI'],
  });
});

describe('restoring a previous value from the history', () => {
  it('gives a field back its value before a change, as a new audited change', async () => {
    await call(w.staff, 'PATCH', `/api/members/organisations/${organisationId}`, { name: 'RECYCLERIE' });
    const rename = (await history()).find((e) => e.tableName === 'organisations' && e.action === 'update');
    expect(rename?.changes).toEqual([
      { field: 'name', before: 'RECYCLERIE DU ROUERGUE', after: 'RECYCLERIE' },
    ]);
    const restored = await call(
      w.staff,
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
    const record = (await call(w.staff, 'GET', `/api/members/organisations/${organisationId}`)).json();
    const establishmentId = record.establishments[0].id;
    await call(w.staff, 'PATCH', `/api/members/establishments/${establishmentId}`, {
      phone: '05 65 00 00 00',
    });
    const change = (await history()).find((e) => e.tableName === 'establishments' && e.action === 'update');
    const restored = await call(
      w.staff,
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
      w.staff,
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
      w.staff,
      'POST',
      `/api/members/organisations/${organisationId}/history/${update?.id}/restore`,
      {
        field: 'delegation_id',
      },
    );
    expect(wrongField.json().error.code).toBe('history.field_not_restorable');
    const elsewhere = await call(
      w.staff,
      'POST',
      `/api/members/organisations/00000000-0000-4000-8000-000000000000/history/${update?.id}/restore`,
      {
        field: 'name',
      },
    );
    expect(elsewhere.statusCode).toBe(404);
    const byBoard = await call(
      w.board,
      'POST',
      `/api/members/organisations/${organisationId}/history/${update?.id}/restore`,
      {
        field: 'name',
      },
    );
    expect(byBoard.statusCode).toBe(403);
  });
});
