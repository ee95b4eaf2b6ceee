/**
 * The lists of the quality approaches as XLSX files: dates as dates, scores as numbers,
 * French labels, a frozen bold header with filters (same shape as actions.export.ts).
 */
import { tableXlsx } from '../../lib/xlsx.ts';

export { type Column, DATE_FORMAT as DATE, day, text } from '../../lib/xlsx.ts';
// The lists' routes write their workbooks through this name.
export const toXlsx = tableXlsx;

export const STATUS_LABELS = {
  in_progress: 'En cours',
  certified: 'Certifié',
  expired: 'Expiré',
  withdrawn: 'Retiré',
} as const;
export const AUDIT_KIND_LABELS = {
  initial: 'Initial',
  follow_up: 'Suivi',
  renewal: 'Renouvellement',
} as const;
export const AUDIT_RESULT_LABELS = {
  pending: 'En attente',
  passed: 'Réussi',
  passed_with_reservations: 'Réussi avec réserves',
  failed: 'Échoué',
} as const;
export const ACTION_STATUS_LABELS = {
  planned: 'Prévue',
  in_progress: 'En cours',
  done: 'Réalisée',
  dropped: 'Abandonnée',
} as const;
