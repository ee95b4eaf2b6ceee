/**
 * The form as a workbook, for members who gather their figures in a spreadsheet: one
 * row per indicator (code, section, label, unit, definition, this year's value, last
 * year's), only the value cells editable, each with a number check. Read back, it becomes
 * a draft save; any bad cell refuses the whole file, naming the row and the indicator.
 */
import ExcelJS from 'exceljs';
import { message } from '../../i18n/messages.ts';
import { newWorkbook, cellText as readCell, xlsxBuffer } from '../../lib/xlsx.ts';
import { AppError, type FieldError } from '../../server/errors.ts';
import { DEFAULT_ZIP_LIMITS, guardZip } from '../../server/zip-guard.ts';
import type { ValuesInput } from './observatory.schemas.ts';
import type { IndicatorRule } from './observatory.table.ts';

export interface TemplateForm {
  id: string | null;
  campaign: { year: number; title: string };
  organisation: { name: string };
  conventionType: string;
  indicators: {
    code: string;
    label: string;
    definition: string | null;
    section: string;
    unit: string;
    rules: IndicatorRule[];
  }[];
  values: Record<string, number>;
  previous: { year: number; values: Record<string, number> };
}

export const SHEET_NAME = 'Formulaire';
const HEADER_ROW = 4;
const VALUE_COLUMN = 6;
const MAX_VALUE = 99_999_999_999_999;
const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const KEYWORD_PREFIX = 'maillage-observatoire:';

export const SECTION_LABELS: Record<string, string> = {
  activity: 'Activité',
  people: 'Personnes en parcours',
  entrants: 'Profil des entrants',
  staff: 'Salariés permanents',
  economy: 'Économie',
  exits: 'Sorties',
  other: 'Autres',
};
export const UNIT_LABELS: Record<string, string> = {
  count: 'nombre',
  hours: 'heures',
  euros: 'euros',
  percent: '%',
  etp: 'ETP',
};

/** Bounds the spreadsheet can enforce: blocking ranges and the integer rule. */
function cellCheck(rules: IndicatorRule[]): ExcelJS.DataValidation {
  const whole = rules.some((r) => r.kind === 'integer');
  let min = -MAX_VALUE;
  let max = MAX_VALUE;
  for (const rule of rules) {
    if (rule.kind !== 'range' || rule.severity !== 'error') continue;
    if (rule.min !== undefined) min = Math.max(min, rule.min);
    if (rule.max !== undefined) max = Math.min(max, rule.max);
  }
  const bounds =
    min > -MAX_VALUE
      ? max < MAX_VALUE
        ? ` entre ${min} et ${max}`
        : ` supérieur ou égal à ${min}`
      : max < MAX_VALUE
        ? ` inférieur ou égal à ${max}`
        : '';
  return {
    type: whole ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [min, max],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Valeur invalide',
    error: `Saisissez un nombre${whole ? ' entier' : ''}${bounds}.`,
  };
}

export async function buildTemplate(form: TemplateForm): Promise<Buffer> {
  const { year } = form.campaign;
  const workbook = newWorkbook();
  workbook.title = `${form.campaign.title} — ${form.organisation.name} (${form.conventionType})`;
  // Lets the upload check that the file is this form's, not another member's or year's.
  workbook.keywords = form.id ? `${KEYWORD_PREFIX}${form.id}` : '';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.getCell('A1').value = `Observatoire ${year} — ${form.organisation.name} (${form.conventionType})`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    `Saisissez vos chiffres ${year} dans la colonne « Valeur ${year} », puis importez ce fichier depuis le formulaire dans Maillage. Une cellule vide efface la valeur.`;
  sheet.columns = [
    { key: 'code', width: 22 },
    { key: 'section', width: 22 },
    { key: 'label', width: 45 },
    { key: 'unit', width: 10 },
    { key: 'definition', width: 60 },
    { key: 'value', width: 16 },
    { key: 'previous', width: 16 },
  ];
  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    'Code',
    'Section',
    'Indicateur',
    'Unité',
    'Définition',
    `Valeur ${year}`,
    `Valeur ${form.previous.year}`,
  ];
  header.font = { bold: true };
  form.indicators.forEach((indicator, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    row.values = [
      indicator.code,
      SECTION_LABELS[indicator.section] ?? indicator.section,
      indicator.label,
      UNIT_LABELS[indicator.unit] ?? indicator.unit,
      indicator.definition ?? '',
      form.values[indicator.code] ?? null,
      form.previous.values[indicator.code] ?? null,
    ];
    const numFmt = indicator.unit === 'count' ? '#,##0' : '#,##0.00';
    const value = row.getCell(VALUE_COLUMN);
    value.numFmt = numFmt;
    value.protection = { locked: false };
    value.dataValidation = cellCheck(indicator.rules);
    value.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
    row.getCell(VALUE_COLUMN + 1).numFmt = numFmt;
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  // Without a password: it guards against typing over a code or a label, not against a determined user.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return xlsxBuffer(workbook);
}

const cellText = (value: ExcelJS.CellValue) => readCell(value, 'code');

/** A number from a cell: a number, a formula's numeric result, or French-written text ("1 234,5"). */
function cellNumber(value: ExcelJS.CellValue): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && !(value instanceof Date) && 'formula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'number' ? result : undefined;
  }
  if (value instanceof Date || typeof value === 'boolean') return undefined;
  const text = cellText(value).trim();
  if (text === '') return null;
  const normalised = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : undefined;
}

function refused(fields: FieldError[]): AppError {
  return new AppError('observatory.prefill_invalid', { fields });
}
const fileProblem = (code: string, params: Record<string, string | number> = {}): FieldError => ({
  field: 'file',
  code,
  message: message(code, params),
});

/** The figures of an uploaded template, or a 400 listing every bad row (nothing is saved then). */
export async function readTemplate(
  bytes: Buffer,
  form: Pick<TemplateForm, 'id' | 'indicators'>,
): Promise<ValuesInput> {
  // Before exceljs inflates anything (src/server/zip-guard.ts).
  await guardZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES }, (problem) =>
    refused([
      fileProblem(problem === 'unreadable' ? 'observatory.prefill_unreadable' : `upload.zip_${problem}`),
    ]),
  );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refused([fileProblem('observatory.prefill_unreadable')]);
  }
  const keywords = workbook.keywords ?? '';
  if (keywords.startsWith(KEYWORD_PREFIX) && keywords !== `${KEYWORD_PREFIX}${form.id}`)
    throw refused([fileProblem('observatory.prefill_other_form')]);
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  const headerRow = sheet ? findHeader(sheet) : null;
  if (!sheet || headerRow === null) throw refused([fileProblem('observatory.prefill_no_header')]);
  const byCode = new Map(form.indicators.map((i) => [i.code, i]));
  const values: ValuesInput = {};
  const problems: FieldError[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const code = cellText(row.getCell(1).value).trim();
    if (!code) continue;
    const indicator = byCode.get(code);
    if (!indicator) {
      problems.push(fileProblem('observatory.prefill_unknown_code', { row: r, code }));
      continue;
    }
    if (code in values) {
      problems.push(fileProblem('observatory.prefill_duplicate_code', { row: r, code }));
      continue;
    }
    const raw = row.getCell(VALUE_COLUMN).value;
    const value = cellNumber(raw);
    if (value === undefined || (value !== null && !(Math.abs(value) <= MAX_VALUE))) {
      const params = { row: r, label: indicator.label, code, text: cellText(raw).slice(0, 50) };
      problems.push({
        field: `values.${code}`,
        code: 'observatory.prefill_not_number',
        message: message('observatory.prefill_not_number', params),
      });
      continue;
    }
    values[code] = value;
  }
  if (problems.length > 0) throw refused(problems);
  return values;
}

function findHeader(sheet: ExcelJS.Worksheet): number | null {
  for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
    const row = sheet.getRow(r);
    if (
      cellText(row.getCell(1).value).trim() === 'Code' &&
      cellText(row.getCell(3).value).trim() === 'Indicateur'
    )
      return r;
  }
  return null;
}
