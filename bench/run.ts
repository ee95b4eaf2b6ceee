// `npm run bench`: measures start-up on an existing data directory and the cost of the
// main read routes, each against a baseline measured in the same run, and writes
// bench/RESULTS.md. Figures are ratios so that a slower or busier machine does not lie.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type ActionsFigures, benchActions } from './actions-bench.ts';
import { benchDirectory } from './directory-bench.ts';
import {
  benchFederation,
  FEDERATION_CASES,
  type FederationCase,
  type FederationFigures,
  federationLines,
} from './federation-bench.ts';
import { benchImportInChild, type ImportFigures } from './import-bench.ts';
import { benchLoad, loadLines } from './load.ts';
import {
  benchObservatory,
  benchObservatoryPglite,
  type ObservatoryFigures,
  type PgliteFigures,
} from './observatory-bench.ts';
import { withScratchPostgres } from './postgres.ts';
import { benchReport, reportLines } from './report-bench.ts';

const TEST_DURATIONS_HEADING = '## Test and CI durations';

const FEDERATION_HEADING = '## Member files and directory at federation scale (issue 18)';

const USAGE = `npm run bench [-- --only CASE[,CASE…]]

Without options: every benchmark, then bench/RESULTS.md is written again (its test and CI
durations section is kept). Takes about an hour (the load alone is over ten minutes).

--only CASE[,CASE…]  runs only these cases of issue 18 (member files and directory at
                     federation scale, on a scratch database of the PostgreSQL on
                     127.0.0.1:5432) and replaces only their rows in RESULTS.md:
${FEDERATION_CASES.map((c) => `                       ${c}`).join('\n')}
--help               this text

Environment: BENCH_RUNS, BENCH_REQUESTS, BENCH_LOAD=0 (leaves the load out),
BENCH_POSTGRES_URL, BENCH_FEDERATION_ROWS (40000), CHROMIUM_PATH (/usr/bin/chromium).`;

const cli = process.argv.slice(2);
if (cli.includes('--help') || cli.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const onlyIndex = cli.findIndex((a) => a === '--only' || a.startsWith('--only='));
if (onlyIndex >= 0 || cli.length > 0) {
  const value = cli[onlyIndex]?.includes('=') ? cli[onlyIndex]?.split('=')[1] : cli[onlyIndex + 1];
  const cases = (value ?? '').split(',').filter(Boolean);
  const unknown = cases.filter((c) => !(FEDERATION_CASES as readonly string[]).includes(c));
  if (onlyIndex < 0 || cases.length === 0 || unknown.length > 0) {
    console.error(`${unknown.length > 0 ? `unknown case: ${unknown.join(', ')}\n\n` : ''}${USAGE}`);
    process.exit(2);
  }
  const chosen = FEDERATION_CASES.filter((c) => cases.includes(c));
  const figures = await withScratchPostgres((url) => benchFederation(url, chosen));
  if (!figures) throw new Error('no PostgreSQL on 127.0.0.1:5432 (BENCH_POSTGRES_URL)');
  const previous = await readFile(new URL('RESULTS.md', import.meta.url), 'utf8');
  const run = `${new Date().toISOString().slice(0, 16)}Z, ${commit()}, \`npm run bench -- --only ${chosen.join(',')}\``;
  const section = federationSection(previous, figures, run);
  const start = previous.indexOf(FEDERATION_HEADING);
  const kept = previous.indexOf(TEST_DURATIONS_HEADING);
  const next =
    start >= 0
      ? (() => {
          const after = previous.indexOf('\n## ', start + FEDERATION_HEADING.length);
          return after >= 0 ? after + 1 : previous.length;
        })()
      : kept >= 0
        ? kept
        : previous.length;
  const from = start >= 0 ? start : next;
  await writeFile(
    new URL('RESULTS.md', import.meta.url),
    `${previous.slice(0, from)}${section}\n${previous.slice(next)}`.replace(/\n{3,}/g, '\n\n'),
  );
  console.log(section);
  process.exit(0);
}

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.BENCH_RUNS ?? 5);

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitForHealth(port: number, path = '/api/health', timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no answer on port ${port}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function timeStart(args: string[], env: Record<string, string>, port: number, path?: string) {
  const started = performance.now();
  const child = startProcess(args, { ...env, PORT: String(port) });
  await waitForHealth(port, path);
  const elapsed = performance.now() - started;
  await stop(child);
  return elapsed;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function throughput(url: string, count: number, cookie?: string): Promise<number> {
  const started = performance.now();
  const concurrency = 8;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const response = await fetch(url, cookie ? { headers: { cookie } } : {});
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await response.arrayBuffer();
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const dataDir = await mkdtemp(join(tmpdir(), 'maillage-bench-'));
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1' };
const port = 3901;
try {
  // First start: migrations + demo load (not the target, reported for information).
  const first = await timeStart(['bin/start.mjs'], env, port);
  const baseline: number[] = [];
  const maillage: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Baseline: a bare Fastify server with one route, started the same way (through tsx).
    baseline.push(await timeStart(['--import', 'tsx', 'bench/baseline-server.ts'], env, port + 1, '/'));
    maillage.push(await timeStart(['bin/start.mjs'], env, port));
  }

  const child = startProcess(['bin/start.mjs'], { ...env, PORT: String(port) });
  await waitForHealth(port);
  const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
  const health = await throughput(`http://127.0.0.1:${port}/api/health`, requests);
  const directory = await throughput(`http://127.0.0.1:${port}/api/public/structures`, requests);
  const stats = await throughput(`http://127.0.0.1:${port}/api/public/stats/members?year=2024`, requests);
  const directory32 = await benchDirectory(`http://127.0.0.1:${port}`, '/api/public/structures?type=ACI&q=a');
  await stop(child);

  // Each in a fresh process, as the CLI imports: its memory is the import's alone.
  const importPostgres = await withScratchPostgres(async (url) => benchImportInChild(url));
  const importPglite = benchImportInChild();
  const actions = await withScratchPostgres((url) => benchActions(url));
  const observatory = await withScratchPostgres((url) => benchObservatory(url));
  // In child processes (data preparation, server): this process's memory stays as it is.
  const observatoryPglite = await benchObservatoryPglite();
  // Issue 7: the activity report (bench/report-bench.ts, PGlite in a child process).
  const report = await benchReport();
  // Issue 8: the campaign-deadline load on one then two servers behind pgbouncer (bench/load.ts;
  // LOAD_SECONDS, LOAD_USERS… shorten it; BENCH_LOAD=0 leaves it out).
  const load = process.env.BENCH_LOAD === '0' ? null : await withScratchPostgres((url) => benchLoad(url));
  // Issue 18: member files and the directory at 40,000 establishments (bench/federation-bench.ts).
  const federation = await withScratchPostgres((url) => benchFederation(url, FEDERATION_CASES));

  const b = median(baseline);
  const m = median(maillage);
  const lines = [
    '# Benchmark results',
    '',
    `- date: ${new Date().toISOString()}`,
    `- commit: ${commit()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `- command: \`npm run bench\` (embedded PGlite, demo data, median of ${runs} runs)`,
    '',
    '| measure | value | baseline (same run) | ratio | target |',
    '|---|---|---|---|---|',
    `| start-up on an existing data directory, to first 200 on /api/health | ${m.toFixed(0)} ms | bare Fastify via tsx: ${b.toFixed(0)} ms | ${(m / b).toFixed(2)} × | < 3000 ms ${m < 3000 ? '✅' : '❌'} |`,
    `| first start on an empty data directory (migrate + demo load) | ${first.toFixed(0)} ms | — | — | — |`,
    `| GET /api/public/structures (53 items), 8 concurrent | ${directory.toFixed(0)} req/s | GET /api/health: ${health.toFixed(0)} req/s | ${(directory / health).toFixed(2)} × | — |`,
    `| GET /api/public/stats/members, 8 concurrent | ${stats.toFixed(0)} req/s | GET /api/health: ${health.toFixed(0)} req/s | ${(stats / health).toFixed(2)} × | — |`,
    `| directory search \`${directory32.path}\` (${directory32.items} items), autocannon 32 connections × 20 s | ${directory32.maillage.rps.toFixed(0)} req/s, p99 ${directory32.maillage.p99} ms, ${directory32.maillage.errors} errors | bare Fastify, same items from memory: ${directory32.baseline.rps.toFixed(0)} req/s, p99 ${directory32.baseline.p99} ms | ${(directory32.maillage.rps / directory32.baseline.rps).toFixed(2)} × | p99 < 25 ms ${directory32.maillage.p99 < 25 ? '✅' : '❌'}, ≥ 0.40 × ${directory32.maillage.rps / directory32.baseline.rps >= 0.4 ? '✅' : '❌'} |`,
    ...importLines(importPglite, 5_000),
    ...(importPostgres
      ? importLines(importPostgres, 20_000)
      : ['| import on PostgreSQL | not measured: no server on 127.0.0.1:5432 | | | |']),
    ...(actions
      ? actionsLines(actions)
      : ['| actions on PostgreSQL | not measured: no server on 127.0.0.1:5432 | | | |']),
    ...(observatory
      ? observatoryLines(observatory)
      : ['| observatory on PostgreSQL | not measured: no server on 127.0.0.1:5432 | | | |']),
    observatoryPgliteLine(observatoryPglite),
    ...reportLines(report),
    ...(load
      ? loadLines(load)
      : ['| campaign-deadline load | not measured: BENCH_LOAD=0 or no server on 127.0.0.1:5432 | | | |']),
    '',
    'Import: the national SIAE list (`../shared/data/siae`) repeated with fresh SIRETs and names to',
    `${importPglite.rows} rows across 14 delegations, dry run then commit through the service the API and CLI use`,
    '(parse, map, validate, write organisations, establishments, conventions, memberships, audit).',
    'Baseline: the same number of rows written by plain multi-row INSERTs into a scratch table, same database.',
    'A committed line writes an establishment, its conventions, and for a new organisation the',
    'organisation and its membership period, each with an audit line (a JSON copy of the row) and',
    'per-row foreign-key checks: the "where a bulk insert\'s time goes" line takes one such statement',
    'apart. Integrity and history cost more than the rows themselves; that is what bounds the commit.',
    'Each import runs in a process of its own, as `npx maillage import` does; its peak RSS is the',
    "kernel's high-water mark (VmHWM) of that process: Node, tsx, the code, and with PGlite the",
    'embedded database itself (about 140 MB once open, with 16 MB of shared buffers).',
    '',
    'Actions: a generated federation (14 delegations, 3,990 organisations, 50,000 actions over',
    'ten years, 500,000 participations) on PostgreSQL; a Maillage server (bin/start.mjs) under',
    'autocannon, 32 connections × 20 s, signed in as staff of one delegation; baseline: a bare',
    'Fastify route answering the same body from memory, same run. The public iCalendar feed of',
    'a delegation-year is timed request by request (200 sequential requests).',
    '',
    'Observatory: a generated federation (14 delegations, 4,004 organisations with one convention',
    'each, ten closed campaigns of 60 indicators, values written form by form as members send them)',
    'on PostgreSQL. The dashboard of one delegation (five indicators by type × department × year,',
    'validated answers) through a Maillage server: 50 requests in a row, then autocannon 32 × 20 s',
    'signed in as staff, beside a bare Fastify route answering the same body from memory. The',
    'national roll-up (`nationalRollup`, one indicator over ten years, owner connection) is called',
    '50 times in a row. Forms: 50 member users of 50 organisations answer an open campaign; each',
    'saves its 50-odd figures (PUT …/values) then submits (POST …/submit, warnings confirmed with a',
    'comment) one member after the other, then in rounds where all 50 save at once, then all 50',
    'submit at once; staff send the forms back between rounds (not timed). PGlite: the same',
    'federation generated in a child process into a data directory, the same dashboard through a',
    'server on it, 50 requests in a row.',
    '',
    `Load: ${load?.users ?? 300} member users of as many organisations, each with a form in the open 2025`,
    'observatory campaign, arrive (signing in again, from their own address behind the proxy,',
    'when their last sign-in is 2 minutes old; the sign-ins of the setup are spread over those',
    '2 minutes so that they come at their steady pace from the start), open the form, save it',
    'three times, submit every third',
    'visit (staff then send it back); staff open the dashboard and the completeness board; visitors',
    'search the public directory (60 / 15 / 25 % of requests). Paced virtual users',
    '(bench/load-scenario.ts) hold a fixed total rate against server processes',
    'on PostgreSQL through pgbouncer (transaction mode, LISTEN direct); a ramp (+40 % a step of 20 s)',
    'finds the highest rate with p99 < 200 ms (sign-ins apart: each is one scrypt hash, timed alone beside) and no error, then it is kept (5 minutes on one',
    'server, sampling its RSS); then the same on two servers. The load generator runs on the',
    'same two cores: its CPU is given with that of the servers and of PostgreSQL.',
    '',
    'Start-up is measured from process spawn to the first successful health answer, so it',
    'includes loading TypeScript through tsx, opening the PGlite data directory and checking migrations.',
    '',
  ];
  // The test and CI durations are measured by hand (`time` on a clean clone), not by this
  // script: their section is carried over as it is.
  const previous = await readFile(new URL('RESULTS.md', import.meta.url), 'utf8').catch(() => '');
  if (federation)
    lines.push(
      federationSection(
        previous,
        federation,
        `${new Date().toISOString().slice(0, 16)}Z, ${commit()}, \`npm run bench\``,
      ),
      '',
    );
  else lines.push(FEDERATION_HEADING, '', 'Not measured: no PostgreSQL on 127.0.0.1:5432.', '');
  const kept = previous.indexOf(TEST_DURATIONS_HEADING);
  if (kept >= 0) lines.push(previous.slice(kept).trimEnd(), '');
  await writeFile(new URL('RESULTS.md', import.meta.url), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

function importLines(f: ImportFigures, target: number): string[] {
  const ok = f.commitRowsPerSecond >= target ? '✅' : '❌';
  return [
    `| import dry run, ${f.rows} rows (${f.database}) | ${f.dryRunRowsPerSecond.toFixed(0)} rows/s | plain INSERT: ${f.baselineRowsPerSecond.toFixed(0)} rows/s | ${(f.dryRunRowsPerSecond / f.baselineRowsPerSecond).toFixed(2)} × | — |`,
    `| import commit, ${f.rows} rows (${f.database}) | ${f.commitRowsPerSecond.toFixed(0)} rows/s | plain INSERT: ${f.baselineRowsPerSecond.toFixed(0)} rows/s | ${(f.commitRowsPerSecond / f.baselineRowsPerSecond).toFixed(2)} × | ≥ ${target} rows/s ${ok} |`,
    `| where a bulk insert's time goes (${f.database}): ${f.insertCost.rows} establishments in one statement as the app role, EXPLAIN ANALYZE | rows, indexes, RLS ${f.insertCost.insertMs.toFixed(0)} ms; foreign-key checks ${f.insertCost.foreignKeysMs.toFixed(0)} ms; audit trigger ${f.insertCost.auditMs.toFixed(0)} ms | — | — | — |`,
    `| import memory (${f.database}): peak RSS, and its growth over the process before the import | peak ${f.peakRssMb.toFixed(0)} MB, growth ${(f.peakRssMb - f.rssBeforeMb).toFixed(0)} MB | before the import: ${f.rssBeforeMb.toFixed(0)} MB | — | < 300 MB: peak ${f.peakRssMb < 300 ? '✅' : '❌'}, growth ${f.peakRssMb - f.rssBeforeMb < 300 ? '✅' : '❌'} |`,
  ];
}

function actionsLines(a: ActionsFigures): string[] {
  const row = (label: string, f: ActionsFigures['chronicle']) =>
    `| ${label} \`${f.path}\` (${(f.bytes / 1024).toFixed(0)} kB), autocannon 32 × 20 s | ${f.maillage.rps.toFixed(0)} req/s, p99 ${f.maillage.p99} ms, ${f.maillage.errors} errors | bare Fastify, same body: ${f.baseline.rps.toFixed(0)} req/s, p99 ${f.baseline.p99} ms | ${(f.maillage.rps / f.baseline.rps).toFixed(2)} × | p99 < 30 ms ${f.maillage.p99 < 30 && f.maillage.errors === 0 ? '✅' : '❌'} |`;
  return [
    row(
      `chronicle of one delegation-year (${a.actions} actions, ${a.participations} participations in all)`,
      a.chronicle,
    ),
    row("one member's actions of a year", a.memberActions),
    `| public iCalendar of a delegation-year \`${a.ics.path}\` (${a.ics.events} events, ${(a.ics.bytes / 1024).toFixed(0)} kB) | median ${a.ics.medianMs.toFixed(1)} ms, p99 ${a.ics.p99Ms.toFixed(1)} ms | — | — | < 100 ms ${a.ics.p99Ms < 100 ? '✅' : '❌'} |`,
  ];
}

function observatoryLines(o: ObservatoryFigures): string[] {
  const { dashboard: d, rollup: r, submissions: s } = o;
  const ms = (t: { medianMs: number; p99Ms: number }) =>
    `p50 ${t.medianMs.toFixed(0)} ms, p99 ${t.p99Ms.toFixed(0)} ms`;
  const form = (label: string, burst: ObservatoryFigures['submissions']['save'], alone: typeof burst) =>
    `| ${label}, ${s.members} members at once, ${s.rounds} rounds | ${ms(burst)} | one member at a time: ${ms(alone)} | ${(burst.p99Ms / alone.p99Ms).toFixed(2)} × (p99) | p99 < 50 ms ${burst.p99Ms < 50 ? '✅' : '❌'} |`;
  return [
    `| observatory dashboard \`${d.path}\` (${(d.bytes / 1024).toFixed(0)} kB; ${o.generated.values} values in all), autocannon 32 × 20 s | ${d.maillage.rps.toFixed(0)} req/s, p50 ${d.maillage.p50} ms, p99 ${d.maillage.p99} ms, ${d.maillage.errors} errors | bare Fastify, same body: ${d.baseline.rps.toFixed(0)} req/s, p99 ${d.baseline.p99} ms | ${(d.maillage.rps / d.baseline.rps).toFixed(2)} × | p99 < 50 ms ${d.maillage.p99 < 50 && d.maillage.errors === 0 ? '✅' : '❌'} |`,
    `| the same dashboard, 50 requests in a row | ${ms(d.alone)} | — | — | — |`,
    `| national roll-up of \`${r.indicator}\` over ten years (\`nationalRollup\`), 50 calls in a row | ${ms(r)} | — | — | < 200 ms ${r.p99Ms < 200 ? '✅' : '❌'} |`,
    form('form save (PUT …/values)', s.save, s.alone.save),
    form('form submit (POST …/submit)', s.submit, s.alone.submit),
  ];
}

function observatoryPgliteLine(p: PgliteFigures): string {
  const d = p.dashboard;
  return `| observatory dashboard on PGlite (${p.size.delegations} delegations, ${p.generated.values} values), 50 requests in a row | p50 ${d.medianMs.toFixed(0)} ms, p99 ${d.p99Ms.toFixed(0)} ms | — | — | < 300 ms ${d.p99Ms < 300 ? '✅' : '❌'} |`;
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The issue-18 section: the rows of the cases just run, the others as the previous
 * RESULTS.md has them (each row says when, at which commit and by which command).
 */
function federationSection(previous: string, figures: FederationFigures, run: string): string {
  const fresh = federationLines(figures, run);
  const start = previous.indexOf(FEDERATION_HEADING);
  const old = start >= 0 ? previous.slice(start).split('\n') : [];
  const rowOf = (c: FederationCase) =>
    fresh.get(c) ?? old.filter((line) => line.startsWith(`| \`${c}\` |`)).slice(0, 1);
  // Notes written by hand under a "### " heading of the section (what bounds a figure, found
  // by profiling) are carried over, up to the next section.
  const notesAt = old.findIndex((line) => line.startsWith('### '));
  const nextSection = old.findIndex((line, i) => i > 0 && line.startsWith('## '));
  const notes = notesAt >= 0 ? old.slice(notesAt, nextSection >= 0 ? nextSection : undefined) : [];
  return [
    FEDERATION_HEADING,
    '',
    'Run alone: `npm run bench -- --only reimport,import-health,directory,directory-paint` (any of',
    'the four; only their rows are replaced). A scratch database on the PostgreSQL of',
    '127.0.0.1:5432; one delegation with 40,000 establishments of current members, each its own',
    'organisation, loaded through the import from rows of the national SIAE list',
    '(`../shared/data/siae`) with fresh SIRENs, SIRETs and names. Servers are real processes',
    '(`src/server/main.ts`, production mode, serving `web/dist`: `npm run build:web` first).',
    "`reimport`: the delegation's CSV export checked again as the web preview and",
    '`maillage import --dry-run` do (parse, then the registry in a short transaction, then the',
    'checks), three times. `import-health`: a staff user posts another 40,000-row file to',
    '`/api/members/imports/preview` then `/commit` (an empty delegation) while this process asks',
    '`/api/health` every 20 ms after the last answer; baseline: 5 s of the same probes with nothing',
    'running. `directory`: autocannon on one search, beside a bare Fastify route answering the same',
    'page; and searches never asked before, each once. `directory-paint`: `/annuaire` in Chromium',
    '(`/usr/bin/chromium`), from navigation start to the frame after the first entry is in the page.',
    '',
    '| case | measure | value | baseline (same run) | ratio | target | run |',
    '|---|---|---|---|---|---|---|',
    ...FEDERATION_CASES.flatMap(rowOf),
    '',
    ...notes,
  ]
    .join('\n')
    .trimEnd()
    .concat('\n');
}
