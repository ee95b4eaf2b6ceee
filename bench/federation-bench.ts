// Issue 18: member files and the public directory at federation scale, on PostgreSQL.
// One delegation holds 40,000 establishments of current members, loaded through the import
// (rows of the national SIAE list, ../shared/data/siae, each with its own SIREN, SIRET and
// name). Cases (`npm run bench -- --only <case,…>`):
// - reimport: that delegation's export (CSV, 40,000 rows) checked again as a dry run, as
//   `maillage import --dry-run` and the web preview do; baseline: plain INSERTs of as many rows;
// - import-health: a staff user imports another 40,000-row file from the web (preview, then
//   commit) into an empty delegation while /api/health is asked every 20 ms; baseline: the
//   same probes with nothing running;
// - directory: `GET /api/public/structures?q=…&page=1` under autocannon, 32 connections × 20 s,
//   beside a bare Fastify route answering the same page from memory;
// - directory-paint: /annuaire in Chromium, navigation start to the first entry painted.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { openDatabase, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createUserWithPassword, grantRole } from '../src/modules/accounts/accounts.service.ts';
import { CLIENT_IP_HEADER, createAuth } from '../src/modules/accounts/auth.ts';
import { delegations } from '../src/modules/delegations/delegations.table.ts';
import { exportQuerySchema, exportRows, toCsv } from '../src/modules/members/export.service.ts';
import { parseImportFile } from '../src/modules/members/import.parse.ts';
import {
  analyseImport,
  commitImport,
  loadRegistryIndex,
  planAnalysis,
  resolveMapping,
} from '../src/modules/members/import.service.ts';
import { changesOf } from '../src/modules/members/import.validate.ts';
import { type ServerProcess, startServerProcess } from '../src/test/server-process.ts';
import { benchDirectory, type DirectoryFigures } from './directory-bench.ts';

export const FEDERATION_CASES = ['reimport', 'import-health', 'directory', 'directory-paint'] as const;
export type FederationCase = (typeof FEDERATION_CASES)[number];

const ROWS = Number(process.env.BENCH_FEDERATION_ROWS ?? 40_000);
const ORIGIN = 'http://maillage.localhost';
const PASSWORD = 'banc-d-essai-annuaire';
const SLUG = 'annuaire';
/** The search of the directory case: a department's name, as a visitor types it. */
export const DIRECTORY_QUERY = 'ariege';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const source = new URL('../../shared/data/siae/2019_07_liste_siae_redacted.csv', import.meta.url);
const log = (text: string) => process.stderr.write(`[fédération] ${text}\n`);

const sortedAt = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
const median = (values: number[]) =>
  sortedAt(
    [...values].sort((a, b) => a - b),
    0.5,
  );

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
/** `body` and the digit that makes it pass Luhn. */
function luhnComplete(body: string): string {
  for (let check = 0; check < 10; check++) if (luhnValid(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable');
}
/** A SIREN of its own for every seed (each row one organisation), and its head office's SIRET. */
function identifiers(seed: number): { siren: string; siret: string } {
  const siren = luhnComplete(String(20_000_000 + seed).padStart(8, '0'));
  return { siren, siret: luhnComplete(`${siren}0001`) };
}

interface Templates {
  header: string;
  rows: string[][];
}

/** The national list's rows without a blocking problem, as templates. */
export async function templates(db: Awaited<ReturnType<typeof openDatabase>>['db'], delegationId: string) {
  const text = (await readFile(source, 'utf8')).replace(/\r/g, '');
  const analysis = await withTenant(db, { delegationId, userId: null }, (tx) =>
    analyseImport(tx, { bytes: new TextEncoder().encode(text), filename: 'siae.csv' }),
  );
  const bad = new Set(analysis.problems.filter((p) => p.severity === 'error').map((p) => p.line));
  const [header = '', ...lines] = text.split('\n').filter(Boolean);
  return { header, rows: lines.map((l) => l.split(';')).filter((_, i) => !bad.has(i + 2)) };
}

/** `count` rows from the templates, seeds from `offset`: each its own SIREN, SIRET and name. */
export function memberFile({ header, rows }: Templates, offset: number, count: number): Uint8Array {
  const columns = header.split(';');
  const siret = columns.indexOf('SIRET');
  const name = columns.indexOf('DENOMINATION_SOCIALE');
  const out = [header];
  for (let i = 0; i < count; i++) {
    const row = [...(rows[i % rows.length] ?? [])];
    row[siret] = identifiers(offset + i).siret;
    row[name] = `${row[name]} ${offset + i}`;
    out.push(row.join(';'));
  }
  return new TextEncoder().encode(out.join('\n'));
}

export interface ReimportFigures {
  rows: number;
  bytes: number;
  /** Median of three dry runs: parse + registry + checks, rows per second. */
  rowsPerSecond: number;
  runsMs: number[];
  /** Where one dry run's time goes (the median run's parts, ms). */
  parts: { parseMs: number; registryMs: number; checksMs: number };
  /**
   * CPU time of this process over the median run (user + system): what the dry run costs
   * whatever else the machine runs. The registry's query costs PostgreSQL little beside it.
   */
  cpuMs: number;
  plan: { create: number; changed: number; errors: number; warnings: number };
  baselineRowsPerSecond: number;
  /** Loading the delegation (commit of the generated file, through the same service): information. */
  loadRowsPerSecond: number;
}

export interface HealthFigures {
  rows: number;
  created: number;
  previewMs: number;
  commitMs: number;
  during: { probes: number; p50: number; p99: number; max: number; errors: number };
  preview: { probes: number; p99: number; max: number };
  commit: { probes: number; p99: number; max: number };
  idle: { probes: number; p50: number; p99: number; max: number };
}

export interface PaintFigures {
  path: string;
  /** The first visit after the directory's cache was emptied (the server computes it). */
  coldMs: number;
  /** Later visits, each in a fresh browser context (nothing in the browser's cache). */
  warmMs: number[];
  items: number;
  total: number;
  /** Medians of the later visits: last script loaded, the list's request sent and answered (ms from navigation start). */
  timing: { scriptsMs: number; listStartMs: number; listEndMs: number };
  /** `/mot-de-passe-oublie` to its e-mail field painted, five visits: the app's own start-up. */
  baselineMs: number[];
}

export interface ColdSearches {
  searches: number;
  medianMs: number;
  maxMs: number;
}

export interface FederationFigures {
  establishments: number;
  /** The machine's 1-minute load average at the end of each case (2 cores: above 2, work waits). */
  loads: Partial<Record<FederationCase, number>>;
  reimport?: ReimportFigures;
  health?: HealthFigures;
  directory?: DirectoryFigures & { total: number; cold: ColdSearches };
  paint?: PaintFigures;
}

/** Sends /api/health every 20 ms until `running` settles; each probe's answer time. */
async function probeHealth(base: string, until: () => boolean, samples: number[], errors: { n: number }) {
  while (!until()) {
    await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    try {
      const response = await fetch(`${base}/api/health`);
      await response.arrayBuffer();
      if (!response.ok) errors.n++;
    } catch {
      errors.n++;
    }
    samples.push(performance.now() - started);
  }
}
const spread = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    probes: sorted.length,
    p50: sortedAt(sorted, 0.5),
    p99: sortedAt(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
};

export async function benchFederation(
  databaseUrl: string,
  cases: readonly FederationCase[],
): Promise<FederationFigures> {
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  const servers: ServerProcess[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'maillage-bench-federation-'));
  try {
    await migrate(database);
    const db = database.db;
    const [directory, web] = await db
      .insert(delegations)
      .values([
        { slug: SLUG, name: "Annuaire d'une fédération" },
        { slug: 'import-web', name: 'Import depuis le web' },
      ])
      .returning({ id: delegations.id });
    if (!directory || !web) throw new Error('no delegation');
    const tenant = { delegationId: directory.id, userId: null };
    const shapes = await templates(db, directory.id);

    // The delegation of 40,000 establishments, through the import service (not timed as a target).
    const file = memberFile(shapes, 0, ROWS);
    let started = performance.now();
    const loaded = await withTenant(db, tenant, (tx) =>
      commitImport(tx, { bytes: file, filename: 'siae.csv' }),
    );
    const loadMs = performance.now() - started;
    if (loaded.created !== ROWS) throw new Error(`loaded ${loaded.created} of ${ROWS}`);
    await db.execute(sql`analyze`);
    log(`${ROWS} établissements chargés en ${(loadMs / 1000).toFixed(1)} s`);
    const figures: FederationFigures = { establishments: ROWS, loads: {} };
    const loaded1 = (c: FederationCase) => {
      figures.loads[c] = loadavg()[0] ?? Number.NaN;
    };

    if (cases.includes('reimport')) {
      const rows = await withTenant(db, tenant, (tx) => exportRows(tx, exportQuerySchema.parse({})));
      const bytes = new TextEncoder().encode(toCsv(rows));
      const runs: { total: number; parseMs: number; registryMs: number; checksMs: number; cpuMs: number }[] =
        [];
      let plan: ReimportFigures['plan'] = { create: 0, changed: 0, errors: 0, warnings: 0 };
      for (let run = 0; run < 3; run++) {
        // The dry run as the web preview does it: the file read outside the transaction,
        // the registry in a short one, the checks without the database.
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const parsed = await parseImportFile(bytes, 'export.csv');
        const t1 = performance.now();
        const { mapping, index } = await withTenant(db, tenant, async (tx) => ({
          mapping: await resolveMapping(tx, parsed.headers),
          index: await loadRegistryIndex(tx),
        }));
        const t2 = performance.now();
        const analysis = await planAnalysis(parsed, mapping, index);
        const t3 = performance.now();
        const cpu = process.cpuUsage(cpu0);
        runs.push({
          total: t3 - t0,
          parseMs: t1 - t0,
          registryMs: t2 - t1,
          checksMs: t3 - t2,
          cpuMs: (cpu.user + cpu.system) / 1000,
        });
        const errors = analysis.problems.filter((p) => p.severity === 'error').length;
        plan = {
          create: analysis.plan.create.length,
          changed: analysis.entries.filter((e) => {
            const c = changesOf(e);
            return e.existing && (c.fields.length > 0 || c.newTypes.length > 0);
          }).length,
          errors,
          warnings: analysis.problems.length - errors,
        };
        log(`réimport à blanc ${run + 1} : ${(t3 - t0).toFixed(0)} ms ${JSON.stringify(plan)}`);
      }
      if (plan.create !== 0 || plan.changed !== 0 || plan.errors !== 0)
        throw new Error(`the export does not re-import as a no-op: ${JSON.stringify(plan)}`);
      const byTotal = [...runs].sort((a, b) => a.total - b.total);
      const mid = byTotal[1] ?? byTotal[0];
      if (!mid) throw new Error('no run');

      await db.execute(sql`create table bench_baseline (name text, siret text, postcode text, city text)`);
      started = performance.now();
      for (let i = 0; i < rows.length; i += 1000) {
        const values = [];
        for (let j = i; j < Math.min(i + 1000, rows.length); j++)
          values.push(sql`(${`ORGANISATION ${j}`}, ${identifiers(j).siret}, ${'31000'}, ${'TOULOUSE'})`);
        await db.execute(sql`insert into bench_baseline values ${sql.join(values, sql`, `)}`);
      }
      const baselineMs = performance.now() - started;
      await db.execute(sql`drop table bench_baseline`);
      figures.reimport = {
        rows: rows.length,
        bytes: bytes.length,
        rowsPerSecond: rows.length / (mid.total / 1000),
        runsMs: runs.map((r) => r.total),
        parts: { parseMs: mid.parseMs, registryMs: mid.registryMs, checksMs: mid.checksMs },
        cpuMs: mid.cpuMs,
        plan,
        baselineRowsPerSecond: rows.length / (baselineMs / 1000),
        loadRowsPerSecond: ROWS / (loadMs / 1000),
      };
      loaded1('reimport');
    }

    const needsServer = cases.some((c) => c !== 'reimport');
    if (!needsServer) return figures;
    const secret = 'banc-d-essai-federation-secret-0123456789abcdef';
    const serverEnv = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      BASE_URL: ORIGIN,
      DATA_DIR: dataDir,
      DEFAULT_DELEGATION: SLUG,
    };
    const server = await startServerProcess(serverEnv);
    servers.push(server);
    const base = server.base;

    if (cases.includes('import-health')) {
      const auth = createAuth({ db, baseUrl: ORIGIN, secret, sessionMaxAgeHours: 12 });
      const email = 'equipe@import-web.example';
      const userId = await createUserWithPassword(auth, { email, name: 'Équipe', password: PASSWORD });
      await withTenant(db, { delegationId: web.id, userId: null }, (tx) =>
        grantRole(tx, { userId, role: 'staff', organisationId: null }),
      );
      const signIn = await auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, [CLIENT_IP_HEADER]: '10.40.0.1' },
          body: JSON.stringify({ email, password: PASSWORD }),
        }),
      );
      if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const upload = memberFile(shapes, 1_000_000, ROWS);
      const post = async (route: string) => {
        const response = await fetch(`${base}/api/members/imports/${route}?filename=adherents.csv`, {
          method: 'POST',
          headers: { cookie, origin: ORIGIN, 'content-type': 'text/csv' },
          body: Buffer.from(upload),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${route}: ${response.status} ${text.slice(0, 300)}`);
        return JSON.parse(text) as { created?: number; counts?: { create: number; errors: number } };
      };

      const idle: number[] = [];
      const idleUntil = Date.now() + 5_000;
      await probeHealth(base, () => Date.now() > idleUntil, idle, { n: 0 });

      const errors = { n: 0 };
      const timed = async (route: string) => {
        const samples: number[] = [];
        let done = false;
        const began = performance.now();
        const answer = post(route).finally(() => {
          done = true;
        });
        await probeHealth(base, () => done, samples, errors);
        const result = await answer;
        return { result, samples, ms: performance.now() - began };
      };
      const preview = await timed('preview');
      if (preview.result.counts?.create !== ROWS || preview.result.counts.errors !== 0)
        throw new Error(`preview: ${JSON.stringify(preview.result.counts)}`);
      const commit = await timed('commit');
      const all = [...preview.samples, ...commit.samples];
      figures.health = {
        rows: ROWS,
        created: commit.result.created ?? 0,
        previewMs: preview.ms,
        commitMs: commit.ms,
        during: { ...spread(all), errors: errors.n },
        preview: spread(preview.samples),
        commit: spread(commit.samples),
        idle: spread(idle),
      };
      log(`santé pendant l'import : ${JSON.stringify(figures.health)}`);
      loaded1('import-health');
    }

    if (cases.includes('directory-paint')) {
      // A fresh server: its directory cache is empty, as after a change of the registry.
      await server.stop();
      servers.splice(servers.indexOf(server), 1);
      const fresh = await startServerProcess(serverEnv);
      servers.push(fresh);
      figures.paint = await paint(fresh.base);
      log(`premier affichage : ${JSON.stringify(figures.paint)}`);
      loaded1('directory-paint');
    }

    if (cases.includes('directory')) {
      const target = servers.at(-1) as ServerProcess;
      const path = `/api/public/structures?q=${DIRECTORY_QUERY}&page=1`;
      const first = (await (await fetch(`${target.base}${path}`)).json()) as { total: number };
      const cold = await coldSearches(target.base);
      const measured = await benchDirectory(target.base, path);
      figures.directory = { ...measured, total: first.total, cold };
      log(`annuaire : ${JSON.stringify(figures.directory)}`);
      loaded1('directory');
    }
    return figures;
  } finally {
    for (const s of servers) await s.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Searches no one asked before (each computed from the whole directory, then cached):
 * the first answer of each, one after the other.
 */
async function coldSearches(base: string): Promise<ColdSearches> {
  const words = ['toulouse', 'insertion', 'st etienne', 'saint denis', 'chantier', 'tarn', '31', 'emploi'];
  const times: number[] = [];
  for (const [i, word] of words.entries()) {
    const started = performance.now();
    const response = await fetch(
      `${base}/api/public/structures?q=${encodeURIComponent(`${word}`)}&page=1&type=${['AI', 'ACI', 'EI', 'ETTI'][i % 4]}`,
    );
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`search ${word}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return { searches: times.length, medianMs: median(times), maxMs: Math.max(...times) };
}

/**
 * /annuaire in Chromium: from navigation start to the frame after the first entry of the
 * list is in the page (a MutationObserver notes it, a timer after the next animation frame
 * marks the paint). First on the server's empty cache, then five visits each in a new
 * context. Baseline: the app's simplest public page (`/mot-de-passe-oublie`, its e-mail
 * field), which costs the app's start-up and nothing else.
 */
async function paint(base: string): Promise<PaintFigures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const path = '/annuaire';
  try {
    const visit = async (where: string, selector: string) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // As text: tsx would put its helpers (`__name`) in a function the page cannot resolve.
        await page.addInitScript(`window.firstEntry = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(${JSON.stringify(selector)}) === null) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          });
          observer.observe(document, { childList: true, subtree: true });
        });`);
        await page.goto(`${base}${where}`, { waitUntil: 'commit' });
        const ms = await page.evaluate(
          () => (window as unknown as { firstEntry: Promise<number> }).firstEntry,
        );
        const items = await page.locator(selector).count();
        // When the page's own code was loaded (last script) and when the list's page arrived.
        const timing = (await page.evaluate(`(() => {
          const entries = performance.getEntriesByType('resource');
          const scripts = entries.filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'));
          const list = entries.find((e) => e.name.includes('/api/public/structures?'));
          return {
            scriptsMs: Math.max(0, ...scripts.map((e) => e.responseEnd)),
            listStartMs: list ? list.startTime : null,
            listEndMs: list ? list.responseEnd : null,
          };
        })()`)) as PaintTiming;
        return { ms, items, timing };
      } finally {
        await context.close();
      }
    };
    // The baseline first: the browser itself is then started up before the directory's first visit.
    const simple: number[] = [];
    for (let i = 0; i < 5; i++) simple.push((await visit('/mot-de-passe-oublie', 'input')).ms);
    const cold = await visit(path, 'section[data-department] li');
    const warm: Awaited<ReturnType<typeof visit>>[] = [];
    for (let i = 0; i < 5; i++) warm.push(await visit(path, 'section[data-department] li'));
    const summary = (await (await fetch(`${base}/api/public/structures/summary`)).json()) as {
      total: number;
    };
    const mid = (pick: (t: PaintTiming) => number | null) =>
      median(warm.map((w) => pick(w.timing) ?? Number.NaN));
    return {
      path,
      coldMs: cold.ms,
      warmMs: warm.map((w) => w.ms),
      items: cold.items,
      total: summary.total,
      timing: {
        scriptsMs: mid((t) => t.scriptsMs),
        listStartMs: mid((t) => t.listStartMs),
        listEndMs: mid((t) => t.listEndMs),
      },
      baselineMs: simple,
    };
  } finally {
    await browser.close();
  }
}

interface PaintTiming {
  scriptsMs: number;
  listStartMs: number | null;
  listEndMs: number | null;
}

const f0 = (n: number) => n.toFixed(0);

/** Table rows of RESULTS.md, each starting with its case's name (`--only` replaces those it ran). */
export function federationLines(f: FederationFigures, run: string): Map<FederationCase, string[]> {
  const lines = new Map<FederationCase, string[]>();
  const at = (c: FederationCase) => `${run}, load average ${(f.loads[c] ?? Number.NaN).toFixed(1)}`;
  const r = f.reimport;
  if (r)
    lines.set('reimport', [
      `| \`reimport\` | re-import of its own export, ${r.rows} rows (${(r.bytes / 2 ** 20).toFixed(1)} MB CSV), dry run (parse, registry, checks), PostgreSQL, median of 3 | ${f0(r.rowsPerSecond)} rows/s (runs ${r.runsMs.map(f0).join(', ')} ms; parse ${f0(r.parts.parseMs)} ms, registry ${f0(r.parts.registryMs)} ms, checks ${f0(r.parts.checksMs)} ms); CPU ${f0(r.cpuMs)} ms, i.e. ${f0(r.rows / (r.cpuMs / 1000))} rows per CPU-second; plan: ${r.plan.create} to create, ${r.plan.changed} changed, ${r.plan.errors} errors, ${r.plan.warnings} warnings | plain INSERT: ${f0(r.baselineRowsPerSecond)} rows/s | ${(r.rowsPerSecond / r.baselineRowsPerSecond).toFixed(2)} × | ≥ 20000 rows/s ${r.rowsPerSecond >= 20_000 ? '✅' : '❌'} | ${at('reimport')} |`,
    ]);
  const h = f.health;
  if (h)
    lines.set('import-health', [
      `| \`import-health\` | /api/health every 20 ms while a staff user imports ${h.rows} rows from the web (preview ${(h.previewMs / 1000).toFixed(1)} s, then commit ${(h.commitMs / 1000).toFixed(1)} s, ${h.created} created), PostgreSQL | ${h.during.probes} probes: p50 ${f0(h.during.p50)} ms, p99 ${f0(h.during.p99)} ms, max ${f0(h.during.max)} ms, ${h.during.errors} errors (preview p99 ${f0(h.preview.p99)} ms, commit p99 ${f0(h.commit.p99)} ms) | nothing running: ${h.idle.probes} probes, p50 ${f0(h.idle.p50)} ms, p99 ${f0(h.idle.p99)} ms | ${(h.during.p99 / h.idle.p99).toFixed(2)} × (p99) | p99 < 100 ms ${h.during.p99 < 100 && h.during.errors === 0 ? '✅' : '❌'} | ${at('import-health')} |`,
    ]);
  const d = f.directory;
  if (d)
    lines.set('directory', [
      `| \`directory\` | \`${d.path}\` (${d.items} of ${d.total} entries) with ${f.establishments} establishments, autocannon 32 connections × 20 s | ${f0(d.maillage.rps)} req/s, p99 ${d.maillage.p99} ms, ${d.maillage.errors} errors; first answer of ${d.cold.searches} searches not cached: median ${f0(d.cold.medianMs)} ms, max ${f0(d.cold.maxMs)} ms | bare Fastify, same page from memory: ${f0(d.baseline.rps)} req/s, p99 ${d.baseline.p99} ms | ${(d.maillage.rps / d.baseline.rps).toFixed(2)} × | p99 < 50 ms ${d.maillage.p99 < 50 && d.maillage.errors === 0 ? '✅' : '❌'} | ${at('directory')} |`,
    ]);
  const p = f.paint;
  if (p) {
    const worst = Math.max(p.coldMs, ...p.warmMs);
    lines.set('directory-paint', [
      `| \`directory-paint\` | \`${p.path}\` in Chromium (${p.total} entries, first page ${p.items}): navigation start to the first entry painted | first visit on the server's empty cache ${f0(p.coldMs)} ms; then 5 visits, each in a new context: median ${f0(median(p.warmMs))} ms, max ${f0(Math.max(...p.warmMs))} ms (medians: scripts loaded at ${f0(p.timing.scriptsMs)} ms, list asked at ${f0(p.timing.listStartMs)} ms, answered at ${f0(p.timing.listEndMs)} ms) | the app's simplest page, \`/mot-de-passe-oublie\` to its field painted: median ${f0(median(p.baselineMs))} ms, max ${f0(Math.max(...p.baselineMs))} ms | ${(median(p.warmMs) / median(p.baselineMs)).toFixed(2)} × | < 1000 ms ${worst < 1000 ? '✅' : '❌'} | ${at('directory-paint')} |`,
    ]);
  }
  return lines;
}
