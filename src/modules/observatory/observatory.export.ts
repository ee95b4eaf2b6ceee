/**
 * Exports of the observatory: one long table (year × type × department × indicator) of
 * the counted answers' aggregates, with the declared aggregates of the years without
 * answers, each line saying its source and whether it is synthetic; the XLSX adds a
 * sheet listing every declared aggregate with its source.
 */
import type { Tx } from '../../db/client.ts';
import { addTable, DATE_FORMAT, day, newWorkbook, xlsxBuffer } from '../../lib/xlsx.ts';
import { frenchNumber, toFrenchCsv } from '../../server/csv.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import { type Cell, groupedCells, membersAnswering } from './dashboard.queries.ts';
import type { ExportQuery } from './dashboard.schemas.ts';
import { addDeclaredCodes, indicatorInfo } from './dashboard.sql.ts';
import { type DeclaredAggregate, listDeclared } from './declared.service.ts';
import type { IndicatorUnit } from './observatory.table.ts';

export interface ExportRow {
  year: number;
  conventionType: string | null;
  department: string | null;
  code: string;
  label: string;
  unit: IndicatorUnit;
  value: number;
  answers: number | null;
  median: number | null;
  source: 'computed' | 'declared';
  qualifier: 'exact' | 'about' | null;
  synthetic: boolean;
}

const UNIT_LABELS: Record<IndicatorUnit, string> = {
  count: 'nombre',
  hours: 'heures',
  euros: 'euros',
  percent: '%',
  etp: 'ETP',
};
/**
 * Decimals an export keeps per unit: averages and sums of decimals carry floating-point
 * noise (32.894999999999996) that a spreadsheet would print as is. Cents for euros,
 * hundredths of an FTE or an hour, a tenth of a percent; a count keeps one decimal
 * because a median of an even number of answers can fall on a half.
 */
const UNIT_DECIMALS: Record<IndicatorUnit, number> = { count: 1, hours: 2, euros: 2, percent: 1, etp: 2 };

export function roundToUnit(value: number, unit: IndicatorUnit): number {
  const factor = 10 ** UNIT_DECIMALS[unit];
  // Number.EPSILON: 1.005 € is stored as 1.00499999…; it rounds up, as written.
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * factor) / factor;
}

const yesNo = (value: boolean) => (value ? 'oui' : 'non');
const qualifierLabel = (q: ExportRow['qualifier']) =>
  q === 'about' ? 'environ' : q === 'exact' ? 'exact' : '';
const ALL_TYPES = 'Tous types';

/** The rows of the export: computed cells, then declared aggregates where no answer exists. */
export async function exportData(tx: Tx, query: ExportQuery) {
  const from = query.from ?? 1990;
  const to = query.to ?? 2100;
  const filter = { from, to, include: query.include };
  const info = await indicatorInfo(tx);
  const declared = await listDeclared(tx, { from, to });
  addDeclaredCodes(info, declared);
  const cells: Cell[] = [...(await groupedCells(tx, filter)), ...(await membersAnswering(tx, filter)).cells];
  const rank = new Map(DEFAULT_INDICATORS.map((indicator, index) => [indicator.code, index]));
  const answered = new Set(cells.map((c) => `${c.code}|${c.year}`));
  const rows: ExportRow[] = cells.map((cell) => ({
    year: cell.year,
    conventionType: cell.conventionType,
    department: cell.department,
    code: cell.code,
    label: info.get(cell.code)?.label ?? cell.code,
    unit: info.get(cell.code)?.unit ?? 'count',
    value: cell.value,
    answers: cell.answers,
    median: cell.median,
    source: 'computed',
    qualifier: null,
    synthetic: cell.synthetic,
  }));
  for (const row of declared) {
    if (answered.has(`${row.indicatorCode}|${row.year}`)) continue;
    rows.push({
      year: row.year,
      conventionType: row.conventionType,
      department: null,
      code: row.indicatorCode,
      label: info.get(row.indicatorCode)?.label ?? row.label,
      unit: info.get(row.indicatorCode)?.unit ?? 'count',
      value: row.value,
      answers: null,
      median: null,
      source: 'declared',
      qualifier: row.qualifier,
      synthetic: false,
    });
  }
  rows.sort(
    (a, b) =>
      a.year - b.year ||
      (rank.get(a.code) ?? 1e6) - (rank.get(b.code) ?? 1e6) ||
      a.code.localeCompare(b.code) ||
      (a.conventionType ?? '').localeCompare(b.conventionType ?? '') ||
      (a.department ?? '').localeCompare(b.department ?? ''),
  );
  return { rows, declared };
}

const HEADERS = [
  'Année',
  'Type',
  'Département',
  'Code indicateur',
  'Indicateur',
  'Unité',
  'Valeur',
  'Réponses',
  'Médiane',
  'Source',
  'Précision',
  'Synthétique',
];

const sourceLabel = (source: ExportRow['source']) => (source === 'computed' ? 'calculé' : 'déclaré');

/** French CSV (`;`, BOM, decimal comma), one line per aggregate. */
export function toCsv(rows: ExportRow[]): string {
  const number = (value: number | null, unit: IndicatorUnit = 'count') =>
    value === null ? '' : frenchNumber(roundToUnit(value, unit));
  return toFrenchCsv(
    HEADERS,
    rows.map((row) => [
      String(row.year),
      row.conventionType || ALL_TYPES,
      row.department ?? '',
      row.code,
      row.label,
      UNIT_LABELS[row.unit],
      number(row.value, row.unit),
      number(row.answers),
      number(row.median, row.unit),
      sourceLabel(row.source),
      qualifierLabel(row.qualifier),
      yesNo(row.synthetic),
    ]),
  );
}

const numberFormat = (value: number) => (Number.isInteger(value) ? '#,##0' : '#,##0.00');

/** XLSX: numbers as numbers, departments as text (leading zero), frozen header, filters; declared aggregates on their own sheet. */
export async function toXlsx(rows: ExportRow[], declared: DeclaredAggregate[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const widths = [8, 12, 13, 22, 44, 9, 16, 10, 14, 10, 10, 12];
  const rounded = rows.map((row) => ({
    row,
    value: roundToUnit(row.value, row.unit),
    median: row.median === null ? null : roundToUnit(row.median, row.unit),
  }));
  addTable(
    workbook,
    'Observatoire',
    HEADERS.map((header, index) => ({
      header,
      width: widths[index],
      style: index === 2 ? { numFmt: '@' } : {},
    })),
    rounded,
    ({ row, value, median }) => [
      row.year,
      row.conventionType || ALL_TYPES,
      row.department,
      row.code,
      row.label,
      UNIT_LABELS[row.unit],
      value,
      row.answers,
      median,
      sourceLabel(row.source),
      qualifierLabel(row.qualifier),
      yesNo(row.synthetic),
    ],
    (line, { value, median }) => {
      line.getCell(7).numFmt = numberFormat(value);
      if (median !== null) line.getCell(9).numFmt = numberFormat(median);
    },
  );

  const declaredHeaders = [
    'Année',
    'Code indicateur',
    'Libellé',
    'Type',
    'Valeur',
    'Précision',
    'Source',
    'Mis à jour',
  ];
  addTable(
    workbook,
    'Chiffres déclarés',
    declaredHeaders.map((header, index) => ({ header, width: [8, 22, 60, 12, 16, 10, 80, 12][index] })),
    declared,
    (row) => [
      row.year,
      row.indicatorCode,
      row.label,
      row.conventionType ?? ALL_TYPES,
      row.value,
      qualifierLabel(row.qualifier),
      row.source,
      day(row.updatedAt),
    ],
    (line, row) => {
      line.getCell(5).numFmt = numberFormat(row.value);
      line.getCell(8).numFmt = DATE_FORMAT;
    },
  );
  return xlsxBuffer(workbook);
}

/** The file name of an export: `observatoire-2024-2025.xlsx`, `observatoire.csv`. */
export function exportFileName(query: ExportQuery, extension: string) {
  const years = [query.from, query.to].filter((y) => y !== undefined).join('-');
  return `observatoire${years ? `-${years}` : ''}.${extension}`;
}
