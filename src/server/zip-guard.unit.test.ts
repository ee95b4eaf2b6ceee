import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../i18n/messages.ts';
import { ImportFileError, parseImportFile } from '../modules/members/import.parse.ts';
import { buildZip, deflatedZeros, xlsxBomb } from './zip-fixtures.ts';
import { declaredZipProblem, guardZip, readZipDirectory, zipProblem } from './zip-guard.ts';

const MB = 1024 * 1024;
const BOMB_SIZE = 300 * MB;

let workbook: Uint8Array;
let honestBomb: Uint8Array;
let lyingBomb: Uint8Array;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Adhérents');
  sheet.addRow(['Nom', 'SIRET']);
  for (let i = 0; i < 200; i++) sheet.addRow([`Structure ${i}`, 41071771400035 + i]);
  workbook = new Uint8Array(await book.xlsx.writeBuffer());
  honestBomb = await xlsxBomb(BOMB_SIZE);
  // Declares 900 kB (under the ratio floor) and inflates to 300 MB.
  lyingBomb = await xlsxBomb(BOMB_SIZE, 900 * 1024);
}, 60_000);

/** The highest resident memory seen while `work` runs, above what it was before. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('zip guard', () => {
  it('lets a real XLSX through and lists its entries', async () => {
    expect(await zipProblem(workbook)).toBeNull();
    const names = readZipDirectory(workbook)?.map((e) => e.name);
    expect(names).toContain('xl/worksheets/sheet1.xml');
  });

  it('is a small file that expands to hundreds of MB: the bomb really is one', () => {
    expect(honestBomb.length).toBeLessThan(2 * MB);
    const sheet = readZipDirectory(honestBomb)?.find((e) => e.name.endsWith('sheet1.xml'));
    expect(sheet?.uncompressedSize).toBe(BOMB_SIZE);
  });

  it('refuses a bomb that declares its size from the directory alone, without inflating', async () => {
    expect(declaredZipProblem(readZipDirectory(honestBomb))).toBe('ratio');
    expect(
      declaredZipProblem(readZipDirectory(honestBomb), {
        maxUncompressedBytes: 100 * MB,
        maxRatio: 5000,
        maxEntries: 10,
      }),
    ).toBe('too_large');
    const started = performance.now();
    expect(await zipProblem(honestBomb)).toBe('ratio');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a bomb that lies about its size, inflating in constant memory', async () => {
    let problem: unknown;
    const growth = await peakGrowth(async () => {
      problem = await zipProblem(lyingBomb);
    });
    expect(problem).toBe('too_large');
    expect(growth).toBeLessThan(64 * MB);
  });

  it('refuses a high compression ratio under the size limit, and too many entries', async () => {
    const dense = await deflatedZeros(50 * MB);
    const ratioBomb = buildZip([{ name: 'xl/a.xml', data: dense, method: 8, declaredSize: 50 * MB }]);
    expect(await zipProblem(ratioBomb)).toBe('ratio');
    const many = buildZip(
      Array.from({ length: 2_001 }, (_, i) => ({
        name: `xl/${i}.xml`,
        data: new Uint8Array(),
        method: 0 as const,
        declaredSize: 0,
      })),
    );
    expect(await zipProblem(many)).toBe('too_many_entries');
  });

  it('refuses with a coded French error, 413 for bombs and 400 for broken archives', async () => {
    const bomb = await guardZip(lyingBomb).catch((e: unknown) => e);
    expect(bomb).toMatchObject({ code: 'upload.zip_too_large', status: 413 });
    expect((bomb as Error).message).toBe(message('upload.zip_too_large'));
    expect((bomb as Error).message).toMatch(/démesurée/);
    const broken = await guardZip(new TextEncoder().encode('PK\u0003\u0004 pas une archive')).catch(
      (e: unknown) => e,
    );
    expect(broken).toMatchObject({ code: 'upload.zip_unreadable', status: 400 });
    expect((broken as Error).message).toMatch(/illisible/);
  });

  it('keeps the member import from handing either bomb to exceljs (memory stays low)', async () => {
    for (const bomb of [honestBomb, lyingBomb]) {
      let error: unknown;
      const growth = await peakGrowth(async () => {
        error = await parseImportFile(bomb, 'adherents.xlsx').catch((e: unknown) => e);
      });
      expect(error).toBeInstanceOf(ImportFileError);
      expect(error).toMatchObject({ code: 'import.xlsx_too_large' });
      expect(growth).toBeLessThan(64 * MB);
    }
  });

  it('never throws on a truncated or mutated archive: a problem or a clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: workbook.length }).map((cut) => workbook.subarray(0, cut)),
          fc
            .array(fc.tuple(fc.nat({ max: workbook.length - 1 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 20,
            })
            .map((edits) => {
              const copy = new Uint8Array(workbook);
              for (const [at, byte] of edits) copy[at] = byte;
              return copy;
            }),
          fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...tail])),
        ),
        async (bytes) => {
          const problem = await zipProblem(bytes);
          expect([null, 'unreadable', 'too_large', 'ratio', 'too_many_entries']).toContain(problem);
        },
      ),
      { numRuns: 200 },
    );
  });
});
