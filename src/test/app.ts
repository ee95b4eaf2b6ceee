import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../db/client.ts';
import { withTenant } from '../db/client.ts';
import { passwordResetSender } from '../modules/accounts/account.service.ts';
import { createUserWithPassword, grantRole } from '../modules/accounts/accounts.service.ts';
import type { Role } from '../modules/accounts/accounts.table.ts';
import { createAuth } from '../modules/accounts/auth.ts';
import { delegations } from '../modules/delegations/delegations.table.ts';
import { federationMembers } from '../modules/federation/federation.table.ts';
import type { RegisteredRoute } from '../server/access.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Mail, Mailer } from '../server/mailer.ts';
import { createTestDatabase, saveAsTemplate, type TestTemplate } from './database.ts';
import { testPasswordHash } from './password-hash.ts';

export const TEST_ORIGIN = 'http://localhost:3000';
export const TEST_PASSWORD = 'mot-de-passe-de-test';

export interface TestApp {
  app: FastifyInstance & { routesTable: RegisteredRoute[] };
  database: Database;
  auth: ReturnType<typeof createAuth>;
  /** The mail this handle's app sent (on the worker's shared app: since this handle was made). */
  sentMail: Mail[];
  secondServer(): Promise<FastifyInstance>;
  /** Closes an app of its own; on the worker's shared app, only stops collecting mail. */
  close(): Promise<void>;
  /** With `demo: true`: the demo delegation (src/db/seed/demo.ts) already in the database. */
  demoDelegationId?: string;
}

export interface TestAppOptions {
  /** Receives the app's mail instead of `sentMail`; such an app gets a database of its own. */
  mailer?: Mailer;
  /** Settings on top of the test ones; such an app gets a database of its own. */
  env?: Record<string, string>;
  /**
   * A database of its own instead of the worker's shared one: for a file that needs an
   * empty database or reads across delegations (jobs over every delegation, counts of
   * global tables). A file that loads the demo gets one without asking (fixed accounts).
   */
  own?: boolean;
  /**
   * A database of its own holding the demo (`demoDelegationId`), copied from a template the
   * worker loads once, instead of calling loadDemo (about 3 s) in each file.
   */
  demo?: boolean;
}

/**
 * An app on a migrated database. By default the worker's shared one: every file that
 * worker runs (Vitest reuses workers, `isolate: false`) gets the same database and app, and
 * works in delegations of its own (createDelegation), so that it neither sees nor disturbs
 * the others. See docs/decisions/015-shared-test-database-per-worker.md.
 */
export async function createTestApp(
  options: TestAppOptions & { demo: true },
): Promise<TestApp & { demoDelegationId: string }>;
export async function createTestApp(options?: TestAppOptions): Promise<TestApp>;
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  if (options.demo) {
    demoTemplate ??= makeDemoTemplate().catch((error: unknown) => {
      demoTemplate = null;
      throw error;
    });
    const { template, delegationId } = await demoTemplate;
    return { ...(await createOwnTestApp(options, false, template)), demoDelegationId: delegationId };
  }
  if (options.mailer || options.env || options.own || currentFileLoadsDemo())
    return createOwnTestApp(options, false);
  shared ??= createOwnTestApp({}, true).catch((error: unknown) => {
    shared = null;
    throw error;
  });
  const worker = await shared;
  const sentMail: Mail[] = [];
  mailScope.current = sentMail;
  return {
    ...worker,
    app: fromAddressOfItsOwn(worker.app),
    sentMail,
    async close() {
      if (mailScope.current === sentMail) mailScope.current = null;
    },
  };
}

/**
 * The shared app as one more client: requests that name no `remoteAddress` come from an
 * address of this file's own. Rate limits count per address in the app's memory and in
 * the database, which the worker's files share; from one address, one file's requests
 * used up another's allowance (10 invitation acceptances a minute, the first run's 5).
 */
function fromAddressOfItsOwn(app: TestApp['app']): TestApp['app'] {
  const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const inject = (options?: InjectOptions | string) => {
    if (options === undefined) return app.inject();
    const withAddress = typeof options === 'string' ? { url: options } : options;
    return app.inject({ remoteAddress: address, ...withAddress });
  };
  return new Proxy(app, {
    get(target, property) {
      if (property === 'inject') return inject;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let shared: Promise<TestApp> | null = null;
// Where the shared app's mail goes: the handle of the file running now (files run one at a
// time in a worker).
const mailScope: { current: Mail[] | null } = { current: null };

let demoTemplate: Promise<{ template: TestTemplate; delegationId: string }> | null = null;

async function makeDemoTemplate(): Promise<{ template: TestTemplate; delegationId: string }> {
  const { loadDemo } = await import('../db/seed/demo.ts');
  let delegationId = '';
  const template = await saveAsTemplate(async (database) => {
    const auth = createAuth({
      db: database.db,
      baseUrl: TEST_ORIGIN,
      secret: randomBytes(32).toString('hex'),
      sessionMaxAgeHours: 1,
      passwordHash: testPasswordHash,
    });
    ({ delegationId } = await loadDemo(database, auth));
  });
  return { template, delegationId };
}

async function createOwnTestApp(
  options: Pick<TestAppOptions, 'mailer' | 'env'>,
  workerShared: boolean,
  template?: TestTemplate,
): Promise<TestApp> {
  const database = await createTestDatabase(template);
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent', ...options.env });
  const secret = randomBytes(32).toString('hex');
  const sentMail: Mail[] = [];
  const mailer = options.mailer ?? {
    send: async (mail: Mail) => void (workerShared ? (mailScope.current ?? sentMail) : sentMail).push(mail),
  };
  const sendResetPassword = passwordResetSender({
    db: database.db,
    mailer,
    baseUrl: config.baseUrl,
    onError: (error) => console.error(error),
  });
  const makeAuth = () =>
    createAuth({
      db: database.db,
      baseUrl: config.baseUrl,
      secret,
      sessionMaxAgeHours: config.SESSION_MAX_AGE_HOURS,
      passwordHash: testPasswordHash,
      sendResetPassword,
    });
  const auth = makeAuth();
  const app = await buildApp({ config, database, auth, mailer }, { webDist: null });
  await app.ready();
  return {
    app,
    database,
    auth,
    sentMail,
    async secondServer() {
      // Another app server on the same database and secret, as behind a load balancer.
      const other = await buildApp({ config, database, auth: makeAuth(), mailer }, { webDist: null });
      await other.ready();
      return other;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The file that is running calls the demo loader (fixed slug and accounts: one load per database). */
function currentFileLoadsDemo(): boolean {
  const path = expect.getState().testPath;
  if (!path) return false;
  let loads = demoLoaders.get(path);
  if (loads === undefined) {
    loads = /\bloadDemo\(/.test(readFileSync(path, 'utf8'));
    demoLoaders.set(path, loads);
  }
  return loads;
}
const demoLoaders = new Map<string, boolean>();

// Which test file created each delegation of the shared database: a file may only sign in
// to its own (reading a delegation another file left would make both depend on the order).
const delegationOwners = new Map<string, string>();

// Eight random bytes: with three, two delegations of one test file once drew the same slug.
export async function createDelegation(database: Database, slug = `d-${randomBytes(8).toString('hex')}`) {
  const [row] = await database.db
    .insert(delegations)
    .values({ slug, name: `Délégation ${slug}` })
    .returning();
  if (!row) throw new Error('no delegation');
  const path = expect.getState().testPath;
  if (path) delegationOwners.set(row.id, path);
  return row;
}

/** Creates a user with a role in a delegation and returns the cookie of a signed-in session. */
export async function signedInAs(
  t: TestApp,
  input: { delegationId: string; role: Role; organisationId?: string | null; email?: string },
): Promise<{ cookie: string; userId: string; email: string }> {
  const owner = delegationOwners.get(input.delegationId);
  const path = expect.getState().testPath;
  if (owner && path && owner !== path)
    throw new Error(
      `signedInAs: delegation ${input.delegationId} belongs to ${owner}; a test file works in delegations it creates (createDelegation)`,
    );
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
/**
 * Creates a member of the federation (decision 020) and returns the cookie of a signed-in
 * session. The federation reads every delegation of the database: a file that uses it
 * works on a database of its own (`createTestApp({ own: true })` or `{ demo: true }`).
 */
export async function signedInAsFederation(
  t: TestApp,
  input: { email?: string } = {},
): Promise<{ cookie: string; userId: string; email: string }> {
  const email = input.email ?? `federation-${randomBytes(4).toString('hex')}@example.org`;
  const userId = await createUserWithPassword(t.auth, {
    email,
    name: 'Test fédération',
    password: TEST_PASSWORD,
  });
  await t.database.db.insert(federationMembers).values({ userId });
  return { cookie: await signIn(t, email, TEST_PASSWORD), userId, email };
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
