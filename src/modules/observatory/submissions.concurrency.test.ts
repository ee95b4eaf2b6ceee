import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { goodValuesFor } from './campaigns.fixtures.ts';

// The deadline rush: many forms saved and submitted at the same moment. Each write locks
// its own submission row only, so none waits for another and none fails.
const MEMBERS = 50;

let t: TestApp;
let staff: string;
let campaign: string;
const organisations: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: delegation.id, role: 'staff' })).cookie;
  for (let i = 0; i < MEMBERS; i++) {
    const created = await request(t, staff, 'POST', '/api/members/organisations', {
      name: `Chantier ${i}`,
      establishment: { postcode: '31000' },
      conventionTypes: ['ACI'],
      joinedOn: '2020-01-01',
    });
    organisations.push(created.json().id);
  }
  const created = await request(t, staff, 'POST', '/api/observatory/campaigns', {
    year: 2024,
    title: 'Observatoire 2024',
    opensOn: '2025-01-15',
    deadline: '2025-03-31',
  });
  campaign = created.json().id;
  await request(t, staff, 'PATCH', `/api/observatory/campaigns/${campaign}`, { status: 'open' });
});
afterAll(() => t.close());

describe('many submissions at once', () => {
  it(`saves and submits ${MEMBERS} forms concurrently, all accepted`, async () => {
    const saved = await Promise.all(
      organisations.map((organisationId) =>
        request(t, staff, 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
          conventionType: 'ACI',
          organisationId,
          values: goodValuesFor('ACI'),
        }),
      ),
    );
    expect(saved.map((r) => r.statusCode)).toEqual(organisations.map(() => 201));
    const submitted = await Promise.all(
      saved.map((r) => request(t, staff, 'POST', `/api/observatory/submissions/${r.json().id}/submit`, {})),
    );
    expect(submitted.map((r) => r.statusCode)).toEqual(organisations.map(() => 200));
    const board = await request(t, staff, 'GET', `/api/observatory/campaigns/${campaign}/completeness`);
    expect(board.json().counts).toMatchObject({ submitted: MEMBERS, total: MEMBERS });
  });
});
