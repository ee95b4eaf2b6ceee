import { t } from '../i18n';

/** "16 mai 2024" for a calendar date taken at UTC midnight. */
export const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const localDateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat('fr-FR');

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** "16 mai 2024". Accepts a calendar date (YYYY-MM-DD, shown as is) or an ISO instant (shown in local time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return t('common.none');
  if (dateOnly.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : localDateFormat.format(date);
}

/** "16 mai 2024 à 14:32", in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t('common.none');
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** Phones are shown exactly as stored (the registry keeps printed data as printed). */
export function formatPhone(value: string | null | undefined): string {
  return value?.trim() ? value : t('common.none');
}

/** A `tel:` address for a stored phone, or undefined when it has no digits to dial. */
export function phoneHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const dialable = value.replace(/[^\d+]/g, '');
  return dialable.length >= 4 ? `tel:${dialable}` : undefined;
}

/** A website as a link target: stored values may lack the scheme ("www.exemple.fr"). */
export function websiteHref(value: string): string {
  return /^https?:\/\//i.test(value) ? value : `https://${value}`;
}

export function formatBoolean(value: boolean): string {
  return value ? t('common.yes') : t('common.no');
}

/** A text value or the "none" dash. */
export function orDash(value: string | null | undefined): string {
  return value?.trim() ? value : t('common.none');
}
