// The campaign-deadline traffic (bench/load.ts): member users arriving (signing in now
// and then), opening their form, saving drafts and sometimes submitting; staff reviewing
// (dashboard, completeness board, sending forms back); anonymous visitors on the public
// directory. Paced virtual users, not autocannon: autocannon's rate limit lets every
// connection send its share at the start of each second, a burst that measures queueing
// rather than the rate held. Here each user sends on its own schedule, phases spread.
import { Agent, request } from 'node:http';
import { answer, type LoadData, type Member, PASSWORD, SLUG } from './load-setup.ts';

export const ORIGIN = 'http://maillage.localhost';
/** Shares of the total rate. */
const SHARES = { members: 0.6, staff: 0.15, public: 0.25 };
/**
 * A member signs in again on a visit this long after its last sign-in (another browser, a
 * closed tab). Better Auth's throttling (five sign-ins per address) counts attempts until a
 * whole minute passes without one: members signing in every 30 s, as this scenario first
 * did, were refused after their fifth at the higher rates. Real members sign in once a day.
 */
const SIGN_IN_AFTER_MS = 120_000;
/** …and submits every this many visits (staff then send the form back, to keep it open). */
const SUBMIT_EVERY = 3;
/** A virtual user sends at most this many requests a second (more users beyond). */
const PER_USER_RATE = 4;
const DASHBOARD =
  '/api/observatory/dashboard?indicators=hoursPaid,persons,revenue,payroll,exitsTotal&from=2016&to=2025';
const SEARCHES = ['q=charge+1', 'type=AI', 'q=charge+2&type=EI', 'department=31', 'q=structure+charge+7'];

interface Step {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface Answer {
  status: number;
  body: string;
  cookie: string;
}
type Flow = Generator<Step, never, Answer>;
interface MemberState extends Member {
  visits: number;
  /** Submitted and not yet sent back: a run may end between the two requests. */
  submitted?: boolean;
}
export interface Traffic {
  latencies: number[];
  /** Latencies by kind of request: sign-in, member, staff, public. */
  byKind: Record<string, number[]>;
  failures: string[];
  errors: number;
  requests: number;
}

const json = (cookie: string) => ({ cookie, origin: ORIGIN, 'content-type': 'application/json' });

/** Visits of a group of members, one after the other. */
function* memberFlow(group: MemberState[], staffCookie: string): Flow {
  let round = 0;
  for (let next = 0; ; next++) {
    const member = group[next % group.length] as MemberState;
    member.visits++;
    if (!member.cookie || Date.now() - member.signedInAt > SIGN_IN_AFTER_MS) {
      member.signedInAt = Date.now();
      const signedIn = yield {
        kind: 'sign-in',
        method: 'POST',
        path: '/api/auth/sign-in/email',
        headers: { ...json(''), 'x-forwarded-for': member.ip },
        body: JSON.stringify({ email: member.email, password: PASSWORD }),
      };
      if (signedIn.cookie) member.cookie = signedIn.cookie;
    } else {
      yield {
        kind: 'member',
        method: 'GET',
        path: '/api/observatory/campaigns',
        headers: { cookie: member.cookie },
      };
    }
    const form = `/api/observatory/submissions/${member.formId}`;
    const comment = JSON.stringify({ comment: 'Merci de vérifier les sorties.' });
    const sendBack: Step = {
      kind: 'staff',
      method: 'POST',
      path: `${form}/request-correction`,
      headers: json(staffCookie),
      body: comment,
    };
    // The previous run stopped after this form's submission: staff send it back first.
    if (member.submitted) {
      member.submitted = false;
      yield sendBack;
    }
    yield { kind: 'member', method: 'GET', path: form, headers: { cookie: member.cookie } };
    for (let i = 0; i < 3; i++) {
      const values = answer(member.type, round++);
      const body = JSON.stringify({ values });
      yield { kind: 'member', method: 'PUT', path: `${form}/values`, headers: json(member.cookie), body };
    }
    if (member.visits % SUBMIT_EVERY !== 0) continue;
    const body = JSON.stringify({ confirmWarnings: {} });
    // A step is sent as soon as it is yielded: mark before, unmark before the send-back.
    member.submitted = true;
    yield { kind: 'member', method: 'POST', path: `${form}/submit`, headers: json(member.cookie), body };
    member.submitted = false;
    yield sendBack;
  }
}

function* staffFlow(cookie: string, campaignId: string): Flow {
  for (;;) {
    yield { kind: 'staff', method: 'GET', path: DASHBOARD, headers: { cookie } };
    const path = `/api/observatory/campaigns/${campaignId}/completeness`;
    yield { kind: 'staff', method: 'GET', path, headers: { cookie } };
  }
}

function* publicFlow(offset: number): Flow {
  const paths = [
    ...SEARCHES.map((q) => `/api/public/structures?delegation=${SLUG}&${q}`),
    `/api/public/stats/members?delegation=${SLUG}&year=2026`,
  ];
  for (let i = offset; ; i++)
    yield { kind: 'public', method: 'GET', path: paths[i % paths.length] ?? '', headers: {} };
}

function send(agent: Agent, base: URL, step: Step): Promise<Answer> {
  return new Promise((resolve) => {
    const headers = step.body
      ? { ...step.headers, 'content-length': Buffer.byteLength(step.body) }
      : step.headers;
    const req = request(
      { host: base.hostname, port: base.port, method: step.method, path: step.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cookie });
        });
        res.on('error', (e) => resolve({ status: 0, body: String(e), cookie: '' }));
      },
    );
    req.on('error', (e) => resolve({ status: 0, body: String(e), cookie: '' }));
    req.end(step.body);
  });
}

/**
 * Runs the traffic at `rate` requests per second in all, for `seconds`, spread over
 * `bases` (the members split between servers as a load balancer would). Each virtual user
 * sends at its own pace, its first request at a random moment of its first interval.
 */
export async function drive(
  bases: string[],
  data: LoadData,
  rate: number,
  seconds: number,
): Promise<Traffic> {
  const traffic: Traffic = { latencies: [], byKind: {}, failures: [], errors: 0, requests: 0 };
  // The members' state (session, visits) lives on from one run to the next.
  const states = data.members as MemberState[];
  for (const state of states) {
    if (state.visits === undefined) {
      // Signed in at setup all at once: spread their last sign-ins over the interval, so
      // that sign-ins come at their steady pace from the first second, not in a wave later.
      state.signedInAt -= Math.random() * SIGN_IN_AFTER_MS;
      state.visits = 0;
    }
  }
  const started = performance.now();
  const end = started + seconds * 1000;
  const users: Promise<void>[] = [];
  const run = (agent: Agent, base: URL, flow: Flow, userRate: number) => {
    const interval = 1000 / userRate;
    users.push(
      (async () => {
        let at = started + Math.random() * interval;
        let answer: Answer = { status: 0, body: '', cookie: '' };
        for (;;) {
          const wait = at - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (performance.now() >= end) return;
          const step = flow.next(answer).value;
          const sent = performance.now();
          answer = await send(agent, base, step);
          const time = performance.now() - sent;
          traffic.requests++;
          traffic.latencies.push(time);
          traffic.byKind[step.kind] ??= [];
          traffic.byKind[step.kind]?.push(time);
          if (answer.status < 200 || answer.status >= 400) {
            traffic.errors++;
            if (traffic.failures.length < 5)
              traffic.failures.push(
                `${step.method} ${step.path}: ${answer.status} ${answer.body.slice(0, 200)}`,
              );
          }
          // Late: the next request leaves at once, not in a burst to catch up.
          at = Math.max(at + interval, performance.now());
        }
      })(),
    );
  };
  bases.forEach((address, t) => {
    const base = new URL(address);
    const agent = new Agent({ keepAlive: true });
    const share = (s: number) => (rate * s) / bases.length;
    const count = (classRate: number, most: number) =>
      Math.max(1, Math.min(most, Math.ceil(classRate / PER_USER_RATE)));
    const mine = states.filter((_, i) => i % bases.length === t);
    const memberUsers = count(share(SHARES.members), mine.length);
    for (let k = 0; k < memberUsers; k++) {
      const group = mine.filter((_, i) => i % memberUsers === k);
      const staffCookie = data.staff[k % data.staff.length] ?? '';
      run(agent, base, memberFlow(group, staffCookie), share(SHARES.members) / memberUsers);
    }
    const staffUsers = count(share(SHARES.staff), 64);
    for (let k = 0; k < staffUsers; k++)
      run(
        agent,
        base,
        staffFlow(data.staff[k % data.staff.length] ?? '', data.campaignId),
        share(SHARES.staff) / staffUsers,
      );
    const visitors = count(share(SHARES.public), 64);
    for (let k = 0; k < visitors; k++) run(agent, base, publicFlow(k), share(SHARES.public) / visitors);
  });
  await Promise.all(users);
  return traffic;
}
