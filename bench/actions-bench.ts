// Actions at federation scale (issue 4): 14 delegations, ≈4,000 member organisations,
// 50,000 actions over ten years and 500,000 participations, on PostgreSQL. Under
// autocannon (32 connections, as the registry benchmark) against a Maillage server:
// the month-by-month chronicle of one delegation-year and one member's action list,
// each beside a bare Fastify route answering the same body from memory; and the public
// iCalendar feed of a delegation-year, timed request by request. Clients ask for gzip, as
// browsers do; the baseline sends the same answer gzipped.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createUserWithPassword, grantRole } from '../src/modules/accounts/accounts.service.ts';
import { createAuth } from '../src/modules/accounts/auth.ts';

const DELEGATIONS = 14;
const ORGANISATIONS_PER_DELEGATION = 285;
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 50_000);
const PARTICIPATIONS_PER_ACTION = 10;
const root = new URL('..', import.meta.url).pathname;

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}
export interface ActionsFigures {
  actions: number;
  participations: number;
  chronicle: { path: string; maillage: LoadFigures; baseline: LoadFigures; bytes: number };
  memberActions: { path: string; maillage: LoadFigures; baseline: LoadFigures; bytes: number };
  ics: { path: string; events: number; medianMs: number; p99Ms: number; bytes: number };
}

/** Generates the federation with set-based SQL (triggers off: this is data, not use). */
export async function generate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(`
      insert into delegations (slug, name)
      select 'bench-' || d, 'Délégation ' || d from generate_series(0, ${DELEGATIONS - 1}) d`);
    await client.query(`
      insert into organisations (delegation_id, name, search_name)
      select dl.id, 'STRUCTURE ' || dl.slug || ' ' || n, 'structure ' || dl.slug || ' ' || n
      from delegations dl, generate_series(0, ${ORGANISATIONS_PER_DELEGATION - 1}) n
      where dl.slug like 'bench-%'`);
    await client.query(`
      create temp table org_ix as
      select id, delegation_id, (row_number() over (partition by delegation_id order by id) - 1)::int as n
      from organisations`);
    await client.query('create index on org_ix (delegation_id, n)');
    await client.query(`
      create temp table dl_ix as
      select id, (row_number() over (order by slug) - 1)::int as n from delegations where slug like 'bench-%'`);
    const kinds = `array['workshop','regional_day','webinar','practice_exchange','training','round_table','committee','partner_meeting']`;
    await client.query(`
      insert into actions (delegation_id, title, kind, starts_on, ends_on, start_time, end_time, themes, missions,
                           town, department, online, participants_count, summary, visibility, registration_open, capacity)
      select dl.id, 'Action ' || i, (${kinds})[1 + i % 8],
             date '2016-01-01' + ((i * 7919) % 3652), date '2016-01-01' + ((i * 7919) % 3652),
             time '09:30' + (i % 6) * interval '1 hour', time '12:00' + (i % 6) * interval '1 hour',
             array['coopération', 'emploi'], array['animer'], 'Toulouse', '31', i % 5 = 0, 10 + i % 40,
             'Résumé public de l''action ' || i || ' : ateliers, échanges et témoignages de structures.',
             case when i % 5 < 3 then 'public' else 'internal' end, i % 10 = 0, 40
      from generate_series(0, ${ACTIONS - 1}) i
      join dl_ix dl on dl.n = i % ${DELEGATIONS}`);
    await client.query(`
      create temp table action_ix as
      select id, delegation_id, (row_number() over (partition by delegation_id order by id) - 1)::int as n from actions`);
    await client.query(`
      insert into action_members (delegation_id, action_id, organisation_id, role)
      select a.delegation_id, a.id, o.id, 'participant'
      from action_ix a
      cross join generate_series(0, 2) k
      join org_ix o on o.delegation_id = a.delegation_id and o.n = (a.n * 3 + k * 97) % ${ORGANISATIONS_PER_DELEGATION}
      on conflict do nothing`);
    await client.query(`
      insert into participations (delegation_id, action_id, organisation_id, first_name, last_name, email, status, attended)
      select a.delegation_id, a.id, o.id, 'Prénom' || k, 'Nom' || a.n, 'p' || k || '.' || a.n || '@exemple.fr', 'registered', true
      from action_ix a
      cross join generate_series(0, ${PARTICIPATIONS_PER_ACTION - 1}) k
      join org_ix o on o.delegation_id = a.delegation_id and o.n = (a.n + k * 31) % ${ORGANISATIONS_PER_DELEGATION}`);
    await client.query('analyze');
    const counts = await client.query(
      `select (select count(*) from actions)::int as actions, (select count(*) from participations)::int as participations`,
    );
    return counts.rows[0] as { actions: number; participations: number };
  } finally {
    await client.end();
  }
}

async function load(url: string, cookie: string | undefined, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    // As a browser asks: the answers are sent gzipped to clients that accept it.
    headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function baselineServer(body: string): Promise<{ port: string; child: ChildProcess }> {
  // The body goes through a file: a year's chronicle is too large for an environment variable.
  const file = join(await mkdtemp(join(tmpdir(), 'maillage-bench-body-')), 'body.json');
  await writeFile(file, body);
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Fastify from 'fastify'; import { readFileSync } from 'node:fs'; import { gzipSync } from 'node:zlib';
       const app = Fastify(); const body = gzipSync(readFileSync(process.env.BODY_FILE, 'utf8'));
       app.get('/*', async (_q, r) => r.type('application/json').header('content-encoding', 'gzip').send(body));
       await app.listen({ port: 0, host: '127.0.0.1' }); console.log(app.server.address().port);`,
    ],
    { env: { ...process.env, BODY_FILE: file }, stdio: ['ignore', 'pipe', 'inherit'], cwd: root },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { port, child };
}

async function compare(base: string, path: string, cookie: string, seconds: number) {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  const body = await response.text();
  const maillage = await load(`${base}${path}`, cookie, seconds);
  const { port, child } = await baselineServer(body);
  try {
    const baseline = await load(`http://127.0.0.1:${port}${path}`, undefined, seconds);
    return { path, maillage, baseline, bytes: body.length };
  } finally {
    child.kill('SIGTERM');
  }
}

async function waitForHealth(base: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not start');
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function benchActions(databaseUrl: string, seconds = 20): Promise<ActionsFigures> {
  const database = await openDatabase({ databaseUrl });
  await migrate(database);
  await database.close();
  const counts = await generate(databaseUrl);

  // Users are made the way the application makes them (password hashing included).
  const port = 3911;
  const base = `http://127.0.0.1:${port}`;
  const setup = await openDatabase({ databaseUrl });
  const auth = createAuth({
    db: setup.db,
    baseUrl: base,
    secret: randomBytes(32).toString('hex'),
    sessionMaxAgeHours: 12,
  });
  const password = 'banc-d-essai-actions';
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  // The member with the most actions in delegation bench-3: the heaviest list of its kind.
  const { rows } = await admin.query(`
    select d.id as delegation, d.slug,
           (select am.organisation_id from action_members am where am.delegation_id = d.id
            group by am.organisation_id order by count(*) desc limit 1) as organisation
    from delegations d where d.slug = 'bench-3'`);
  await admin.end();
  const target = rows[0] as { delegation: string; slug: string; organisation: string };
  const staffId = await createUserWithPassword(auth, {
    email: 'equipe@banc.example',
    name: 'Équipe',
    password,
  });
  await withTenant(setup.db, { delegationId: target.delegation, userId: null }, (tx) =>
    grantRole(tx, { userId: staffId, role: 'staff', organisationId: null }),
  );
  await setup.close();

  // BENCH_NODE_ARGS (e.g. "--cpu-prof") to look into the server under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, 'bin/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: base,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(base);
    const cookie = await signIn(base, 'equipe@banc.example', password);
    const chronicle = await compare(base, '/api/actions/chronicle?year=2024', cookie, seconds);
    const memberActions = await compare(
      base,
      `/api/members/organisations/${target.organisation}/actions?year=2024`,
      cookie,
      seconds,
    );
    const icsPath = `/api/public/events.ics?delegation=${target.slug}&year=2024`;
    const times: number[] = [];
    let ics = '';
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${icsPath}`);
      ics = await response.text();
      if (!response.ok) throw new Error(`${icsPath}: ${response.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      ...counts,
      chronicle,
      memberActions,
      ics: {
        path: icsPath,
        events: ics.split('BEGIN:VEVENT').length - 1,
        medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
        p99Ms: times[Math.floor(times.length * 0.99)] ?? Number.NaN,
        bytes: ics.length,
      },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
