import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError, parseImportFile } from './import.parse.ts';

/*
 * The XLSX parser is kept for what its XML reader does with hostile markup
 * (docs/decisions/014-xlsx-library.md): an uploaded sheet whose XML declares entities is
 * refused, so nothing is read from the server's disk (XXE) and nothing is expanded
 * (billion laughs). A change of library or version that reads them fails here.
 */
let sharedStrings: string;
let zip: JSZip;
beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Adhérents');
  sheet.addRow(['Nom', 'SIRET']);
  sheet.addRow(['MARQUEUR', '41071771400035']);
  zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  sharedStrings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  expect(sharedStrings).toContain('MARQUEUR');
});

async function withDoctype(doctype: string, reference: string): Promise<Uint8Array> {
  const xml = sharedStrings.replace(/^(<\?xml[^>]*\?>)/, `$1${doctype}`).replace('MARQUEUR', reference);
  zip.file('xl/sharedStrings.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const laughs = ['a', 'b', 'c', 'd', 'e']
  .map((name, i, all) =>
    i === 0 ? `<!ENTITY a "aaaaaaaaaa">` : `<!ENTITY ${name} "${`&${all[i - 1]};`.repeat(10)}">`,
  )
  .join('');

describe('hostile XML inside an uploaded XLSX', () => {
  it.each([
    ['an external entity (XXE)', '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '&x;'],
    ['nested entities (billion laughs)', `<!DOCTYPE sst [${laughs}]>`, '&e;'],
  ])('refuses %s as an unreadable file', async (_name, doctype, reference) => {
    const refused = await parseImportFile(await withDoctype(doctype, reference), 'adherents.xlsx').then(
      (parsed) => JSON.stringify(parsed.rows),
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ImportFileError);
    expect((refused as ImportFileError).code).toBe('import.xlsx_unreadable');
  });
});
