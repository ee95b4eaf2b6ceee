import { t, tMaybe } from '../../../i18n';
import { formatBoolean, formatDate, formatDateTime } from '../../../ui/format';
import { departmentLabel } from '../labels';
import type { HistoryEntry, Organisation, Reference } from '../types';
import { establishmentLabel } from './establishmentLabel';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The French name of a table, or the raw name when the catalogue has none. */
export function tableLabel(tableName: string): string {
  return tMaybe(`history.table.${tableName}`) ?? tableName;
}

/** The French name of a column (database or camelCase spelling), or the raw name. */
export function columnLabel(field: string): string {
  return tMaybe(`history.column.${field}`) ?? tMaybe(`history.column.${snake(field)}`) ?? field;
}

// Secrets never belong on a page, even when a history row carries them.
const secret = /(hash|token|password|secret)/i;

/** The changes worth showing: no secrets. */
export function visibleChanges(entry: HistoryEntry): HistoryEntry['changes'] {
  return entry.changes.filter((change) => !secret.test(change.field));
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A before/after value as a reader expects it: dates in French, yes/no, lists, names instead of ids. */
export function formatValue(
  field: string,
  value: unknown,
  organisation: Organisation,
  reference?: Reference,
): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return formatBoolean(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return t('common.empty');
    if (field === 'departments')
      return value.map((code) => departmentLabel(String(code), reference)).join(', ');
    return value.map(String).join(', ');
  }
  if (typeof value === 'string') {
    if (field === 'establishment_id' || field === 'establishmentId') {
      const found = organisation.establishments.find((e) => e.id === value);
      return found ? establishmentLabel(found) : value;
    }
    if (field === 'organisation_id' || field === 'organisationId')
      return value === organisation.id ? organisation.name : value;
    if (field === 'department') return departmentLabel(value, reference);
    if (field === 'role') return tMaybe(`governance.role.${value}`) ?? tMaybe(`role.${value}`) ?? value;
    if (isoDate.test(value)) return formatDate(value);
    if (isoInstant.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function changed(entry: HistoryEntry, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const change = entry.changes.find((c) => c.field === field);
    const value = change ? (change.after ?? change.before) : undefined;
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** Which record an entry is about: "Établissement 09000 FOIX", "Contact Marie Dupont", "Organisation". */
export function recordLabel(entry: HistoryEntry, organisation: Organisation): string {
  const table = tableLabel(entry.tableName);
  let detail: string | undefined;
  switch (entry.tableName) {
    case 'establishments': {
      const found = organisation.establishments.find((e) => e.id === entry.recordId);
      detail = found ? establishmentLabel(found) : changed(entry, 'name', 'city', 'siret');
      break;
    }
    case 'contacts': {
      const found = organisation.contacts.find((c) => c.id === entry.recordId);
      detail = found
        ? [found.firstName, found.lastName].filter(Boolean).join(' ')
        : changed(entry, 'last_name', 'lastName');
      break;
    }
    case 'conventions':
      detail = organisation.conventions.find((c) => c.id === entry.recordId)?.type ?? changed(entry, 'type');
      break;
    case 'membership_periods': {
      const found = organisation.memberships.find((m) => m.id === entry.recordId);
      const date = found?.joinedOn ?? found?.knownFrom ?? changed(entry, 'joined_on', 'known_from');
      detail = date ? formatDate(date) : undefined;
      break;
    }
    case 'board_mandates':
      detail =
        [changed(entry, 'first_name'), changed(entry, 'last_name')].filter(Boolean).join(' ') || undefined;
      break;
    case 'organisations':
      detail = entry.recordId === organisation.id ? undefined : changed(entry, 'name');
      break;
  }
  return detail && detail !== table ? `${table} ${detail}` : table;
}
