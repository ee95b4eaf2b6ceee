import { ApiError } from '../../app/api';
import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { FigureUnit } from './api';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** "1 761 h", "12 %", "4 500,00 €", "101". */
export function formatFigure(value: number, unit: FigureUnit): string {
  switch (unit) {
    case 'euros':
      return euros.format(value);
    case 'hours':
      return t('figures.value.hours', { value: formatNumber(value) });
    case 'percent':
      return t('figures.value.percent', { value: formatNumber(value) });
    default:
      return formatNumber(value);
  }
}

/**
 * A number typed the French way ("1 761,5") or the English way; null when empty,
 * NaN when it is not a number.
 */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€%h]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A refusal shaped like the API's, so a form shows a check made in the browser next to its input. */
export function localFieldError(field: string, message: string): ApiError {
  return new ApiError(422, 'validation', t('figures.form.invalid'), [{ field, code: 'validation', message }]);
}

/** A number field's value for the API: undefined when empty, an error on the field when not a number. */
export function numberField(field: string, text: string): number | undefined {
  const value = parseNumber(text);
  if (value === null) return undefined;
  if (Number.isNaN(value)) throw localFieldError(field, t('figures.form.notANumber'));
  return value;
}
