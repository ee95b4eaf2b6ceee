/**
 * Reading an import file: CSV (`,` or `;`, UTF-8 with or without BOM, or Windows-1252
 * as old Excel writes it) or XLSX (first worksheet). The result is a grid of strings
 * with the line number the user sees in the file (header = line 1).
 */

import { parse as csvParser } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { cellText } from '../../lib/xlsx.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import { DEFAULT_ZIP_LIMITS, guardZip } from '../../server/zip-guard.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Characters handed to the CSV parser between two turns of the event loop: a 20 MB file
 * parsed in one go held every other request for seconds; in slices of 64 K characters
 * (about 500 member lines, a few milliseconds each; 256 K let a busy 2-core machine wait
 * a tenth of a second and more between turns) /api/health keeps answering while it is read.
 */
const CSV_SLICE = 64 * 1024;

/** Lets the requests that arrived meanwhile run (the work goes on right after). */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type ImportFormat = 'csv' | 'xlsx';
export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface ParsedRow {
  /** Line number in the file as the user sees it (header = 1). */
  line: number;
  cells: string[];
}

export interface ParsedFile {
  format: ImportFormat;
  encoding: ImportEncoding | null;
  delimiter: ';' | ',' | null;
  headers: string[];
  rows: ParsedRow[];
}

/** A file that cannot be read at all (the CLI exits with 2, the API answers 400). */
export class ImportFileError extends AppError {
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(code, { params });
  }
}

const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads a file; the format comes from the name's extension, else from the content. */
export async function parseImportFile(bytes: Uint8Array, filename = ''): Promise<ParsedFile> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('import.file_too_large');
  if (bytes.length === 0) throw new ImportFileError('import.file_empty');
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (extension === 'xls') throw new ImportFileError('import.format_unsupported');
  if (extension === 'xlsx' || isZip(bytes)) return parseXlsx(bytes);
  return await parseCsvBytes(bytes);
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252 (old Excel). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return {
        text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)),
        encoding: 'utf-8-bom',
      };
    } catch {
      // A BOM followed by invalid UTF-8: read it as Windows-1252 below.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** `;` or `,`: whichever appears more often outside quotes in the header line. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

async function parseCsvBytes(bytes: Uint8Array): Promise<ParsedFile> {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: ParsedRow[];
  try {
    records = await parseCsvInSlices(text, delimiter);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportFileError('import.csv_malformed', { line });
  }
  const first = records[0];
  if (!first) throw new ImportFileError('import.file_empty');
  return {
    format: 'csv',
    encoding,
    delimiter,
    headers: first.cells.map((h) => h.trim()),
    rows: records.slice(1),
  };
}

/**
 * The records of a CSV text with their line, parsed a slice at a time with a turn of the
 * event loop between slices. Only the line is kept of the parser's information about a
 * record (a dozen fields each: tens of MB over 400,000 rows).
 */
async function parseCsvInSlices(text: string, delimiter: ';' | ','): Promise<ParsedRow[]> {
  const records: ParsedRow[] = [];
  const parser = csvParser({
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  let failure: unknown = null;
  const finished = new Promise<void>((resolve) => {
    parser.on('readable', () => {
      for (let read = parser.read(); read !== null; read = parser.read()) {
        const { record, info } = read as { record: string[]; info: { lines: number } };
        records.push({ line: info.lines, cells: record });
      }
    });
    parser.on('error', (error) => {
      failure = error;
      resolve();
    });
    parser.on('end', resolve);
  });
  for (let start = 0; start < text.length && !failure; ) {
    let end = Math.min(start + CSV_SLICE, text.length);
    // Never cut a character written as two UTF-16 units (an emoji) in half.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    parser.write(text.slice(start, end));
    start = end;
    await yieldToLoop();
  }
  if (!failure) parser.end();
  await finished;
  if (failure) throw failure;
  return records;
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  // Before exceljs inflates anything: 100 MB of XML is already ~200,000 rows, and
  // exceljs would need gigabytes for more (src/server/zip-guard.ts).
  await guardZip(bytes, DEFAULT_ZIP_LIMITS, (problem) =>
    problem === 'unreadable'
      ? new ImportFileError('import.xlsx_unreadable')
      : new ImportFileError('import.xlsx_too_large'),
  );
  // Loaded on first use: a CSV import (the CLI's usual case) does without its 20 MB.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('import.xlsx_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new ImportFileError('import.file_empty');
  let headers: string[] | null = null;
  let headerLine = 0;
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs numbers columns from 1: values[0] is always empty.
    const cells = values.slice(1).map((value) => cellText(value));
    if (!headers) {
      headers = cells.map((h) => h.trim());
      headerLine = rowNumber;
      return;
    }
    rows.push({ line: rowNumber, cells });
  });
  if (!headers || headerLine === 0) throw new ImportFileError('import.file_empty');
  return { format: 'xlsx', encoding: null, delimiter: null, headers, rows };
}
