/**
 * Hostile import files end to end, through the routes and the database: whatever the
 * bytes, the answer is never a 500, a refusal carries a coded French message, and a
 * refused commit leaves the registry exactly as it was.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { xlsxBomb } from '../../server/zip-fixtures.ts';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';

let t: TestApp;
let staff: { cookie: string };
let workbook: Uint8Array;

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  staff = await signedInAs(t, { delegationId: delegation.id, role: 'staff' });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Adhérents');
  sheet.addRow(['Nom', 'SIRET', 'Code postal', 'Type']);
  sheet.addRow(['Élan', '41071771400035', '09000', 'ACI']);
  sheet.addRow(['Regain', 'pas un siret', '9', 'XYZ']);
  workbook = new Uint8Array(await book.xlsx.writeBuffer());
});
afterAll(async () => t?.close());

async function registryCounts() {
  const [row] = await queryRows<{ o: number; e: number; c: number; m: number }>(
    t.database.db,
    sql`select (select count(*)::int from organisations) o, (select count(*)::int from establishments) e,
               (select count(*)::int from conventions) c, (select count(*)::int from membership_periods) m`,
  );
  return row;
}

function send(action: 'preview' | 'commit', bytes: Uint8Array, query: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/members/imports/${action}?${new URLSearchParams(query)}`,
    headers: { cookie: staff.cookie, origin: TEST_ORIGIN, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(bytes),
  });
}

const csvBytes = fc
  .array(
    fc.array(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('Nom', 'SIRET', 'ACI', '41071771400035', '09000', '"', '""', ';', '\r\n', 'é'),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    { minLength: 0, maxLength: 8 },
  )
  .chain((grid) =>
    fc.record({
      text: fc.constantFrom(';', ',').map((d) => grid.map((row) => row.join(d)).join('\n')),
      bom: fc.boolean(),
      latin: fc.boolean(),
    }),
  )
  .map(({ text, bom, latin }) => {
    const body = latin
      ? new Uint8Array(Array.from(text, (c) => c.charCodeAt(0) & 0xff))
      : new TextEncoder().encode(text);
    return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  });

const mutatedXlsx = fc.oneof(
  fc.nat().map((cut) => () => workbook.slice(0, cut % (workbook.length + 1))),
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((edits) => () => {
      const copy = new Uint8Array(workbook);
      for (const [at, byte] of edits) copy[at % copy.length] = byte;
      return copy;
    }),
);

const anyFile = fc.oneof(
  csvBytes,
  fc.uint8Array({ maxLength: 500 }),
  mutatedXlsx.map((make) => make()),
);

const query = fc.record(
  {
    filename: fc.constantFrom('adherents.csv', 'adherents.xlsx', 'adherents.xls', 'a', ''),
    mapping: fc.oneof(
      fc.constantFrom('{', '{"Nom":"name"}', '{"Nom":"inconnu"}', '[]', 'null', 'nom-enregistré'),
      fc.json({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);

// FEC (fichier des écritures comptables): tab- or pipe-separated journal lines, as an
// accounting export sent to the member import by mistake. Real files (../shared/data/fec)
// cut anywhere, and generated lines with the FEC header.
const FEC_DIR = new URL('../../../../shared/data/fec/', import.meta.url);
const fecFiles = readdirSync(FEC_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => new Uint8Array(readFileSync(new URL(name, FEC_DIR))));
const FEC_HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise'.split(
    '|',
  );
const fecLine = fc.tuple(
  fc.constantFrom('AC', 'VT', 'BQ', 'OD'),
  fc.integer({ min: 1, max: 99_999 }),
  fc.date({ min: new Date('2019-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
  fc.constantFrom('401000', '411000', '512000', '606300', '641000', '706000'),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.boolean(),
);
const fecText = fc
  .record({
    lines: fc.array(fecLine, { maxLength: 12 }),
    separator: fc.constantFrom('\t', '|'),
    comma: fc.boolean(),
  })
  .map(({ lines, separator, comma }) => {
    const amount = (cents: number) => {
      const text = (cents / 100).toFixed(2);
      return comma ? text.replace('.', ',') : text;
    };
    const rows = lines.map(([journal, n, date, account, label, cents, debit]) => {
      const day = date.toISOString().slice(0, 10).replace(/-/g, '');
      return [journal, journal, n, day, account, label, '', '', n, day, label]
        .concat(debit ? [amount(cents), amount(0)] : [amount(0), amount(cents)])
        .concat(['', '', day, '', ''])
        .join(separator);
    });
    return new TextEncoder().encode([FEC_HEADER.join(separator), ...rows].join('\r\n'));
  });
const fecBytes = fc.oneof(
  fecText,
  fc.tuple(fc.nat(fecFiles.length - 1), fc.nat(), fc.nat()).map(([i, from, length]) => {
    const file = fecFiles[i] as Uint8Array;
    const start = from % file.length;
    return file.slice(start, start + 1 + (length % 20_000));
  }),
);

/** A 4xx answer is the one error shape, with a French message from the catalogue. */
function expectCodedRefusal(response: Awaited<ReturnType<typeof send>>) {
  const { error } = response.json();
  expect(typeof error.code, response.body).toBe('string');
  expect(error.message.length).toBeGreaterThan(10);
  expect(error.message).not.toBe(message('internal'));
  expect(error.message).not.toBe(error.code);
}

describe('member import under hostile files', () => {
  it('answers previews and commits without a 500; a refused commit writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyFile, query, fc.constantFrom('preview', 'commit'), async (bytes, q, action) => {
        const before = await registryCounts();
        const response = await send(action as 'preview' | 'commit', bytes, q as Record<string, string>);
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expectCodedRefusal(response);
          expect(await registryCounts()).toEqual(before);
        }
        if (action === 'preview') expect(await registryCounts()).toEqual(before);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('reads FEC-like text (real accounting exports cut anywhere, generated journal lines) without a 500 or a write', async () => {
    expect(fecFiles.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fecBytes,
        fc.constantFrom('preview', 'commit'),
        fc.constantFrom('fec.txt', 'fec.csv'),
        async (bytes, action, filename) => {
          const before = await registryCounts();
          const response = await send(action as 'preview' | 'commit', bytes, { filename });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode >= 400) expectCodedRefusal(response);
          // Journal lines are not members: nothing is ever created from them.
          expect(await registryCounts()).toEqual(before);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('refuses a zip bomb named .xlsx before reading it, with a coded French error and no write', async () => {
    const before = await registryCounts();
    for (const bomb of [await xlsxBomb(200 * 1024 * 1024), await xlsxBomb(200 * 1024 * 1024, 500_000)]) {
      const response = await send('commit', bomb, { filename: 'adherents.xlsx' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('import.xlsx_too_large');
      expect(response.json().error.message).toMatch(/démesurée/);
    }
    expect(await registryCounts()).toEqual(before);
  }, 60_000);

  it('answers a body over 20 MB with a coded 413 in French and no write', async () => {
    const before = await registryCounts();
    const response = await send('commit', new Uint8Array(20 * 1024 * 1024 + 2), { filename: 'a.csv' });
    expect(response.statusCode).toBe(413);
    expectCodedRefusal(response);
    expect(response.json().error.message).toMatch(/volumineuse|20 Mo/);
    expect(await registryCounts()).toEqual(before);
  });
});
