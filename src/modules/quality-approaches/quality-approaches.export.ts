/**
 * The lists of the quality approaches as XLSX files: dates as dates, scores as numbers,
 * French labels, a frozen bold header with filters (same shape as actions.export.ts).
 */
import ExcelJS from 'exceljs';

type Cell = string | number | Date | null;
export interface Column<T> {
  header: string;
  width: number;
  format?: string;
  value: (row: T) => Cell;
}

// Midnight UTC: exceljs turns a Date into a serial day number from its UTC time.
export const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
export const text = (value: string | null | undefined) => (value?.trim() ? value : null);
export const DATE = 'dd/mm/yyyy';

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    // Texts stay texts: a label starting with "=" is no formula.
    style: { numFmt: c.format ?? '@' },
  }));
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const STATUS_LABELS = {
  in_progress: 'En cours',
  certified: 'Certifié',
  expired: 'Expiré',
  withdrawn: 'Retiré',
} as const;
export const AUDIT_KIND_LABELS = {
  initial: 'Initial',
  follow_up: 'Suivi',
  renewal: 'Renouvellement',
} as const;
export const AUDIT_RESULT_LABELS = {
  pending: 'En attente',
  passed: 'Réussi',
  passed_with_reservations: 'Réussi avec réserves',
  failed: 'Échoué',
} as const;
export const ACTION_STATUS_LABELS = {
  planned: 'Prévue',
  in_progress: 'En cours',
  done: 'Réalisée',
  dropped: 'Abandonnée',
} as const;
