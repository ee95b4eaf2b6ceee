import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';

let t: TestApp;
let delegationId: string;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDelegation(t.database);
  delegationId = d.id;
  slug = d.slug;
});
afterAll(async () => t?.close());

const publicStaff = async () =>
  (await request(t, null, 'GET', `/api/public/organisation?delegation=${slug}`)).json().staff as {
    lastName: string;
  }[];

describe('the team (admin)', () => {
  it('adds a staff member with missions, links the account, ends their time: history kept, public page current', async () => {
    const admin = await signedInAs(t, { delegationId, role: 'admin' });
    const staff = await signedInAs(t, { delegationId, role: 'staff' });
    const input = {
      firstName: 'Rosa',
      lastName: 'VERA',
      jobTitle: 'chargée de mission',
      missions: 'Développement économique',
    };
    expect((await request(t, staff.cookie, 'POST', '/api/governance/staff', input)).statusCode).toBe(403);
    const created = await request(t, admin.cookie, 'POST', '/api/governance/staff', input);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await publicStaff()).map((s) => s.lastName)).toEqual(['VERA']);

    const linked = await request(t, admin.cookie, 'PATCH', `/api/governance/staff/${id}`, {
      userId: staff.userId,
    });
    expect(linked.statusCode, linked.body).toBe(204);
    const other = await signedInAs(t, {
      delegationId: (await createDelegation(t.database)).id,
      role: 'staff',
    });
    const stranger = await request(t, admin.cookie, 'PATCH', `/api/governance/staff/${id}`, {
      userId: other.userId,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.fields[0].field).toBe('userId');

    const ended = await request(t, admin.cookie, 'PATCH', `/api/governance/staff/${id}`, {
      endedOn: '2020-12-31',
    });
    expect(ended.statusCode).toBe(204);
    expect(await publicStaff()).toEqual([]);
    const all = (await request(t, admin.cookie, 'GET', '/api/governance/staff/all')).json().items;
    expect(all).toMatchObject([
      {
        lastName: 'VERA',
        missions: 'Développement économique',
        endedOn: '2020-12-31',
        userId: staff.userId,
        userName: 'Test staff',
      },
    ]);
    const history = (await request(t, admin.cookie, 'GET', `/api/audit/records/${id}`)).json();
    expect(JSON.stringify(history)).toContain('2020-12-31');
  });
});
