import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { withTenant } from '../db/client.ts';
import { passwordResetSender } from '../modules/accounts/account.service.ts';
import { createUserWithPassword, grantRole } from '../modules/accounts/accounts.service.ts';
import type { Role } from '../modules/accounts/accounts.table.ts';
import { createAuth } from '../modules/accounts/auth.ts';
import { delegations } from '../modules/delegations/delegations.table.ts';
import type { RegisteredRoute } from '../server/access.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Mail, Mailer } from '../server/mailer.ts';
import { createTestDatabase } from './database.ts';

export const TEST_ORIGIN = 'http://localhost:3000';
export const TEST_PASSWORD = 'mot-de-passe-de-test';

export interface TestApp {
  app: FastifyInstance & { routesTable: RegisteredRoute[] };
  database: Database;
  auth: ReturnType<typeof createAuth>;
  sentMail: Mail[];
  secondServer(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/** A fresh database and an app on it; mail is kept in memory unless a mailer is given. */
export async function createTestApp(
  options: { mailer?: Mailer; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent', ...options.env });
  const secret = randomBytes(32).toString('hex');
  const sentMail: Mail[] = [];
  const mailer = options.mailer ?? { send: async (mail: Mail) => void sentMail.push(mail) };
  const sendResetPassword = passwordResetSender({
    db: database.db,
    mailer,
    baseUrl: config.baseUrl,
    onError: (error) => console.error(error),
  });
  const auth = createAuth({
    db: database.db,
    baseUrl: config.baseUrl,
    secret,
    sessionMaxAgeHours: config.SESSION_MAX_AGE_HOURS,
    sendResetPassword,
  });
  const app = await buildApp({ config, database, auth, mailer }, { webDist: null });
  await app.ready();
  return {
    app,
    database,
    auth,
    sentMail,
    async secondServer() {
      // Another app server on the same database and secret, as behind a load balancer.
      const otherAuth = createAuth({
        db: database.db,
        baseUrl: config.baseUrl,
        secret,
        sessionMaxAgeHours: config.SESSION_MAX_AGE_HOURS,
        sendResetPassword,
      });
      const other = await buildApp({ config, database, auth: otherAuth, mailer }, { webDist: null });
      await other.ready();
      return other;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

// Eight random bytes: with three, two delegations of one test file once drew the same slug.
export async function createDelegation(database: Database, slug = `d-${randomBytes(8).toString('hex')}`) {
  const [row] = await database.db
    .insert(delegations)
    .values({ slug, name: `Délégation ${slug}` })
    .returning();
  if (!row) throw new Error('no delegation');
  return row;
}

/** Creates a user with a role in a delegation and returns the cookie of a signed-in session. */
export async function signedInAs(
  t: TestApp,
  input: { delegationId: string; role: Role; organisationId?: string | null; email?: string },
): Promise<{ cookie: string; userId: string; email: string }> {
  const email = input.email ?? `${input.role}-${randomBytes(4).toString('hex')}@example.org`;
  const userId = await createUserWithPassword(t.auth, {
    email,
    name: `Test ${input.role}`,
    password: TEST_PASSWORD,
  });
  await withTenant(t.database.db, { delegationId: input.delegationId, userId: null }, (tx) =>
    grantRole(tx, { userId, role: input.role, organisationId: input.organisationId ?? null }),
  );
  const cookie = await signIn(t, email, TEST_PASSWORD);
  return { cookie, userId, email };
}

export async function signIn(t: TestApp, email: string, password: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    // Each sign-in from its own address, so that the sign-in throttling does not trip between tests.
    remoteAddress: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).map((c) => c.split(';')[0]);
  return cookies.join('; ');
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request from our own pages, signed in with `cookie` (or anonymous with null). */
export function request(
  t: TestApp,
  cookie: string | null,
  method: HttpMethod,
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: cookie ? { cookie, origin: TEST_ORIGIN } : { origin: TEST_ORIGIN },
    ...(payload ? { payload } : {}),
  });
}
