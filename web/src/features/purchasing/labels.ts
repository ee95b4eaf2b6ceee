import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { BuyerSector, MatchStatus, OpportunityKind, OpportunityStatus } from './api';

const SECTORS: BuyerSector[] = ['public', 'private'];
const KINDS: OpportunityKind[] = ['social_clause', 'reserved_contract', 'quote', 'other'];
const STATUSES: OpportunityStatus[] = ['open', 'closed', 'awarded', 'cancelled'];

export const sectorLabel = (sector: BuyerSector) => t(`purchasing.sector.${sector}`);
export const kindLabel = (kind: OpportunityKind) => t(`purchasing.kind.${kind}`);
export const statusLabel = (status: OpportunityStatus) => t(`purchasing.status.${status}`);
export const matchStatusLabel = (status: MatchStatus) => t(`purchasing.matchStatus.${status}`);

export const sectorOptions = SECTORS.map((s) => ({ value: s, label: sectorLabel(s) }));
export const kindOptions = KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
export const statusOptions = STATUSES.map((s) => ({ value: s, label: statusLabel(s) }));
export const matchStatusOptions = (statuses: MatchStatus[]) =>
  statuses.map((s) => ({ value: s, label: matchStatusLabel(s) }));

export const euros = (value: number | null) =>
  value === null ? t('common.none') : `${formatNumber(value)} €`;

/** "espaces verts, nettoyage" → ["espaces verts", "nettoyage"]: lists are typed as comma-separated text. */
export const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A number typed "5 000" or "5000,50" is sent as a number; anything else is sent as typed so
 * the server refuses it next to the field.
 */
export function typedNumber(text: string): number | string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : text;
}
