/**
 * The XLSX files the application writes: made by "Maillage", one table a sheet under a
 * frozen bold header row with filters, dates as dates, numbers as numbers and texts as
 * texts (a department "09" keeps its zero, a name starting with "=" is no formula).
 */
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

/** A column of a table: its values come from one row object; no `format` means text. */
export interface Column<T> {
  header: string;
  width: number;
  format?: string;
  value: (row: T) => Cell;
}

export const DATE_FORMAT = 'dd/mm/yyyy';

// Midnight UTC: exceljs turns a Date into a serial day number from its UTC time. A
// timestamp counts for its day.
export const day = (iso: string | null | undefined) =>
  iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
/** An empty text is an empty cell. */
export const text = (value: string | null | undefined) => (value?.trim() ? value : null);
export const joined = (values: string[]) => (values.length > 0 ? values.join(', ') : null);

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  return workbook;
}

type RowValues = ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>;

/**
 * A sheet whose first row is the columns' headers, frozen, bold and filtered, then a
 * row for each item: `cells` gives its values, `format` the formats that vary by row.
 */
export function addTable<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Partial<ExcelJS.Column>[],
  items: T[],
  cells: (item: T) => RowValues,
  format?: (row: ExcelJS.Row, item: T) => void,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns;
  for (const item of items) {
    const row = sheet.addRow(cells(item));
    format?.(row, item);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of one table, a line a row. */
export async function tableXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const workbook = newWorkbook();
  addTable(
    workbook,
    sheetName,
    columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: c.width,
      style: { numFmt: c.format ?? '@' },
    })),
    rows,
    (row) => columns.map((c) => c.value(row)),
  );
  return xlsxBuffer(workbook);
}

/**
 * What a read cell says, as text: a date as its ISO day, rich text joined, a formula as
 * its result. An error cell ("#DIV/0!") reads as its code with `errors: 'code'`, else empty.
 */
export function cellText(value: ExcelJS.CellValue, errors: 'code' | 'empty' = 'empty'): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, errors);
    if ('error' in value) return errors === 'code' ? String(value.error) : '';
    return '';
  }
  return String(value);
}
