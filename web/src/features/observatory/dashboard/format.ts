import { t } from '../../../i18n';
import type { Qualifier, Unit } from './api';

const whole = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
// "31,3 M€": how the report writes large amounts (charts, where room is short).
const compactEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const compact = new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** A value in its unit: "31 300 000 €", "1 858 940 h", "1 156,77 ETP", "59,1 %", "5 199". */
export function formatValue(value: number | null, unit: Unit, options: { compact?: boolean } = {}): string {
  if (value === null) return t('common.none');
  switch (unit) {
    case 'euros':
      return (options.compact ? compactEuros : euros).format(value);
    case 'hours':
      return t('observatory.dashboard.unit.hoursValue', {
        value: (options.compact ? compact : whole).format(value),
      });
    case 'etp':
      return t('observatory.dashboard.unit.etpValue', { value: decimals.format(value) });
    case 'percent':
      // Stored as a percentage (60 = 60 %).
      return t('observatory.dashboard.unit.percentValue', { value: decimals.format(value) });
    default:
      return (options.compact ? compact : decimals).format(value);
  }
}

/** A declared figure as its source qualifies it: "près de 5 000". */
export function formatQualified(
  value: number,
  unit: Unit,
  qualifier: Qualifier,
  options: { compact?: boolean } = {},
) {
  const text = formatValue(value, unit, options);
  return qualifier === 'about' ? t('observatory.dashboard.about', { value: text }) : text;
}

/** A rate between 0 and 1: "59,1 %". */
export function formatRate(rate: number | null): string {
  return rate === null ? t('common.none') : percent.format(rate);
}
