import { ApiError } from '../../../app/api';
import { t } from '../../../i18n';

/** A number typed the French way ("31 300 000", "1 761,5") or the English way; null when empty, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A refusal shaped like the API's, so the form shows a check made in the browser next to its input. */
export function localFieldError(field: string, message: string): ApiError {
  return new ApiError(422, 'validation', t('observatory.declared.invalid'), [
    { field, code: 'validation', message },
  ]);
}
