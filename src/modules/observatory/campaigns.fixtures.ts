/**
 * Test data of the campaign tests: a delegation with its team, a board member, member
 * organisations (through the registry's API) with one member user each, and a second
 * delegation to check isolation.
 */
import { randomBytes } from 'node:crypto';
import {
  createDelegation,
  type HttpMethod,
  request,
  signedInAs,
  TEST_ORIGIN,
  type TestApp,
} from '../../test/app.ts';

export interface World {
  delegationId: string;
  cookies: Record<'staff' | 'admin' | 'board' | 'otherStaff', string> & Record<string, string>;
  organisations: Record<string, string>;
  userIds: Record<string, string>;
  emails: Record<string, string>;
}

export const MEMBERS = [
  { key: 'chorus', name: 'CHORUS', types: ['AI', 'ACI'], postcode: '12300' },
  { key: 'regain', name: 'REGAIN', types: ['ACI'], postcode: '46100' },
  { key: 'abeille', name: "L'ABEILLE VERTE", types: ['EBE'], postcode: '34700' },
] as const;

export async function buildWorld(t: TestApp): Promise<World> {
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  const world: World = {
    delegationId: a.id,
    cookies: {} as World['cookies'],
    organisations: {},
    userIds: {},
    emails: {},
  };
  for (const role of ['staff', 'admin', 'board'] as const) {
    const user = await signedInAs(t, { delegationId: a.id, role });
    world.cookies[role] = user.cookie;
    world.userIds[role] = user.userId;
  }
  const secondStaff = await signedInAs(t, { delegationId: a.id, role: 'staff' });
  world.cookies.secondStaff = secondStaff.cookie;
  world.userIds.secondStaff = secondStaff.userId;
  world.cookies.otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  for (const member of MEMBERS) {
    const created = await request(t, world.cookies.staff, 'POST', '/api/members/organisations', {
      name: member.name,
      establishment: { postcode: member.postcode },
      conventionTypes: member.types,
      joinedOn: '2020-01-01',
    });
    if (created.statusCode !== 201) throw new Error(`organisation: ${created.body}`);
    world.organisations[member.key] = created.json().id;
    const user = await signedInAs(t, {
      delegationId: a.id,
      role: 'member',
      organisationId: created.json().id,
      email: `${member.key}-${randomBytes(3).toString('hex')}@example.org`,
    });
    world.cookies[member.key] = user.cookie;
    world.userIds[member.key] = user.userId;
    world.emails[member.key] = user.email;
  }
  return world;
}

export function cookieOf(world: World, who: string): string {
  const cookie = world.cookies[who];
  if (!cookie) throw new Error(`no user ${who}`);
  return cookie;
}

export function caller(t: TestApp, world: World) {
  return (who: string, method: HttpMethod, url: string, payload?: object) =>
    request(t, world.cookies[who] ?? null, method, url, payload);
}

/** An open campaign for `year` with the default catalogue. */
export async function openCampaign(t: TestApp, world: World, year: number, deadline = `${year + 1}-03-31`) {
  const call = caller(t, world);
  const created = await call('staff', 'POST', '/api/observatory/campaigns', {
    year,
    title: `Observatoire ${year}`,
    opensOn: `${year + 1}-01-15`,
    deadline,
  });
  if (created.statusCode !== 201) throw new Error(`campaign: ${created.body}`);
  const opened = await call('staff', 'PATCH', `/api/observatory/campaigns/${created.json().id}`, {
    status: 'open',
  });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.body}`);
  return created.json().id as string;
}

/** A consistent answer to the default catalogue (no error, no warning without a previous year). */
export const GOOD_VALUES: Record<string, number> = {
  hoursPaid: 16_070,
  etpPathway: 10,
  clients: 12,
  persons: 40,
  entries: 20,
  entrantsWomen: 8,
  entrantsMen: 12,
  entrantsRsa: 5,
  staffHeadcount: 4,
  staffEtp: 3.5,
  revenue: 100_000,
  subsidies: 10_000,
  aideAuPoste: 50_000,
  payroll: 90_000,
  netResult: -1_200.5,
  exitsTotal: 14,
  exitsDurable: 3,
  exitsTransition: 4,
  exitsPositive: 2,
  exitsOther: 5,
};

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
export function upload(
  t: TestApp,
  cookie: string,
  url: string,
  filename: string,
  bytes: Buffer,
  type = 'application/octet-stream',
) {
  const boundary = `----maillage${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: TEST_ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/** GOOD_VALUES restricted to the indicators of the default catalogue that apply to `type`. */
export function goodValuesFor(type: string): Record<string, number> {
  const { clients, aideAuPoste, ...common } = GOOD_VALUES;
  return {
    ...common,
    ...(['AI', 'ETTI'].includes(type) ? { clients } : {}),
    ...(['AI', 'ACI', 'EI', 'ETTI'].includes(type) ? { aideAuPoste } : {}),
  };
}
