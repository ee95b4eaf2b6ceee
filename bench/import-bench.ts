// Import throughput: the national SIAE list (../shared/data/siae, 3,932 rows) repeated
// with fresh identifiers to 40,000 rows across 14 delegations, imported (dry run, then
// commit) through the same service the API and CLI use. Baseline of the same run: the
// same rows written with plain multi-row INSERTs into a scratch table (no parsing, no
// checks, no triggers), on the same database.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { delegations } from '../src/modules/delegations/delegations.table.ts';
import { analyseImport, commitImport, hasBlockingProblems } from '../src/modules/members/import.service.ts';

const TOTAL = Number(process.env.BENCH_IMPORT_ROWS ?? 40_000);
const DELEGATIONS = 14;
const source = new URL('../../shared/data/siae/2019_07_liste_siae_redacted.csv', import.meta.url);

function luhnSiret(seed: number): string {
  // 13 digits from the seed, then the check digit that makes the 14 pass Luhn.
  const body = String(100_000_000_000 + seed)
    .padStart(13, '0')
    .slice(-13);
  for (let check = 0; check < 10; check++) {
    const digits = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(digits[13 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

/** The national list's clean rows, as templates (rows with a blocking problem are left out). */
async function templates(
  database: Database,
  delegationId: string,
): Promise<{ header: string; rows: string[][] }> {
  const text = (await readFile(source, 'latin1')).replace(/\r/g, '');
  const bytes = new TextEncoder().encode(text);
  const analysis = await withTenant(database.db, { delegationId, userId: null }, (tx) =>
    analyseImport(tx, { bytes, filename: 'siae.csv' }),
  );
  const bad = new Set(analysis.problems.filter((p) => p.severity === 'error').map((p) => p.line));
  const [header = '', ...lines] = text.split('\n').filter(Boolean);
  const rows = lines.map((l) => l.split(';')).filter((_, i) => !bad.has(i + 2));
  return { header, rows };
}

function fileFor(header: string, rows: string[][], offset: number, count: number): Uint8Array {
  const columns = header.split(';');
  const siret = columns.indexOf('SIRET');
  const name = columns.indexOf('DENOMINATION_SOCIALE');
  const out = [header];
  for (let i = 0; i < count; i++) {
    const row = [...(rows[i % rows.length] ?? [])];
    row[siret] = luhnSiret(offset + i);
    row[name] = `${row[name]} ${offset + i}`;
    out.push(row.join(';'));
  }
  return new TextEncoder().encode(out.join('\n'));
}

export interface ImportFigures {
  rows: number;
  dryRunRowsPerSecond: number;
  commitRowsPerSecond: number;
  baselineRowsPerSecond: number;
  peakRssMb: number;
  /** The process before the import: Node, tsx, and with PGlite the open embedded database. */
  rssBeforeMb: number;
  /** Where the time of a bulk insert goes (EXPLAIN ANALYZE of 3,000 establishments, as the app role). */
  insertCost: InsertCost;
  database: string;
}

export interface InsertCost {
  rows: number;
  /** The insert itself (rows, indexes, row-level security checks). */
  insertMs: number;
  /** The per-row foreign-key checks (delegation, organisation). */
  foreignKeysMs: number;
  /** The statement-level audit trigger (a JSON copy of each row into audit_log). */
  auditMs: number;
}

/**
 * What one bulk insert of the import costs, part by part: 3,000 establishments written as
 * the import writes them (one statement, as the app role, for one delegation), under
 * EXPLAIN ANALYZE, then rolled back.
 */
async function insertCost(database: Database, delegationId: string): Promise<InsertCost> {
  const rows = 3_000;
  let cost: InsertCost | null = null;
  await withTenant(database.db, { delegationId, userId: null }, async (tx) => {
    const [org] = await queryRows<{ id: string }>(
      tx,
      sql`insert into organisations (name, search_name) values ('Coût', 'cout') returning id`,
    );
    const plans = await queryRows<{ 'QUERY PLAN': unknown }>(
      tx,
      sql`explain (analyze, format json) insert into establishments (organisation_id, siret, postcode, city, department)
          select ${org?.id}::uuid, '7' || lpad((g + ${Date.now() % 1e9})::text, 13, '0'), '31000', 'Toulouse', '31'
            from generate_series(1, ${rows}) g`,
    );
    const raw = plans[0]?.['QUERY PLAN'];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan: { 'Actual Total Time': number };
      Triggers: { 'Trigger Name': string; 'Constraint Name'?: string; Time: number }[];
    }[];
    const triggers = plan?.Triggers ?? [];
    const sum = (test: (t: (typeof triggers)[number]) => boolean) =>
      triggers.filter(test).reduce((a, t) => a + t.Time, 0);
    cost = {
      rows,
      insertMs: plan?.Plan['Actual Total Time'] ?? 0,
      foreignKeysMs: sum((t) => !!t['Constraint Name']?.endsWith('_fk')),
      auditMs: sum((t) => t['Trigger Name'].startsWith('audit')),
    };
    throw new RollBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RollBack)) throw error;
  });
  if (!cost) throw new Error('no plan');
  return cost;
}
class RollBack extends Error {}

function highWaterMb(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * The benchmark in a process of its own, as `npx maillage import` runs: the memory
 * figures are then the import's, not those of the benchmarks run before it.
 */
export function benchImportInChild(databaseUrl?: string): ImportFigures {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}') as ImportFigures;
}

export async function benchImport(databaseUrl?: string): Promise<ImportFigures> {
  // PGlite on a data directory, as `npm start` runs it (in memory, the data itself would
  // count in this process's memory).
  const dataDir = databaseUrl ? 'memory://' : await mkdtemp(join(tmpdir(), 'maillage-import-bench-'));
  if (!databaseUrl) {
    // Created and migrated once, then reopened as a restarted server finds it: creating
    // a cluster (initdb) takes memory an existing data directory never needs again.
    execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('prepare-pglite.ts', import.meta.url)), dataDir],
      {
        stdio: 'inherit',
      },
    );
  }
  const database = await openDatabase({ databaseUrl, dataDir });
  await migrate(database);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const suffix = Date.now().toString(36);
    const ids: string[] = [];
    for (let d = 0; d < DELEGATIONS; d++) {
      const [row] = await database.db
        .insert(delegations)
        .values({ slug: `bench-${suffix}-${d}`, name: `Banc d'essai ${d}` })
        .returning({ id: delegations.id });
      if (row) ids.push(row.id);
    }
    const { header, rows } = await templates(database, ids[0] as string);
    const perDelegation = Math.ceil(TOTAL / DELEGATIONS);
    const files = ids.map((_, d) =>
      fileFor(header, rows, d * perDelegation, Math.min(perDelegation, TOTAL - d * perDelegation)),
    );

    let started = performance.now();
    for (const [d, id] of ids.entries()) {
      const analysis = await withTenant(database.db, { delegationId: id, userId: null }, (tx) =>
        analyseImport(tx, { bytes: files[d] as Uint8Array, filename: 'siae.csv' }),
      );
      if (hasBlockingProblems(analysis.problems)) throw new Error(`bench file ${d} has problems`);
    }
    const dryRun = performance.now() - started;

    started = performance.now();
    let created = 0;
    for (const [d, id] of ids.entries()) {
      const result = await withTenant(database.db, { delegationId: id, userId: null }, (tx) =>
        commitImport(tx, { bytes: files[d] as Uint8Array, filename: 'siae.csv' }),
      );
      created += result.created;
    }
    const commit = performance.now() - started;
    if (created !== TOTAL) throw new Error(`created ${created} of ${TOTAL}`);

    await database.db.execute(
      sql`create table bench_baseline (name text, siret text, postcode text, city text)`,
    );
    started = performance.now();
    for (let i = 0; i < TOTAL; i += 1000) {
      const values = [];
      for (let j = i; j < Math.min(i + 1000, TOTAL); j++) {
        values.push(sql`(${`ORGANISATION ${j}`}, ${luhnSiret(j)}, ${'31000'}, ${'TOULOUSE'})`);
      }
      await database.db.execute(sql`insert into bench_baseline values ${sql.join(values, sql`, `)}`);
    }
    const baseline = performance.now() - started;
    await database.db.execute(sql`drop table bench_baseline`);
    return {
      rows: TOTAL,
      dryRunRowsPerSecond: TOTAL / (dryRun / 1000),
      commitRowsPerSecond: TOTAL / (commit / 1000),
      baselineRowsPerSecond: TOTAL / (baseline / 1000),
      // The process's high-water mark (VmHWM) when the kernel tells it: no sample missed.
      peakRssMb: Math.max(peak / 2 ** 20, highWaterMb()),
      rssBeforeMb: before / 2 ** 20,
      insertCost: await insertCost(database, ids[0] as string),
      database: database.kind,
    };
  } finally {
    clearInterval(sampler);
    await database.close();
    if (!databaseUrl) await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchImport(process.env.DATABASE_URL)));
}
