/**
 * Hostile import files, parse level: any CSV a spreadsheet could write (separators,
 * quotes, line ends, BOM, Windows-1252) reads back cell for cell; any other bytes, and
 * any truncated, mutated or oddly assembled XLSX, are read or refused with a coded
 * French error, never an uncaught throw.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../i18n/messages.ts';
import { buildZip } from '../../server/zip-fixtures.ts';
import { importMessages } from './import.messages.ts';
import { ImportFileError, parseImportFile } from './import.parse.ts';

type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** Expects a successful read, or a refusal whose code and French message come from the catalogue. */
async function readOrRefuse(bytes: Uint8Array, name: string) {
  try {
    return await parseImportFile(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    const { code, message: text, status } = error as ImportFileError;
    expect(Object.keys(importMessages)).toContain(code);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toBe(message('internal'));
    expect([400, 413]).toContain(status);
    return null;
  }
}

// Windows-1252 letters all above 0xC7: after one of them no UTF-8 continuation byte can follow.
const LATIN = 'éèàçÉÈôûÔÊ';
const cellText = (encoding: Encoding) =>
  fc.string({
    unit:
      encoding === 'windows-1252'
        ? fc.constantFrom(...'ab ;,"\r\n\t'.split(''), ...LATIN.split(''))
        : fc.oneof(
            fc.constantFrom(';', ',', '"', '\r', '\n', ' '),
            fc.string({ unit: 'grapheme', maxLength: 1 }),
          ),
    maxLength: 12,
  });

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding !== 'windows-1252') {
    const utf8 = new TextEncoder().encode(text);
    return encoding === 'utf-8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
  }
  return new Uint8Array(Array.from(text, (c) => c.charCodeAt(0)));
}

const csvFile = fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'windows-1252').chain((encoding) =>
  fc.record({
    encoding: fc.constant(encoding),
    delimiter: fc.constantFrom<';' | ','>(';', ','),
    lineEnd: fc.constantFrom('\r\n', '\n', '\r'),
    width: fc.integer({ min: 2, max: 6 }),
    cells: fc.array(fc.array(cellText(encoding), { minLength: 6, maxLength: 6 }), {
      minLength: 2,
      maxLength: 8,
    }),
    trailingEnd: fc.boolean(),
  }),
);

describe('CSV as spreadsheets write it', () => {
  it('reads back every cell, whatever the separator, quotes, line ends, BOM or encoding', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async ({ encoding, delimiter, lineEnd, width, cells, trailingEnd }) => {
        const grid = cells.map((row) => row.slice(0, width));
        // Headers are trimmed and never empty in a real file; cells are quoted when needed.
        const headers = grid[0]!.map((h, i) => `${h.trim() || 'col'}${i}`);
        const needsQuotes = (cell: string) => /[;,"\r\n]/.test(cell) || cell === '';
        const quote = (cell: string, always: boolean) =>
          always || needsQuotes(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
        const lines = [
          headers.map((h) => quote(h, true)).join(delimiter),
          ...grid.slice(1).map((row) => row.map((c) => quote(c, false)).join(delimiter)),
        ];
        const text = lines.join(lineEnd) + (trailingEnd ? lineEnd : '');
        const parsed = await parseImportFile(encode(text, encoding), 'adherents.csv');
        expect(parsed.delimiter).toBe(delimiter);
        if (encoding === 'utf-8-bom') expect(parsed.encoding).toBe('utf-8-bom');
        if (encoding === 'windows-1252' && /[^ -~\t\r\n]/.test(text))
          expect(parsed.encoding).toBe('windows-1252');
        expect(parsed.headers).toEqual(headers.map((h) => h.trim()));
        expect(parsed.rows.map((r) => r.cells)).toEqual(grid.slice(1));
        const numbers = parsed.rows.map((r) => r.line);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('reads or refuses any mix of quotes, separators, line ends, BOMs and stray bytes', async () => {
    const token = fc.constantFrom<number[]>(
      [0x22],
      [0x3b],
      [0x2c],
      [0x0d],
      [0x0a],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xe9],
      [0xc3],
      [0x00],
      [0x61],
      [0x20],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { maxLength: 300 }).map((parts) => new Uint8Array(parts.flat())),
        fc.constantFrom('a.csv', 'a.txt', ''),
        async (bytes, name) => {
          const parsed = await readOrRefuse(bytes, name);
          if (parsed) for (const row of parsed.rows) expect(Array.isArray(row.cells)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads or refuses a huge line (4 MB, with or without an unclosed quote) in bounded time', async () => {
    for (const line of ['x'.repeat(4 * 1024 * 1024), `"${'x;'.repeat(2 * 1024 * 1024)}`]) {
      const started = performance.now();
      const parsed = await readOrRefuse(new TextEncoder().encode(`Nom;SIRET\n${line}\n`), 'big.csv');
      if (parsed) expect(parsed.rows[0]?.cells.join(';').length).toBeGreaterThan(1_000_000);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe('XLSX that is not quite one', () => {
  let workbook: Uint8Array;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Adhérents');
    sheet.addRow(['Nom', 'SIRET', 'Ville']);
    for (let i = 0; i < 30; i++) sheet.addRow([`Structure ${i}`, `4107177140${i}`, 'Foix']);
    workbook = new Uint8Array(await book.xlsx.writeBuffer());
  });

  it('reads or refuses a truncated or byte-mutated workbook', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: workbook.length }).map((cut) => workbook.slice(0, cut)),
          fc
            .array(fc.tuple(fc.nat({ max: workbook.length - 1 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 10,
            })
            .map((edits) => {
              const copy = new Uint8Array(workbook);
              for (const [at, byte] of edits) copy[at] = byte;
              return copy;
            }),
        ),
        async (bytes) => {
          await readOrRefuse(bytes, 'adherents.xlsx');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads or refuses an archive with wrong, missing or garbage entries', async () => {
    const names = [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
      '../../etc/passwd',
      'xl/worksheets/sheet1.xml/',
    ];
    const content = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
        '<?xml version="1.0"?><workbook><sheets><sheet name="x" sheetId="1" r:id="rId9"/></sheets></workbook>',
        '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), content), { minLength: 1, maxLength: 6 }),
        async (entries) => {
          const zip = buildZip(
            entries.map(([name, text]) => {
              const data = new TextEncoder().encode(text);
              return { name, data, method: 0 as const, declaredSize: data.length };
            }),
          );
          await readOrRefuse(zip, 'adherents.xlsx');
        },
      ),
      { numRuns: 150 },
    );
  });
});
