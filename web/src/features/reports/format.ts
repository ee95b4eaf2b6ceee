import { formatFigure } from '../../../../src/modules/reports/report.format';
import type { FigureUnit, KeyFigure } from './api';

/**
 * "1 761 h", "près de 5 000 personnes", "31,3 M€"; "non renseigné" when missing, never 0.
 * The server's formatting, so that the page and the files print the same figures.
 */
export function formatReportValue(
  value: number | null,
  unit: FigureUnit,
  qualifier?: KeyFigure['qualifier'],
): string {
  return formatFigure({ value, unit, ...(qualifier ? { qualifier } : {}) });
}

/** A change between two years, signed: "+12", "−3 h". */
export function formatDelta(delta: number | null, unit: FigureUnit): string {
  if (delta === null) return '—';
  const text = formatReportValue(Math.abs(delta), unit);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}

const monthDay = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "16 mai" for a dated action, "mai 2024" when only its month is known. */
export function formatActionDate(date: string, precision: 'day' | 'month'): string {
  const at = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return precision === 'month' ? monthOnly.format(at) : monthDay.format(at);
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
