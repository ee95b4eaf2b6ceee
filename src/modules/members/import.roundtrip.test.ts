// Maillage's own exports (CSV and XLSX) imported back: into an empty delegation they give the
// same records; into the delegation they came from they change nothing. Also after a
// spreadsheet has dropped the leading zeros of postcodes and departments, and after a real
// LibreOffice (Debian's libreoffice-calc-nogui, `soffice --headless --convert-to`) has
// opened and saved them as a French user's spreadsheet does.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withTenant } from '../../db/client.ts';
import { loadDemo } from '../../db/seed/demo.ts';
import { createDelegation, createTestApp, type TestApp } from '../../test/app.ts';
import { type ExportRow, exportQuerySchema, exportRows, toCsv, toXlsx } from './export.service.ts';
import { analyseImport, commitImport } from './import.service.ts';
import { memberStats } from './members.stats.ts';
import { establishments } from './members.table.ts';

let t: TestApp;
let demo: string;
const today = '2026-12-07';

beforeAll(async () => {
  t = await createTestApp();
  demo = (await loadDemo(t.database, t.auth)).delegationId;
  // The seed prints one postcode with four digits ("8200", Tarn-et-Garonne is 82xxx), which
  // no import accepts: the files here are exports of a registry whose data are valid.
  await tenant(demo, (tx) =>
    tx.update(establishments).set({ postcode: null }).where(eq(establishments.postcode, '8200')),
  );
});
afterAll(async () => t?.close());

const tenant = <T>(delegationId: string, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.database.db, { delegationId, userId: null }, fn);

const exported = (delegationId: string) =>
  tenant(delegationId, (tx) => exportRows(tx, exportQuerySchema.parse({}), today));

/** Rows compared as records: order aside, phones by their digits (the demo keeps them as printed). */
const records = (rows: ExportRow[]) =>
  rows
    .map((r) => JSON.stringify({ ...r, phone: r.phone?.replace(/\D/g, '') ?? null }))
    .sort((a, b) => a.localeCompare(b));

/** What LibreOffice does to a CSV it opened with default settings: numbers lose their leading zeros. */
const resavedBySpreadsheet = (csv: string) =>
  csv.replace(/(?<=;)0+(\d+)(?=;)/g, (_, digits: string) => digits);

/**
 * LibreOffice's `soffice` on PATH, or null. CI installs Debian's libreoffice-calc-nogui and
 * sets MAILLAGE_REQUIRE_SOFFICE=1 (.ci/run): there a missing soffice fails the test
 * instead of skipping it.
 */
const soffice =
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'soffice'))
    .find((path) => existsSync(path)) ?? null;
const sofficeRequired = process.env.MAILLAGE_REQUIRE_SOFFICE === '1';

/**
 * Opens `name` in LibreOffice and saves it as `to` ('csv': `;`, UTF-8, as shown; 'xlsx'),
 * in a profile of its own set to French (fr-FR: dates read day first, written JJ/MM/AA),
 * as a French user's LibreOffice does. A CSV is read with `;` and UTF-8, what the import
 * dialog proposes for Maillage's export.
 */
async function resaveWithLibreOffice(dir: string, name: string, bytes: Uint8Array, to: 'csv' | 'xlsx') {
  if (!soffice) throw new Error('soffice is not installed (Debian package libreoffice-calc-nogui)');
  const profile = join(dir, 'profile');
  if (!existsSync(profile)) {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
</oor:items>
`,
    );
  }
  const input = join(dir, name);
  writeFileSync(input, bytes);
  const out = join(dir, `out-${to}-${name.replace(/\W/g, '-')}`);
  await promisify(execFile)(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      ...(name.endsWith('.csv') ? ['--infilter=CSV:59,34,76,1'] : []),
      '--convert-to',
      to === 'csv' ? 'csv:Text - txt - csv (StarCalc):59,34,76,1' : 'xlsx',
      '--outdir',
      out,
      input,
    ],
    { timeout: 120_000 },
  );
  return new Uint8Array(readFileSync(join(out, name.replace(/\.\w+$/, `.${to}`))));
}

describe('round trip of the member export', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`imports its ${format.toUpperCase()} export into an empty delegation: the same records`, async () => {
      const source = await exported(demo);
      expect(source.length).toBeGreaterThan(40);
      const valid = source;
      const bytes =
        format === 'csv' ? new TextEncoder().encode(toCsv(valid)) : new Uint8Array(await toXlsx(valid));
      const empty = await createDelegation(t.database);
      const result = await tenant(empty.id, (tx) =>
        commitImport(tx, { bytes, filename: `adherents.${format}` }, today),
      );
      expect(result.analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(records(await exported(empty.id))).toEqual(records(valid));
    });
  }

  it('re-imports an export into its own delegation: 0 created, 0 updated, 0 errors (CSV, XLSX, re-saved)', async () => {
    const csv = toCsv(await exported(demo));
    const inputs = [
      { bytes: new TextEncoder().encode(csv), filename: 'a.csv' },
      { bytes: new Uint8Array(await toXlsx(await exported(demo))), filename: 'a.xlsx' },
      { bytes: new TextEncoder().encode(resavedBySpreadsheet(csv)), filename: 'resave.csv' },
    ];
    expect(resavedBySpreadsheet(csv)).toContain(';9000;');
    for (const input of inputs) {
      const result = await tenant(demo, (tx) => commitImport(tx, input, today));
      const errors = result.analysis.problems.filter((p) => p.severity === 'error');
      expect({ file: input.filename, created: result.created, updated: result.updated, errors }).toEqual({
        file: input.filename,
        created: 0,
        updated: 0,
        errors: [],
      });
    }
  });

  // Skipped only where soffice is absent (a developer's machine): CI installs it and requires it.
  const withLibreOffice = soffice || sofficeRequired ? it : it.skip;
  withLibreOffice(
    soffice
      ? 'after LibreOffice (soffice --headless, fr-FR) re-saved the CSV as CSV and XLSX, and the XLSX as XLSX: the same records into an empty delegation, nothing changed in its own'
      : sofficeRequired
        ? 'after LibreOffice re-saved the exports: soffice is required (MAILLAGE_REQUIRE_SOFFICE=1) and missing'
        : 'after LibreOffice re-saved the exports: SKIPPED HERE, soffice is not installed (CI installs libreoffice-calc-nogui)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'maillage-libreoffice-'));
      try {
        const source = await exported(demo);
        const csv = new TextEncoder().encode(toCsv(source));
        const files = [
          { filename: 'csv-resaved.csv', bytes: await resaveWithLibreOffice(dir, 'export.csv', csv, 'csv') },
          {
            filename: 'csv-resaved.xlsx',
            bytes: await resaveWithLibreOffice(dir, 'export.csv', csv, 'xlsx'),
          },
          {
            filename: 'xlsx-resaved.xlsx',
            bytes: await resaveWithLibreOffice(
              dir,
              'export.xlsx',
              new Uint8Array(await toXlsx(source)),
              'xlsx',
            ),
          },
        ];
        // What makes this a test of LibreOffice's changes: leading zeros gone, years on two digits.
        const resaved = new TextDecoder().decode(files[0]?.bytes);
        expect(resaved).toMatch(/;9000;/);
        expect(resaved).toMatch(/;\d{2}\/\d{2}\/\d{2};/);
        for (const file of files) {
          const empty = await createDelegation(t.database);
          const analysis = await tenant(empty.id, (tx) => analyseImport(tx, file));
          expect({
            file: file.filename,
            errors: analysis.problems.filter((p) => p.severity === 'error').slice(0, 5),
          }).toEqual({ file: file.filename, errors: [] });
          await tenant(empty.id, (tx) => commitImport(tx, file, today));
          expect(records(await exported(empty.id)), file.filename).toEqual(records(source));
          const again = await tenant(demo, (tx) => commitImport(tx, file, today));
          expect({ file: file.filename, created: again.created, updated: again.updated }).toEqual({
            file: file.filename,
            created: 0,
            updated: 0,
          });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('says how each column of the export is read: none ignored, the status not taken for a date', async () => {
    const bytes = new TextEncoder().encode(toCsv(await exported(demo)));
    const analysis = await tenant(demo, (tx) => analyseImport(tx, { bytes, filename: 'a.csv' }));
    expect(analysis.columns.filter((c) => c.field === null)).toEqual([]);
    expect(analysis.columns.find((c) => c.header === 'Adhésion')?.field).toBe('membership');
  });
});

// Issue 18: "without a join-date column every organisation gets today as its join date".
describe('join dates a member file does not give (decision 019)', () => {
  const periods = (delegationId: string) =>
    queryRows<Record<string, string | null>>(
      t.database.db,
      sql`select o.name, p.joined_on::text joined, p.known_from::text known, p.left_on::text left_on
          from membership_periods p join organisations o on o.id = p.organisation_id
          where p.delegation_id = ${delegationId} order by o.name`,
    );
  const importInto = async (delegationId: string, lines: string[]) => {
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const result = await tenant(delegationId, (tx) => commitImport(tx, { bytes, filename: 'a.csv' }, today));
    expect(result.analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return result;
  };

  it('leaves the join date unknown and counts the member from the import day, not before', async () => {
    const empty = await createDelegation(t.database);
    const result = await importInto(empty.id, [
      'Nom;SIRET;Code postal;Commune;Type',
      "AINTERIM'AIR;41071771400035;01500;AMBERIEU EN BUGEY;ETTI",
    ]);
    expect(result.created).toBe(1);
    expect(await periods(empty.id)).toEqual([
      { name: "AINTERIM'AIR", joined: null, known: today, left_on: null },
    ]);
    // The counting rule: an unknown join date counts from knownFrom, here the import day.
    const stats = await tenant(empty.id, async (tx) => [
      await memberStats(tx, 2026),
      await memberStats(tx, 2025),
    ]);
    expect(stats.map((s) => s.total)).toEqual([1, 0]);
    // The export prints no join date, and the day the file vouched for in its own column.
    const [row] = await exported(empty.id);
    expect(row).toMatchObject({ membership: 'current', joinedOn: null, knownFrom: today });
  });

  it('counts a former member with only a departure date up to that date, not from the import day', async () => {
    const empty = await createDelegation(t.database);
    await importInto(empty.id, [
      'Nom;SIRET;Code postal;Commune;Type;Statut;Date de départ',
      'COTIERE AVENIR;34356040500023;01700;ST MAURICE DE BEYNOST;ACI;Ancien adhérent;30/06/2025',
    ]);
    expect(await periods(empty.id)).toEqual([
      { name: 'COTIERE AVENIR', joined: null, known: '2025-06-30', left_on: '2025-06-30' },
    ]);
    const stats = await tenant(empty.id, async (tx) => [
      await memberStats(tx, 2025),
      await memberStats(tx, 2026),
    ]);
    expect(stats.map((s) => s.total)).toEqual([1, 0]);
  });
});
