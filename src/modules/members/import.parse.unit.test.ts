import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../server/zip-guard.ts';
import { ImportFileError, parseImportFile } from './import.parse.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading an import file', () => {
  it('reads a comma-separated UTF-8 file without BOM, with quoted cells', async () => {
    const file = await parseImportFile(utf8('Nom,Ville\n"Alpha, Beta",Foix\nGamma,Pamiers\n'), 'a.csv');
    expect(file).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Nom', 'Ville'],
    });
    expect(file.rows).toEqual([
      { line: 2, cells: ['Alpha, Beta', 'Foix'] },
      { line: 3, cells: ['Gamma', 'Pamiers'] },
    ]);
  });

  it('reads a semicolon-separated UTF-8 file with BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Nom;Département\nÉlan;Ariège\n')]);
    const file = await parseImportFile(bytes, 'a.csv');
    expect(file).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', headers: ['Nom', 'Département'] });
    expect(file.rows[0]?.cells).toEqual(['Élan', 'Ariège']);
  });

  it('reads Windows-1252 as old Excel writes it ("Ariège" with 0xE8)', async () => {
    const bytes = new Uint8Array([
      ...utf8('Nom;Ville\nARI'),
      0xc8,
      ...utf8('GE;Ari'),
      0xe8,
      ...utf8('ge\r\n'),
    ]);
    const file = await parseImportFile(bytes, 'old.csv');
    expect(file.encoding).toBe('windows-1252');
    expect(file.rows[0]?.cells).toEqual(['ARIÈGE', 'Ariège']);
  });

  it('reads the first worksheet of an XLSX made with exceljs, numbers and dates as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Adhérents');
    sheet.addRow(['Nom', 'SIRET', "Date d'adhésion"]);
    sheet.addRow(['Élan', 41071771400035, new Date('2021-03-04T00:00:00Z')]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = await parseImportFile(bytes, 'membres.xlsx');
    expect(file).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(file.headers).toEqual(['Nom', 'SIRET', "Date d'adhésion"]);
    expect(file.rows).toEqual([{ line: 2, cells: ['Élan', '41071771400035', '2021-03-04'] }]);
    const declared = readZipDirectory(bytes)?.reduce((sum, e) => sum + e.uncompressedSize, 0);
    expect(declared).toBeGreaterThan(bytes.length);
  });

  it('refuses a file over 20 MB and an archive whose uncompressed size is absurd, in French', async () => {
    await expect(parseImportFile(new Uint8Array(20 * 1024 * 1024 + 1), 'big.csv')).rejects.toThrow(/20 Mo/);
    // A zip whose central directory declares a 4 GB entry (ZIP64 marker).
    const bomb = zipWithDeclaredSize(0xffffffff);
    const error = await parseImportFile(bomb, 'bomb.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).message).toMatch(/démesurée/);
    const huge = zipWithDeclaredSize(1_000_000_000);
    await expect(parseImportFile(huge, 'huge.xlsx')).rejects.toThrow(/démesurée/);
  });
});

/** The smallest zip: one local header, one central directory entry declaring `size`, the end record. */
function zipWithDeclaredSize(size: number): Uint8Array {
  const name = utf8('xl/a.xml');
  const local = new Uint8Array(30 + name.length);
  new DataView(local.buffer).setUint32(0, 0x04034b50, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true);
  c.setUint32(24, size, true);
  c.setUint16(28, name.length, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, 1, true);
  e.setUint16(10, 1, true);
  e.setUint32(12, central.length, true);
  e.setUint32(16, local.length, true);
  return new Uint8Array([...local, ...central, ...end]);
}

describe('hostile files', () => {
  it('reads any bytes as CSV or refuses them with a coded error, never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('x.csv', 'x.txt', ''),
        async (bytes, name) => {
          try {
            const parsed = await parseImportFile(bytes, name);
            expect(Array.isArray(parsed.rows)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportFileError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an empty file and a file without data rows, in French', async () => {
    for (const text of ['', '\uFEFF', 'Nom;SIRET\n']) {
      const outcome = await parseImportFile(new TextEncoder().encode(text), 'x.csv').then(
        (parsed) => parsed.rows.length,
        (error: ImportFileError) => error.code,
      );
      expect(outcome === 0 || String(outcome).startsWith('import.')).toBe(true);
    }
  });
});
