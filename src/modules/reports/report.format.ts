/**
 * French formatting of the report's figures and dates, the same in every output.
 * Thousands are separated by a no-break space (U+00A0) so a number never breaks over two
 * lines; `pdftotext` gives it back as that character.
 */
import type { FigureUnit, KeyFigure, ReportAction } from './report.types.ts';

export const NBSP = '\u00a0';

export const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** "mai" for 5; an out-of-range month is a programming error. */
export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new RangeError(`month ${month}`);
  return name;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 1761 → "1 761", 2.5 → "2,5", -1200 → "-1 200"; at most `decimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${group(whole)}${trimmed ? `,${trimmed}` : ''}`;
}

/** 31 300 000 → "31,3 M€"; 45 000 → "45 000 €"; 1 200 000 000 → "1,2 Md€". */
export function formatAmount(euros: number): string {
  const abs = Math.abs(euros);
  if (abs >= 1e9) return `${formatNumber(euros / 1e9)}${NBSP}Md€`;
  if (abs >= 1e6) return `${formatNumber(euros / 1e6)}${NBSP}M€`;
  return `${formatNumber(euros, 0)}${NBSP}€`;
}

/** A value already in percent: 42.35 → "42,4 %". */
export function formatPercent(value: number): string {
  return `${formatNumber(value)}${NBSP}%`;
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3] ?? 1) };
}

/** "2024-05-16" → "16 mai 2024", "2024-05-01" → "1er mai 2024", precision 'month' → "mai 2024". */
export function formatDate(iso: string, precision: 'day' | 'month' = 'day'): string {
  const { year, month, day } = parseIsoDate(iso);
  if (precision === 'month') return `${monthName(month)} ${year}`;
  return `${day === 1 ? '1er' : day} ${monthName(month)} ${year}`;
}

/** "2024-05-16T10:00:00.000Z" → "16 mai 2024" (the UTC day, so the output does not depend on the server's zone). */
export function formatDateTime(iso: string): string {
  return formatDate(new Date(iso).toISOString().slice(0, 10));
}

const plural = (value: number, one: string, many: string) => (Math.abs(value) >= 2 ? many : one);

/** A value with its unit, as printed beside a label. */
export function formatValue(value: number, unit: FigureUnit): string {
  switch (unit) {
    case 'count':
      return formatNumber(value);
    case 'people':
      return `${formatNumber(value)}${NBSP}${plural(value, 'personne', 'personnes')}`;
    case 'hours':
      return `${formatNumber(value)}${NBSP}h`;
    case 'euros':
      return formatAmount(value);
    case 'percent':
      return formatPercent(value);
  }
}

export const NOT_PROVIDED = 'non renseigné';

const QUALIFIERS = { exact: '', at_least: 'plus de ', about: 'près de ' } as const;

/**
 * A key figure's value with its unit and the source's qualifier ("près de 5 000 personnes"),
 * or "non renseigné" when the year has no data for it (never 0).
 */
export function formatFigure(figure: Pick<KeyFigure, 'value' | 'unit' | 'qualifier'>): string {
  if (figure.value === null) return NOT_PROVIDED;
  return `${QUALIFIERS[figure.qualifier ?? 'exact']}${formatValue(figure.value, figure.unit)}`;
}

/** "Déclaré : Observatoire régional 2024" or "Calculé : 24 actions publiques de 2024". */
export function formatSource(figure: Pick<KeyFigure, 'source' | 'from'>): string {
  return `${figure.source === 'declared' ? 'Déclaré' : 'Calculé'}${NBSP}: ${figure.from}`;
}

/** "plus de 80 participants", "environ 150 personnes", "12 participants". */
export function formatParticipants(p: NonNullable<ReportAction['participants']>): string {
  const label = p.label || plural(p.value, 'participant', 'participants');
  return [p.qualifier, formatNumber(p.value), label].filter(Boolean).join(' ').replace(/(\d) /, `$1${NBSP}`);
}

/** The date of an action as printed in the chronicle. */
export function formatActionDate(action: Pick<ReportAction, 'date' | 'datePrecision'>): string {
  return formatDate(action.date, action.datePrecision);
}
