import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../test/app.ts';
import { buildWorld, CALLERS, type Caller, ROLE_OF, type World } from '../test/authorization-world.ts';
import {
  PARAM_SAMPLES,
  policyOf,
  QUERY_SAMPLES,
  type SampleKind,
  sampleUrl,
  unusedSamples,
} from '../test/route-samples.ts';
import type { RegisteredRoute } from './access.ts';

/*
 * Every registered route, called by every kind of caller, answers as its declared policy
 * says: anonymous callers are asked to sign in, roles outside the policy are refused
 * before validation, the others get past the gate, and nobody ever gets a 500.
 */

let t: TestApp;
let w: World;
beforeAll(async () => {
  // The world loads the demo (fixed accounts and names): a database of its own, or a second
  // world in the same worker would find the demo already there.
  t = await createTestApp({ own: true });
  w = await buildWorld(t);
}, 180_000);
afterAll(() => t.close());

// Parameters that are not records of delegation X (a year, a type, a key).
const NOT_RECORDS = new Set<SampleKind>([
  'year',
  'conventionType',
  'declaredFigureYear',
  'declaredFigureKey',
  'declaredIndicatorYear',
  'declaredIndicatorCode',
  'invitationToken',
  'calendarToken',
]);
// Records that belong to organisation A: member B has no business with them.
const OF_A = new Set<SampleKind>([
  'organisation',
  'historyEntry',
  'establishment',
  'convention',
  'membership',
  'contact',
  'duesCall',
  'registration',
  'practiceGroupPerson',
  'supportFile',
  'supportTimeEntry',
  'supportNote',
  'supportDocument',
  'submission',
  'submissionDocument',
  'certification',
  'certificationAudit',
  'assessment',
  'progressAction',
  'opportunityMatch',
  'projectMember',
]);

function kindsOf(route: RegisteredRoute): SampleKind[] {
  const kinds: SampleKind[] = [];
  for (const match of route.url.matchAll(/:(\w+)/g)) {
    const key = route.url.slice(0, match.index + match[0].length);
    const kind = (PARAM_SAMPLES as Record<string, SampleKind>)[key];
    if (kind) kinds.push(kind);
  }
  return [...kinds, ...Object.values(QUERY_SAMPLES[`${route.method} ${route.url}`] ?? {})];
}

const routes = () => t.app.routesTable;
const isUnsafe = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';

function call(who: Caller, route: RegisteredRoute) {
  const cookie = w.cookies[who];
  return t.app.inject({
    method: route.method as 'GET',
    url: sampleUrl(route, w.samples),
    headers: cookie ? { cookie, origin: TEST_ORIGIN } : { origin: TEST_ORIGIN },
    ...(isUnsafe(route.method) ? { payload: {} } : {}),
  });
}

/** What the declared policy promises this caller; null when the route must let it through. */
function refusal(route: RegisteredRoute, who: Caller): 401 | 403 | null {
  const access = policyOf(route);
  if (access.kind === 'public') return null;
  const role = ROLE_OF[who];
  if (role === null) return 401;
  if (access.kind === 'roles' && !access.roles.includes(role)) return 403;
  // `signedIn` is any delegation's user: the federation holds no role in one.
  if (access.kind === 'signedIn' && role === 'federation') return 403;
  return null;
}

describe('authorization matrix', () => {
  it('knows a sample for every parameter of every route, and every route declares a policy', () => {
    const problems: string[] = [];
    for (const route of routes()) {
      try {
        policyOf(route);
        sampleUrl(route, w.samples);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
    expect(unusedSamples(routes()), 'samples of routes that no longer exist').toEqual([]);
    expect(routes().length).toBeGreaterThan(200);
  });

  it('keeps every answer to a signed-in caller, and every non-public answer, out of caches', async () => {
    const kept: string[] = [];
    // One caller of each kind: what varies is whether a session comes with the request.
    for (const route of routes().filter((r) => r.method === 'GET')) {
      for (const who of ['anonymous', 'memberA', 'boardX', 'staffX'] as const) {
        const response = await call(who, route);
        const cacheControl = String(response.headers['cache-control'] ?? '');
        const publicRead =
          policyOf(route).kind === 'public' && (!w.cookies[who] || /\bpublic\b/.test(cacheControl));
        const perCaller = route.url.includes(':token') || route.url.startsWith('/api/auth/');
        if ((!publicRead || perCaller) && !/\bno-store\b/.test(cacheControl))
          kept.push(`${route.url} as ${who}: ${response.statusCode} cache-control "${cacheControl}"`);
      }
    }
    expect(kept).toEqual([]);
  });

  // Routes that list what is known about a key (a record's history, an organisation's
  // scores): for another delegation's key the list is empty rather than a 404.
  const LISTS_BY_KEY = new Set([
    '/api/audit/records/:recordId',
    '/api/quality-approaches/organisations/:id/progress',
  ]);

  it("never shows delegation X's records to the staff of delegation Y", async () => {
    const reads = routes().filter(
      (r) =>
        r.method === 'GET' && kindsOf(r).some((k) => !NOT_RECORDS.has(k)) && policyOf(r).kind !== 'public',
    );
    expect(reads.length).toBeGreaterThan(25);
    const leaks: string[] = [];
    for (const route of reads) {
      // The record is there: X's own staff reads it.
      const own = await call('staffX', route);
      if (own.statusCode !== 200) leaks.push(`${route.url}: ${own.statusCode} for staff X`);
      const response = await call('staffY', route);
      if (LISTS_BY_KEY.has(route.url)) {
        if (response.statusCode !== 200 || response.json().items.length !== 0)
          leaks.push(`${route.url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      } else if (response.statusCode !== 404) leaks.push(`${route.url}: ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it("keeps organisation A's own records from member B", async () => {
    const reads = routes().filter(
      (r) =>
        r.method === 'GET' &&
        refusal(r, 'memberB') === null &&
        kindsOf(r).some((k) => OF_A.has(k)) &&
        policyOf(r).kind !== 'public',
    );
    expect(reads.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const route of reads) {
      const own = await call('memberA', route);
      if (own.statusCode !== 200) leaks.push(`${route.url}: ${own.statusCode} for member A`);
      const response = await call('memberB', route);
      if (response.statusCode !== 403 && response.statusCode !== 404)
        leaks.push(`${route.url}: ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
    // Lists a member may read show its own organisation's records, never another's.
    const listed = async (who: 'memberA' | 'memberB', url: string) => {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: w.cookies[who] ?? '' } });
      expect(response.statusCode, url).toBe(200);
      return response.body;
    };
    const { samples } = w;
    const lists: [string, string][] = [
      [`/api/events/${samples.event}/registrations`, samples.registration],
      ['/api/support/files', samples.supportFile],
      [`/api/observatory/campaigns/${samples.campaign}/forms`, samples.submission],
      ['/api/quality-approaches/assessments', samples.assessment],
      ['/api/quality-approaches/progress-actions', samples.progressAction],
      ['/api/purchasing/matches', samples.opportunityMatch],
    ];
    for (const [url, id] of lists) {
      expect(await listed('memberA', url), url).toContain(id);
      expect(await listed('memberB', url), url).not.toContain(id);
    }
  });

  it("opens the federation's routes to it alone, and no delegation's route to it", async () => {
    const own = routes().filter((r) => r.url.startsWith('/api/federation/'));
    expect(own.length).toBeGreaterThanOrEqual(6);
    for (const route of own)
      expect(policyOf(route), route.url).toEqual({ kind: 'roles', roles: ['federation'] });
    const wrong: string[] = [];
    for (const route of routes().filter((r) => r.method === 'GET' && !r.url.startsWith('/api/federation/'))) {
      const kind = policyOf(route).kind;
      if (kind === 'public' || kind === 'account') continue;
      // Even naming delegation X, as a delegation's user may to choose among its roles.
      const response = await t.app.inject({
        method: 'GET',
        url: sampleUrl(route, w.samples),
        headers: { cookie: w.cookies.federation ?? '', 'x-delegation': w.x },
      });
      if (response.statusCode !== 403) wrong.push(`${route.url}: ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers every route, for every caller, as its declared policy says', async () => {
    // Deletions last, children before their parents, so that the other calls find their records.
    const ordered = [...routes()].sort((a, b) =>
      a.method === 'DELETE' && b.method === 'DELETE'
        ? b.url.length - a.url.length
        : Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    const wrong: string[] = [];
    for (const route of ordered) {
      const ofA = kindsOf(route).some((k) => OF_A.has(k));
      for (const who of CALLERS) {
        const { statusCode: status, body } = await call(who, route);
        const expected = refusal(route, who);
        const line = `${route.method} ${route.url} as ${who}: ${status}`;
        if (status >= 500) wrong.push(`${line} ${body.slice(0, 200)}`);
        else if (expected !== null && status !== expected) wrong.push(`${line}, expected ${expected}`);
        else if (expected === null && (status === 401 || status === 403)) {
          // A member is refused another organisation's record by the service (see OF_A).
          if (!(who === 'memberB' && ofA && status === 403)) wrong.push(`${line}, expected to pass the gate`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
