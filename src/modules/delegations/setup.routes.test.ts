import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { TEST_ORIGIN } from '../../test/app.ts';
import { BRETAGNE } from '../../test/bretagne.ts';
import { createTestDatabase } from '../../test/database.ts';
import { fieldNames } from '../../test/route-world.ts';
import { users } from '../accounts/accounts.table.ts';
import { createAuth } from '../accounts/auth.ts';
import { delegations } from './delegations.table.ts';
import { SETUP_MAX_FAILURES, SetupGate } from './setup.gate.ts';

const CODE = 'K7QM-4XZP-9RTA';
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let withoutCode: Awaited<ReturnType<typeof buildApp>>;

const form = { code: CODE, ...BRETAGNE };

let address = 0;
/** Each call from its own address unless told: the per-address throttle is tested on its own. */
const post = (body: object, remoteAddress = `10.9.0.${++address}`, target = app) =>
  target.inject({
    method: 'POST',
    url: '/api/setup',
    headers: { origin: TEST_ORIGIN },
    remoteAddress,
    payload: body,
  });

async function written() {
  const [d] = await database.db.select({ n: count() }).from(delegations);
  const [u] = await database.db.select({ n: count() }).from(users);
  return { delegations: d?.n, users: u?.n };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent' });
  const auth = createAuth({
    db: database.db,
    baseUrl: config.baseUrl,
    secret: randomBytes(32).toString('hex'),
    sessionMaxAgeHours: 1,
  });
  const mailer = { send: async () => {} };
  app = await buildApp({ config, database, auth, mailer, setupGate: new SetupGate(CODE) }, { webDist: null });
  withoutCode = await buildApp({ config, database, auth, mailer }, { webDist: null });
});
afterAll(async () => {
  await app?.close();
  await withoutCode?.close();
  await database?.close();
});

describe('the first run (POST /api/setup)', () => {
  it('is needed while no delegation exists', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('refuses a wrong code and writes nothing', async () => {
    const response = await post({ ...form, code: 'AAAA-BBBB-CCCC' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'setup.code_invalid',
      fields: [{ field: 'code', code: 'setup.code_invalid' }],
    });
    expect(await written()).toEqual({ delegations: 0, users: 0 });
  });

  it('throttles one address after five attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post({ ...form, code: 'WRONG' }, '10.8.8.8')).statusCode);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    const last = await post({ ...form }, '10.8.8.8');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('setup.rate_limited');
  });

  it('is refused by a server that printed no code', async () => {
    const response = await post(form, '10.7.0.1', withoutCode);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('setup.unavailable');
  });

  it('names the field at fault and keeps the code usable', async () => {
    const response = await post({ ...form, departments: ['22', '99'], adminName: ' ' });
    expect(response.statusCode).toBe(422);
    const fields = fieldNames(response);
    expect(fields).toEqual(['departments']);
    const short = await post({ ...form, password: 'court' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields[0].field).toBe('password');
    expect(await written()).toEqual({ delegations: 0, users: 0 });
  });

  it('creates the delegation and its administrator, who signs in; then the code is spent', async () => {
    const response = await post(form);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ slug: 'bretagne', name: 'Coorace Bretagne' });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: form.adminEmail, password: form.password },
    });
    expect(signIn.statusCode).toBe(200);
    const setCookie = signIn.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      role: 'admin',
      delegation: { slug: 'bretagne' },
      user: { name: 'Anne Admin' },
    });

    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
    const again = await post({ ...form, slug: 'bretagne-2', adminEmail: 'autre@example.org' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup.closed');
    // Another server of the installation, whatever its code: a delegation exists.
    expect((await post({ ...form, slug: 'x-2' }, '10.7.0.2', withoutCode)).json().error.code).toBe(
      'setup.closed',
    );
    expect(await written()).toEqual({ delegations: 1, users: 1 });
  });
});

describe('SetupGate', () => {
  it('accepts the code however it is typed, once claimed holds it, and is spent after too many wrong codes', () => {
    const gate = new SetupGate(CODE);
    expect(gate.claim(' k7qm 4xzp 9rta ')).toBe('ok');
    expect(gate.claim(CODE)).toBe('busy');
    gate.release();
    for (let i = 0; i < SETUP_MAX_FAILURES; i++) expect(gate.claim('nope')).toBe('wrong');
    expect(gate.claim(CODE)).toBe('closed');
    expect(new SetupGate(null).claim(CODE)).toBe('closed');
  });
});
