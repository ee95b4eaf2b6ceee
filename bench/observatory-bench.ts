// Observatory dashboards at federation scale, on PostgreSQL: 14 delegations × 10 years ×
// 300 answers × 57 indicators ≈ 2.4 million values. Times the dashboard, the peer position
// and the national roll-up through a real HTTP server (in this process), and prints the
// plan of the dashboard's grouped query. Run: `npx tsx bench/observatory-bench.ts`
// (BENCH_POSTGRES_URL to choose the server; a scratch database is created and dropped).
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createUserWithPassword, grantRole } from '../src/modules/accounts/accounts.service.ts';
import { createAuth } from '../src/modules/accounts/auth.ts';
import { DEFAULT_INDICATORS } from '../src/modules/observatory/catalogue.default.ts';
import { nationalRollup } from '../src/modules/observatory/dashboard.national.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { withScratchPostgres } from './postgres.ts';

const DELEGATIONS = 14;
const ANSWERS_PER_YEAR = 300;
const YEARS = [2015, 2024] as const;
const CODES = [
  ...DEFAULT_INDICATORS.map((i) => i.code),
  ...Array.from({ length: 30 }, (_, i) => `extra${i}`),
];
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);

/** Fills a migrated database with the federation's answers (set-based SQL). */
export async function generate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Data, not use: no audit lines for two million inserts.
    await client.query('set session_replication_role = replica');
    await client.query(`insert into delegations (slug, name)
      select 'obs-' || d, 'Délégation ' || d from generate_series(0, ${DELEGATIONS - 1}) d`);
    await client.query(`create temp table dl as select id from delegations where slug like 'obs-%'`);
    await client.query(`insert into organisations (delegation_id, name, search_name)
      select dl.id, 'STRUCTURE ' || o, 'structure ' || o from dl, generate_series(0, ${ANSWERS_PER_YEAR - 1}) o`);
    await client.query(`create temp table org as
      select id, delegation_id, (row_number() over (partition by delegation_id order by id) - 1)::int as n
      from organisations`);
    await client.query(`insert into observatory_campaigns (delegation_id, year, title, opens_on, deadline, status)
      select dl.id, y, 'Campagne ' || y, make_date(y + 1, 1, 15), make_date(y + 1, 3, 31), 'closed'
      from dl, generate_series(${YEARS[0]}, ${YEARS[1]}) y`);
    await client.query(`insert into observatory_submissions
        (delegation_id, campaign_id, organisation_id, convention_type, department, year, status)
      select c.delegation_id, c.id, o.id, (array['AI','ACI','EI','ETTI','EBE'])[1 + o.n % 5],
             (array['09','11','12','30','31','32','34','46','48','65','66','81','82'])[1 + o.n % 13], c.year,
             case (o.n + c.year) % 20 when 0 then 'draft' when 1 then 'submitted' else 'validated' end
      from observatory_campaigns c join org o on o.delegation_id = c.delegation_id`);
    await client.query(
      `insert into observatory_values (delegation_id, submission_id, organisation_id, year, convention_type,
                                       department, indicator_code, value)
       select s.delegation_id, s.id, s.organisation_id, s.year, s.convention_type, s.department, c.code,
              (hashtext(s.id::text || c.code) & 1048575)::numeric / 10
       from observatory_submissions s cross join unnest($1::text[]) as c(code)`,
      [CODES],
    );
    await client.query('analyze');
    const { rows } = await client.query('select count(*)::int as values from observatory_values');
    const [target] = (
      await client.query(`select d.id, (select o.id from organisations o where o.delegation_id = d.id
        order by o.name limit 1) as organisation from delegations d where slug = 'obs-3'`)
    ).rows as { id: string; organisation: string }[];
    if (!target) throw new Error('no delegation obs-3');
    return { values: Number(rows[0]?.values), target };
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

async function time(url: string, cookie: string, concurrency: number) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < REQUESTS) {
        const started = performance.now();
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5).toFixed(1), p99: percentile(times, 0.99).toFixed(1) };
}

async function main() {
  const result = await withScratchPostgres(async (url) => {
    const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
    await migrate(database);
    const started = performance.now();
    const { values, target } = await generate(url);
    console.log(`generated ${values} values in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    // Better Auth checks the origin of a sign-in against BASE_URL: the port is chosen first.
    const port = Number(process.env.BENCH_PORT ?? 3931);
    const config = loadConfig({
      NODE_ENV: 'test',
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
    });
    const auth = createAuth({
      db: database.db,
      baseUrl: config.baseUrl,
      secret: randomBytes(32).toString('hex'),
      sessionMaxAgeHours: 12,
    });
    const app = await buildApp(
      { config, database, auth, mailer: { send: async () => {} } },
      { webDist: null },
    );
    const address = await app.listen({ port, host: '127.0.0.1' });
    try {
      const userId = await createUserWithPassword(auth, {
        email: 'equipe@banc.example',
        name: 'Équipe',
        password: 'banc-observatoire',
      });
      await withTenant(database.db, { delegationId: target.id, userId: null }, (tx) =>
        grantRole(tx, { userId, role: 'staff', organisationId: null }),
      );
      const signIn = await fetch(`${address}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: address },
        body: JSON.stringify({ email: 'equipe@banc.example', password: 'banc-observatoire' }),
      });
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      // The dashboard's main query as the default request runs it, with its plan and timing.
      const plan = await withTenant(database.db, { delegationId: target.id, userId: null }, (tx) =>
        queryRows<{ 'QUERY PLAN': string }>(
          tx,
          sql`explain (analyze) select g.*, c.synthetic from (
              select v.indicator_code, v.year, v.convention_type, v.department, s.campaign_id, sum(v.value),
                     count(*), percentile_cont(0.5) within group (order by v.value)
              from observatory_values v join observatory_submissions s on s.id = v.submission_id
              where v.year between 1990 and 2100 and s.status in ('validated')
                and v.indicator_code in ('revenue', 'persons', 'payroll', 'hoursPaid')
              group by 1, 2, 3, 4, 5) g join observatory_campaigns c on c.id = g.campaign_id`,
        ),
      );
      console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
      const paths = {
        dashboard: '/api/observatory/dashboard?indicators=revenue,persons,payroll,hoursPaid',
        dashboardFiltered:
          '/api/observatory/dashboard?indicators=revenue,persons,membersAnswering&from=2020&to=2024&type=AI',
        position: `/api/observatory/position/${target.organisation}?year=2024`,
      };
      // How busy the machine is: the same CPU-bound query a quiet 2-core machine runs in about 5 ms.
      const calibration: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await queryRows(database.db, sql`select count(*) from generate_series(1, 100000)`);
        calibration.push(performance.now() - t0);
      }
      calibration.sort((a, b) => a - b);
      const figures: Record<string, unknown> = {
        values,
        calibrationMs: percentile(calibration, 0.5).toFixed(1),
      };
      for (const [name, path] of Object.entries(paths)) {
        figures[name] = {
          sequential: await time(`${address}${path}`, cookie, 1),
          concurrent8: await time(`${address}${path}`, cookie, 8),
        };
      }
      const rollupStarted = performance.now();
      await nationalRollup(database.db, 'revenue', 2015, 2024);
      figures.nationalRollupMs = (performance.now() - rollupStarted).toFixed(0);
      return figures;
    } finally {
      await app.close();
      await database.close();
    }
  });
  console.log(
    result === null ? 'no PostgreSQL reachable: nothing measured' : JSON.stringify(result, null, 2),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
