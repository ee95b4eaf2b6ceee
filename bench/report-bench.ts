// The yearly activity report (issue 7): the demo delegation loaded into an embedded PGlite
// database, its 2024 report assembled from the records (buildAnnualReport) and rendered
// as PDF and DOCX, each timed separately and together (median after a warm-up run); then
// a national report over 14 delegations, each loaded with the demo data, assembled
// (buildNationalReport) and rendered as PDF. Runs in a child process so the embedded
// database's memory is not left in the caller's process.
// Standalone: `npx tsx bench/report-bench.ts` (BENCH_REPORT_RUNS, BENCH_REPORT_DELEGATIONS).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { eq, like, sql } from 'drizzle-orm';
import { type Database, openDatabase, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/db/seed/demo.ts';
import { users } from '../src/modules/accounts/accounts.table.ts';
import { createAuth } from '../src/modules/accounts/auth.ts';
import { delegations } from '../src/modules/delegations/delegations.table.ts';
import { buildAnnualReport } from '../src/modules/reports/report.data.ts';
import { buildNationalReport } from '../src/modules/reports/report.national.ts';
import { renderReport } from '../src/modules/reports/report.render.ts';

const root = new URL('..', import.meta.url).pathname;
const log = (text: string) => process.stderr.write(`[rapport] ${text}\n`);

export interface Timing {
  medianMs: number;
  maxMs: number;
}
export interface ReportFigures {
  year: number;
  runs: number;
  demo: {
    organisations: number;
    actions: number;
    keyFigures: number;
    build: Timing;
    pdf: Timing;
    docx: Timing;
    buildPdf: Timing;
    buildDocx: Timing;
    pdfBytes: number;
    docxBytes: number;
  };
  national: {
    delegations: number;
    loadSeconds: number;
    build: Timing;
    pdf: Timing;
    buildPdf: Timing;
    pdfBytes: number;
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const timing = (values: number[]): Timing => ({ medianMs: median(values), maxMs: Math.max(...values) });

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/**
 * loadDemo loads one delegation under the fixture's slug with fixed demo accounts and
 * takes no other slug: each copy is renamed once loaded (slug, name, the accounts'
 * e-mails) so that the next load finds neither.
 */
let copies = 0;
async function loadDemoCopies(database: Database, count: number): Promise<string[]> {
  const auth = createAuth({
    db: database.db,
    baseUrl: 'http://127.0.0.1',
    secret: randomBytes(32).toString('hex'),
    sessionMaxAgeHours: 12,
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { delegationId } = await loadDemo(database, auth);
    ids.push(delegationId);
    copies += 1;
    const n = copies;
    await database.db
      .update(delegations)
      .set({ slug: sql`${delegations.slug} || ${`-${n}`}`, name: sql`${delegations.name} || ${` ${n}`}` })
      .where(eq(delegations.id, delegationId));
    await database.db
      .update(users)
      .set({ email: sql`${`copie${n}-`} || ${users.email}` })
      .where(like(users.email, '%@demo.maillage.fr'));
  }
  return ids;
}

export async function measureReport(
  runs: number,
  delegationsCount: number,
  year = 2024,
): Promise<ReportFigures> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    let started = performance.now();
    const [demoId] = await loadDemoCopies(database, 1);
    if (!demoId) throw new Error('demo not loaded');
    log(`démo chargée en ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const build = () =>
      withTenant(database.db, { delegationId: demoId, userId: null }, (tx) =>
        buildAnnualReport(tx, { year }),
      );

    const times = {
      build: [] as number[],
      pdf: [] as number[],
      docx: [] as number[],
      buildPdf: [] as number[],
      buildDocx: [] as number[],
    };
    let report = await build();
    let pdf = await renderReport(report, 'pdf');
    let docx = await renderReport(report, 'docx'); // warm-up: fonts parsed, code compiled
    for (let i = 0; i < runs; i++) {
      const [b, built] = await time(build);
      const [p, renderedPdf] = await time(() => renderReport(built, 'pdf'));
      const [d, renderedDocx] = await time(() => renderReport(built, 'docx'));
      times.build.push(b);
      times.pdf.push(p);
      times.docx.push(d);
      times.buildPdf.push(b + p);
      times.buildDocx.push(b + d);
      [report, pdf, docx] = [built, renderedPdf, renderedDocx];
    }
    log(
      `rapport de démo : assemblage ${median(times.build).toFixed(0)} ms, PDF ${median(times.pdf).toFixed(0)} ms, DOCX ${median(times.docx).toFixed(0)} ms`,
    );

    started = performance.now();
    await loadDemoCopies(database, delegationsCount - 1);
    const loadSeconds = (performance.now() - started) / 1000;
    log(`${delegationsCount} délégations chargées en ${loadSeconds.toFixed(1)} s`);
    const national = { build: [] as number[], pdf: [] as number[], buildPdf: [] as number[] };
    let nationalPdf: Buffer = Buffer.alloc(0);
    const nationalRuns = Math.max(1, Math.min(runs, 3));
    for (let i = 0; i < nationalRuns; i++) {
      const [b, built] = await time(() => buildNationalReport(database.db, year));
      if (built.delegations?.length !== delegationsCount)
        throw new Error(
          `national report over ${built.delegations?.length} delegations, ${delegationsCount} expected`,
        );
      const [p, rendered] = await time(() => renderReport(built, 'pdf'));
      national.build.push(b);
      national.pdf.push(p);
      national.buildPdf.push(b + p);
      nationalPdf = rendered.body;
    }
    log(
      `rapport national : assemblage ${median(national.build).toFixed(0)} ms, PDF ${median(national.pdf).toFixed(0)} ms`,
    );

    return {
      year,
      runs,
      demo: {
        organisations: report.members.organisations,
        actions: report.chronicle.reduce((sum, m) => sum + m.actions.length, 0),
        keyFigures: Object.keys(report.keyFigures).length,
        build: timing(times.build),
        pdf: timing(times.pdf),
        docx: timing(times.docx),
        buildPdf: timing(times.buildPdf),
        buildDocx: timing(times.buildDocx),
        pdfBytes: pdf.body.length,
        docxBytes: docx.body.length,
      },
      national: {
        delegations: delegationsCount,
        loadSeconds,
        build: timing(national.build),
        pdf: timing(national.pdf),
        buildPdf: timing(national.buildPdf),
        pdfBytes: nationalPdf.length,
      },
    };
  } finally {
    await database.close();
  }
}

/** Measures in a child process (its own memory), for `bench/run.ts`. */
export async function benchReport(runs = Number(process.env.BENCH_REPORT_RUNS ?? 5)): Promise<ReportFigures> {
  const delegationsCount = Number(process.env.BENCH_REPORT_DELEGATIONS ?? 14);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/report-bench.ts', '--json', String(runs), String(delegationsCount)],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`report bench failed (exit ${code})`);
  return JSON.parse(out) as ReportFigures;
}

/** Rows of bench/RESULTS.md. */
export function reportLines(f: ReportFigures): string[] {
  const ms = (t: Timing) => `median ${t.medianMs.toFixed(0)} ms (max ${t.maxMs.toFixed(0)} ms)`;
  const ok = (t: Timing, target: number) => `< ${target} ms ${t.medianMs < target ? '✅' : '❌'}`;
  const d = f.demo;
  const size = `${d.organisations} organisations, ${d.actions} actions, ${d.keyFigures} key figures`;
  return [
    `| activity report ${f.year} of the demo delegation (${size}): assemble + PDF (${(d.pdfBytes / 1024).toFixed(0)} kB), ${f.runs} runs | ${ms(d.buildPdf)} | assemble alone: ${ms(d.build)}; PDF alone: ${ms(d.pdf)} | — | ${ok(d.buildPdf, 2000)} |`,
    `| the same report: assemble + DOCX (${(d.docxBytes / 1024).toFixed(0)} kB) | ${ms(d.buildDocx)} | DOCX alone: ${ms(d.docx)} | — | ${ok(d.buildDocx, 1000)} |`,
    `| national activity report over ${f.national.delegations} delegations (each loaded with the demo data): assemble + PDF (${(f.national.pdfBytes / 1024).toFixed(0)} kB) | ${ms(f.national.buildPdf)} | assemble alone: ${ms(f.national.build)}; PDF alone: ${ms(f.national.pdf)} | — | ${ok(f.national.buildPdf, 20_000)} |`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--json') {
    const figures = await measureReport(Number(process.argv[3] ?? 5), Number(process.argv[4] ?? 14));
    process.stdout.write(JSON.stringify(figures));
  } else {
    const figures = await benchReport();
    console.log(reportLines(figures).join('\n'));
  }
}
