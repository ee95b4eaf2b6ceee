import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { conventionTypeCodes } from '../members/labels';
import type { FunderKind } from './api';

const KINDS: FunderKind[] = ['foundation', 'endowment', 'public', 'company', 'other'];

export const funderKindLabel = (kind: FunderKind) => t(`funders.kind.${kind}`);
export const funderKindOptions = KINDS.map((k) => ({ value: k, label: funderKindLabel(k) }));
export const conventionTypeOptions = conventionTypeCodes.map((c) => ({ value: c, label: c }));

export function territoryLabel(code: string): string {
  if (code === 'region') return t('funders.territory.region');
  if (code === 'national') return t('funders.territory.national');
  return code;
}

/** "insertion, mobilité" → ["insertion", "mobilité"]: lists are typed as comma-separated text. */
export const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const euros = (value: number) => `${formatNumber(value)} €`;

/** "5 000 – 30 000 €", "à partir de 5 000 €", "jusqu'à 30 000 €" or a dash. */
export function amountRange(funder: { amountMin: number | null; amountMax: number | null }): string {
  const { amountMin: min, amountMax: max } = funder;
  if (min !== null && max !== null)
    return t('funders.amount.between', { min: formatNumber(min), max: euros(max) });
  if (min !== null) return t('funders.amount.from', { min: euros(min) });
  if (max !== null) return t('funders.amount.upTo', { max: euros(max) });
  return t('common.none');
}
