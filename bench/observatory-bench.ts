// Observatory at federation scale (issue 5): 14 delegations, 4,004 organisations with one
// convention each, ten yearly campaigns of 60 indicators (≈ 2.4 million values). On
// PostgreSQL, against a Maillage server process (bin/start.mjs): a delegation's dashboard
// under autocannon beside a bare Fastify route answering the same body; the national
// roll-up of one indicator; 50 members saving and submitting their forms at once. On
// PGlite: the same dashboard on a data directory prepared in a child process.
// Standalone: `npx tsx bench/observatory-bench.ts` (BENCH_OBS_* variables shrink it).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createUserWithPassword, grantRole } from '../src/modules/accounts/accounts.service.ts';
import { type Auth, CLIENT_IP_HEADER, createAuth } from '../src/modules/accounts/auth.ts';
import { DEFAULT_INDICATORS } from '../src/modules/observatory/catalogue.default.ts';
import { nationalRollup } from '../src/modules/observatory/dashboard.national.ts';
import type { LoadFigures } from './actions-bench.ts';
import { withScratchPostgres } from './postgres.ts';

const root = new URL('..', import.meta.url).pathname;
const env = process.env;
const log = (text: string) => process.stderr.write(`[observatoire] ${text}\n`);
const PASSWORD = 'banc-d-essai-observatoire';
const CODES = ['hoursPaid', 'persons', 'revenue', 'payroll', 'exitsTotal'];
const DASHBOARD_PATH = `/api/observatory/dashboard?indicators=${CODES.join(',')}&from=2015&to=2024`;
// The default catalogue (28 indicators) and 32 optional ones a delegation added: 60 in all.
const EXTRA = Array.from({ length: 32 }, (_, i) => ({
  code: `extra${i}`,
  section: 'other',
  label: `Indicateur complémentaire ${i + 1}`,
  definition: 'Indicateur propre à la délégation.',
  unit: 'count',
  appliesTo: [],
  required: false,
  rules: [],
}));
const CATALOGUE = [...DEFAULT_INDICATORS, ...EXTRA].map((i, position) => ({ ...i, position: position * 10 }));

export interface Size {
  delegations: number;
  organisations: number;
}
const FULL: Size = {
  delegations: Number(env.BENCH_OBS_DELEGATIONS ?? 14),
  organisations: Number(env.BENCH_OBS_ORGANISATIONS ?? 286),
};
const PGLITE: Size = {
  delegations: Number(env.BENCH_OBS_PGLITE_DELEGATIONS ?? FULL.delegations),
  organisations: FULL.organisations,
};

type Run = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;
export interface Generated {
  values: number;
  organisations: number;
  delegation: string;
  seconds: number;
}

/**
 * Fills a migrated database with set-based SQL, triggers off (data, not use): per delegation
 * its organisations and conventions, campaigns 2015–2024 closed with the 60-indicator
 * catalogue, one answer per organisation and year, one value per applicable indicator.
 * Values are written in the order forms arrive (a year's answers of every delegation
 * mixed, each answer's values together), so an indicator's values are spread over the
 * whole table as in real use, not packed together as a plain cross join would put them.
 */
export async function generate(run: Run, size: Size): Promise<Generated> {
  const started = performance.now();
  await run('set session_replication_role = replica');
  await run(`insert into delegations (slug, name)
    select 'obs-' || d, 'Délégation ' || d from generate_series(0, ${size.delegations - 1}) d`);
  await run(`insert into organisations (delegation_id, name, search_name)
    select d.id, 'STRUCTURE ' || o, 'structure ' || o
    from delegations d, generate_series(0, ${size.organisations - 1}) o where d.slug like 'obs-%'`);
  await run(`create temp table org as select id, delegation_id, n,
      (array['AI','ACI','EI','ETTI','EBE'])[1 + n % 5] as type,
      (array['09','11','12','30','31','32','34','46','48','65','66','81','82'])[1 + n % 13] as department
    from (select id, delegation_id, (row_number() over (partition by delegation_id order by id) - 1)::int as n
          from organisations) o`);
  await run(`insert into conventions (delegation_id, organisation_id, type, departments)
    select delegation_id, id, type::convention_type, array[department] from org`);
  await run(`insert into observatory_campaigns (delegation_id, year, title, opens_on, deadline, status)
    select d.id, y, 'Observatoire ' || y, make_date(y + 1, 1, 15), make_date(y + 1, 3, 31), 'closed'
    from delegations d, generate_series(2015, 2024) y where d.slug like 'obs-%'`);
  await run(
    `insert into observatory_indicators (delegation_id, campaign_id, code, label, definition, section, unit,
                                         applies_to, required, rules, position)
     select c.delegation_id, c.id, i.code, i.label, i.definition, i.section, i.unit,
            array(select jsonb_array_elements_text(i."appliesTo")), i.required, i.rules, i.position
     from observatory_campaigns c cross join jsonb_to_recordset($1::jsonb) as i(code text, label text,
       definition text, section text, unit text, "appliesTo" jsonb, required boolean, rules jsonb, position int)`,
    [JSON.stringify(CATALOGUE)],
  );
  await run(`insert into observatory_submissions
      (delegation_id, campaign_id, organisation_id, convention_type, department, year, status)
    select c.delegation_id, c.id, o.id, o.type, o.department, c.year,
           case (o.n + c.year) % 20 when 0 then 'draft' when 1 then 'submitted' else 'validated' end
    from observatory_campaigns c join org o on o.delegation_id = c.delegation_id`);
  await run(`insert into observatory_values (delegation_id, submission_id, organisation_id, year, convention_type,
                                             department, indicator_code, value)
    select s.delegation_id, s.id, s.organisation_id, s.year, s.convention_type, s.department, i.code,
           (hashtext(s.id::text || i.code) & 1048575)::numeric / 10
    from observatory_submissions s join observatory_indicators i on i.campaign_id = s.campaign_id
    where cardinality(i.applies_to) = 0 or s.convention_type = any(i.applies_to)
    order by s.year, s.id, i.position`);
  await run('vacuum analyze');
  const { rows } = await run(`select (select count(*) from observatory_values)::int as values,
    (select count(*) from organisations)::int as organisations,
    (select id from delegations where slug = 'obs-${Math.min(3, size.delegations - 1)}') as delegation`);
  const seconds = (performance.now() - started) / 1000;
  return { ...(rows[0] as Omit<Generated, 'seconds'>), seconds };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const at = (values: number[], p: number) => sorted(values)[Math.floor(values.length * p)] ?? Number.NaN;
export interface Timing {
  medianMs: number;
  p99Ms: number;
  count: number;
}
const timing = (values: number[]): Timing => ({
  medianMs: at(values, 0.5),
  p99Ms: at(values, 0.99),
  count: values.length,
});

async function load(url: string, cookie: string | undefined, seconds: number): Promise<LoadFigures> {
  // As a browser asks (and as the actions bench does): answers are gzipped for clients that accept it.
  const headers = { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) };
  const result = await autocannon({ url, connections: 32, duration: seconds, headers });
  const { requests, latency } = result;
  return { rps: requests.average, p50: latency.p50, p99: latency.p99, errors: result.errors + result.non2xx };
}

/** `count` requests one after the other (after one to warm up): the cost of a request alone. */
async function sequential(url: string, cookie: string, count: number): Promise<Timing & { bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    bytes = (await response.text()).length;
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return { ...timing(times), bytes };
}

/** A bare Fastify route answering `body` from memory, in its own process. */
async function baselineServer(body: string): Promise<{ port: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'maillage-bench-body-'));
  await writeFile(join(dir, 'body.json'), body);
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
    { env: { ...env, BODY_FILE: join(dir, 'body.json') }, stdio: ['ignore', 'pipe', 'inherit'], cwd: root },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { port, stop: () => stopServer(child).then(() => rm(dir, { recursive: true, force: true })) };
}

/** A Maillage server process; resolves once /api/health answers. */
async function startServer(port: number, extra: Record<string, string>): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  // SERVER_NODE_ARGS as in src/test/server-process.ts (e.g. --cpu-prof).
  const flags = env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...flags, 'bin/start.mjs'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: base, LOG_LEVEL: 'silent', ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server;
    } catch {}
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  server.kill('SIGTERM');
  throw new Error('the server did not start');
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}

/**
 * Signs in through Better Auth's own handler, in this process, with the server's secret:
 * fifty members over HTTP from one address would trip the sign-in throttling (5 a minute).
 */
async function signIn(auth: Auth, base: string, email: string, ip: string): Promise<string> {
  const response = await auth.handler(
    new Request(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, [CLIENT_IP_HEADER]: ip },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function call(base: string, cookie: string, method: string, path: string, body?: object) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, origin: base, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

export interface ObservatoryFigures {
  generated: Generated;
  dashboard: { path: string; bytes: number; maillage: LoadFigures; baseline: LoadFigures; alone: Timing };
  rollup: Timing & { indicator: string };
  submissions: SubmissionFigures;
}

export async function benchObservatory(
  databaseUrl: string,
  seconds = Number(env.BENCH_OBS_SECONDS ?? 20),
): Promise<ObservatoryFigures> {
  const owner = await openDatabase({ databaseUrl });
  await migrate(owner);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  log(
    `génération : ${FULL.delegations} délégations × ${FULL.organisations} structures × 10 ans × 60 indicateurs…`,
  );
  const generated = await generate((text, params) => client.query(text, params), FULL);
  log(`${generated.values} valeurs générées en ${generated.seconds.toFixed(0)} s`);
  const { rows: members } = await client.query<{ id: string; type: string }>(
    `select o.id, c.type from organisations o join conventions c on c.organisation_id = o.id
     where o.delegation_id = $1 order by o.name limit 50`,
    [generated.delegation],
  );
  await client.end();

  // Users are made the way the application makes them; their sessions signed with the server's secret.
  const port = 3921;
  const base = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString('hex');
  const auth = createAuth({ db: owner.db, baseUrl: base, secret, sessionMaxAgeHours: 12 });
  const users = [{ id: null, type: 'staff' }, ...members];
  const cookies: string[] = [];
  for (const [i, user] of users.entries()) {
    const email = `banc${i}@banc.example`;
    const userId = await createUserWithPassword(auth, { email, name: email, password: PASSWORD });
    const role = user.id ? 'member' : 'staff';
    await withTenant(owner.db, { delegationId: generated.delegation, userId: null }, (tx) =>
      grantRole(tx, { userId, role, organisationId: user.id }),
    );
    cookies.push(await signIn(auth, base, email, `10.9.${i >> 8}.${i & 255}`));
  }
  const [staff = ''] = cookies;

  const dataDir = await mkdtemp(join(tmpdir(), 'maillage-bench-obs-'));
  const server = await startServer(port, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    DATA_DIR: dataDir,
  });
  try {
    log(`tableau de bord : ${DASHBOARD_PATH}, 50 requêtes l'une après l'autre…`);
    const alone = await sequential(`${base}${DASHBOARD_PATH}`, staff, 50);
    log(`  seul : médiane ${alone.medianMs.toFixed(0)} ms ; autocannon 32 connexions × ${seconds} s…`);
    const maillage = await load(`${base}${DASHBOARD_PATH}`, staff, seconds);
    log(`  sous charge : ${maillage.rps.toFixed(0)} req/s, p99 ${maillage.p99} ms ; référence…`);
    const body = await (await fetch(`${base}${DASHBOARD_PATH}`, { headers: { cookie: staff } })).text();
    const reference = await baselineServer(body);
    const baseline = await load(`http://127.0.0.1:${reference.port}${DASHBOARD_PATH}`, undefined, seconds);
    await reference.stop();
    if (maillage.p99 >= 50 || env.BENCH_EXPLAIN) await explainDashboard(owner, generated.delegation);

    log('consolidation nationale, 50 fois de suite…');
    const rollupTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const years = await nationalRollup(owner.db, 'revenue', 2015, 2024);
      rollupTimes.push(performance.now() - started);
      if (years.length !== 10) throw new Error(`national roll-up: ${years.length} years`);
    }

    const submissions = await benchSubmissions(base, staff, cookies.slice(1), members);
    return {
      generated,
      dashboard: { path: DASHBOARD_PATH, bytes: body.length, maillage, baseline, alone },
      rollup: { ...timing(rollupTimes), indicator: 'revenue' },
      submissions,
    };
  } finally {
    await stopServer(server);
    await owner.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export interface SubmissionFigures {
  members: number;
  rounds: number;
  /** Confirmed with a comment: last year's generated figures differ from this year's. */
  warnings: number;
  save: Timing;
  submit: Timing;
  /** The same requests, one member after the other: what a request costs without others. */
  alone: { save: Timing; submit: Timing };
}

/**
 * The 2025 campaign (the 60 indicators of 2024 copied), one form per member. First one
 * member after the other, then rounds of 50 saves at once followed by 50 submissions at
 * once; between rounds staff send every form back for correction (not timed).
 */
async function benchSubmissions(
  base: string,
  staff: string,
  cookies: string[],
  members: { type: string }[],
): Promise<SubmissionFigures> {
  const rounds = Number(env.BENCH_OBS_ROUNDS ?? 10);
  const campaign = await call(base, staff, 'POST', '/api/observatory/campaigns', {
    year: 2025,
    title: 'Observatoire 2025',
    opensOn: '2026-01-15',
    deadline: '2026-03-31',
  });
  await call(base, staff, 'PATCH', `/api/observatory/campaigns/${campaign.id}`, { status: 'open' });
  const forms: string[] = [];
  for (const [i, cookie] of cookies.entries()) {
    const path = `/api/observatory/campaigns/${campaign.id}/forms`;
    forms.push((await call(base, cookie, 'POST', path, { conventionType: members[i]?.type })).id);
  }
  let warnings = 0;
  const saveOf = async (i: number, round: number, times: number[]) => {
    const started = performance.now();
    const form = await call(
      base,
      cookies[i] ?? '',
      'PUT',
      `/api/observatory/submissions/${forms[i]}/values`,
      {
        values: answer(members[i]?.type ?? 'ACI', round),
      },
    );
    times.push(performance.now() - started);
    if (form.check.errors.length > 0) throw new Error(JSON.stringify(form.check.errors));
    warnings += form.check.warnings.length;
    // The member confirms each warning with a comment, as the form asks.
    return Object.fromEntries(form.check.warnings.map((w: { code: string }) => [w.code, 'Chiffre vérifié.']));
  };
  const submitOf = async (i: number, confirmWarnings: Record<string, string>, times: number[]) => {
    const started = performance.now();
    await call(base, cookies[i] ?? '', 'POST', `/api/observatory/submissions/${forms[i]}/submit`, {
      confirmWarnings,
    });
    times.push(performance.now() - started);
  };
  const sendBack = async () => {
    for (const id of forms)
      await call(base, staff, 'POST', `/api/observatory/submissions/${id}/request-correction`, {
        comment: 'Merci de vérifier les chiffres.',
      });
  };
  log(`dépôts : ${cookies.length} membres l'un après l'autre…`);
  const alone = { save: [] as number[], submit: [] as number[] };
  for (const i of forms.keys()) await submitOf(i, await saveOf(i, 0, alone.save), alone.submit);
  await sendBack();
  const save: number[] = [];
  const submit: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    log(`dépôts : tour ${round}/${rounds}, ${cookies.length} membres à la fois`);
    const confirmations = await Promise.all(forms.map((_, i) => saveOf(i, round, save)));
    await Promise.all(forms.map((_, i) => submitOf(i, confirmations[i] ?? {}, submit)));
    await sendBack();
  }
  return {
    members: cookies.length,
    rounds,
    warnings,
    save: timing(save),
    submit: timing(submit),
    alone: { save: timing(alone.save), submit: timing(alone.submit) },
  };
}

/** A consistent answer to the catalogue (as the tests' GOOD_VALUES), the optional ones changing each round. */
function answer(type: string, round: number): Record<string, number> {
  const values: Record<string, number> = {
    hoursPaid: 16_070,
    etpPathway: 10,
    persons: 40,
    entries: 20,
    entrantsWomen: 8,
    entrantsMen: 12,
    entrantsRsa: 5,
    staffHeadcount: 4,
    staffEtp: 3.5,
    revenue: 100_000,
    subsidies: 10_000,
    payroll: 90_000,
    netResult: -1_200.5,
    exitsTotal: 14,
    exitsDurable: 3,
    exitsTransition: 4,
    exitsPositive: 2,
    exitsOther: 5,
  };
  if (['AI', 'ETTI'].includes(type)) values.clients = 12;
  if (type !== 'EBE') values.aideAuPoste = 50_000;
  for (const extra of EXTRA) values[extra.code] = round * 10 + extra.code.length;
  return values;
}

/** The plan of the dashboard's grouped query, as a staff member of the delegation runs it. */
async function explainDashboard(owner: Awaited<ReturnType<typeof openDatabase>>, delegationId: string) {
  const plan = await withTenant(owner.db, { delegationId, userId: null }, (tx) =>
    queryRows<{ 'QUERY PLAN': string }>(
      tx,
      sql`explain (analyze, buffers) select g.*, c.synthetic from (
            select v.indicator_code, v.year, v.convention_type, v.department, s.campaign_id, sum(v.value),
                   count(*), percentile_cont(0.5) within group (order by v.value)
            from observatory_values v join observatory_submissions s on s.id = v.submission_id
            where v.year between 2015 and 2024 and s.status in ('validated')
              and v.indicator_code in (${sql.join(
                CODES.map((c) => sql`${c}`),
                sql`, `,
              )})
            group by 1, 2, 3, 4, 5) g join observatory_campaigns c on c.id = g.campaign_id`,
    ),
  );
  log(`plan de la requête groupée du tableau de bord :\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
}

export interface PgliteFigures {
  generated: Generated;
  size: Size;
  dashboard: Timing & { path: string; bytes: number };
}

/** The same dashboard on an embedded database, prepared in a child process, 50 requests in a row. */
export async function benchObservatoryPglite(): Promise<PgliteFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'maillage-bench-obs-pglite-'));
  try {
    log(`PGlite : génération de ${PGLITE.delegations} délégations × ${PGLITE.organisations} structures…`);
    const prepare = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/observatory-bench.ts', 'prepare-pglite', join(dataDir, 'pglite')],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    prepare.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const code = await new Promise((r) => prepare.once('exit', r));
    if (code !== 0) throw new Error(`prepare-pglite exited with ${code}`);
    const generated = JSON.parse(output) as Generated;
    log(`PGlite : ${generated.values} valeurs en ${generated.seconds.toFixed(0)} s`);
    const port = 3922;
    const base = `http://127.0.0.1:${port}`;
    // Not empty (delegations exist): the server loads no demo into it.
    const server = await startServer(port, {
      DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString('hex'),
    });
    try {
      const response = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'equipe@banc.example', password: PASSWORD }),
      });
      if (!response.ok) throw new Error(`sign-in: ${response.status}`);
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const dashboard = await sequential(`${base}${DASHBOARD_PATH}`, cookie, 50);
      log(`PGlite : médiane ${dashboard.medianMs.toFixed(0)} ms, p99 ${dashboard.p99Ms.toFixed(0)} ms`);
      return {
        generated,
        size: PGLITE,
        dashboard: { ...dashboard, path: DASHBOARD_PATH },
      };
    } finally {
      await stopServer(server);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Child process: migrates and fills an embedded database, with a staff user of the measured delegation. */
async function preparePglite(dir: string) {
  const migrated = await openDatabase({ dataDir: dir });
  await migrate(migrated);
  await migrated.close();
  const client = await PGlite.create(dir);
  const generated = await generate((text, params) => client.query(text, params), PGLITE);
  await client.close();
  const database = await openDatabase({ dataDir: dir });
  const auth = createAuth({
    db: database.db,
    baseUrl: 'http://127.0.0.1',
    secret: randomBytes(32).toString('hex'),
    sessionMaxAgeHours: 1,
  });
  const userId = await createUserWithPassword(auth, {
    email: 'equipe@banc.example',
    name: 'Équipe',
    password: PASSWORD,
  });
  await withTenant(database.db, { delegationId: generated.delegation, userId: null }, (tx) =>
    grantRole(tx, { userId, role: 'staff', organisationId: null }),
  );
  await database.close();
  process.stdout.write(JSON.stringify(generated));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === 'prepare-pglite') await preparePglite(process.argv[3] ?? '');
  else {
    const postgres = await withScratchPostgres((url) => benchObservatory(url));
    const pglite = env.BENCH_OBS_SKIP_PGLITE ? null : await benchObservatoryPglite();
    console.log(JSON.stringify({ postgres, pglite }, null, 2));
  }
}
