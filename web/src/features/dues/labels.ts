import { ApiError } from '../../app/api';
import { t } from '../../i18n';
import { conventionTypeCodes } from '../members/labels';
import type { DuesBasis, DuesItem } from './api';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** "450,00 €". */
export function formatEuros(value: number): string {
  return euros.format(value);
}

export const bases: readonly DuesBasis[] = ['flat', 'etp', 'revenue'];

export function basisLabel(basis: DuesBasis): string {
  return t(`dues.basis.${basis}`);
}

/** The row's state, "none" when its dues are not called yet. */
export type RowStatus = 'paid' | 'partial' | 'unpaid' | 'none';

export function rowStatus(item: DuesItem): RowStatus {
  return item.call?.status ?? 'none';
}

export const statusColor: Record<RowStatus, string> = {
  paid: 'green',
  partial: 'orange',
  unpaid: 'red',
  none: 'gray',
};

export function statusLabel(status: RowStatus): string {
  return t(`dues.status.${status}`);
}

/** Options of a rule's type: "any type" (empty value, sent as null) then every convention type. */
export function ruleTypeOptions() {
  return [
    { value: '', label: t('dues.anyType') },
    ...conventionTypeCodes.map((code) => ({ value: code, label: code })),
  ];
}

/**
 * A number typed the French way ("1 250,50") or the English way; null when empty,
 * NaN when it is not a number.
 */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A refusal shaped like the API's, so dialogs show a check made in the browser next to its input. */
export function localFieldError(field: string, message: string): ApiError {
  return new ApiError(422, 'validation', t('dues.form.invalid'), [{ field, code: 'validation', message }]);
}
