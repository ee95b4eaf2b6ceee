import { type MessageKey, t } from '../../../i18n';
import type { CampaignStatus, FormStatus, RuleKind } from './api';

export const campaignStatusLabel = (status: CampaignStatus) =>
  t(`observatory.campaignStatus.${status}` as MessageKey);
export const formStatusLabel = (status: FormStatus) => t(`observatory.formStatus.${status}` as MessageKey);
export const sectionLabel = (section: string) =>
  section in SECTION_KEYS ? t(SECTION_KEYS[section] as MessageKey) : section;
export const unitLabel = (unit: string) => (unit in UNIT_KEYS ? t(UNIT_KEYS[unit] as MessageKey) : unit);
export const ruleKindLabel = (kind: RuleKind) => t(`observatory.rule.kind.${kind}` as MessageKey);

const SECTION_KEYS: Record<string, string> = Object.fromEntries(
  ['activity', 'people', 'entrants', 'staff', 'economy', 'exits', 'other'].map((s) => [
    s,
    `observatory.section.${s}`,
  ]),
);
const UNIT_KEYS: Record<string, string> = Object.fromEntries(
  ['count', 'hours', 'euros', 'percent', 'etp'].map((u) => [u, `observatory.unit.${u}`]),
);

export const campaignStatusColor: Record<CampaignStatus, string> = {
  draft: 'gray',
  open: 'green',
  closed: 'dark',
};
// Hues whose light badges keep 4.5:1 (theme.ts darkens orange and green; yellow and red stay too pale).
export const formStatusColor: Record<FormStatus, string> = {
  not_started: 'gray',
  draft: 'orange',
  submitted: 'blue',
  correction_requested: 'pink',
  validated: 'green',
};

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
export const formatFigure = (value: number | null | undefined) =>
  value === null || value === undefined ? t('common.none') : numberFormat.format(value);

/** What the user typed as a number ("1 234,5"), null when empty, undefined when not a number. */
export function parseFigure(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** A figure as the input shows it: French decimal comma, no thousands separator to fight with. */
export const figureText = (value: number | undefined) =>
  value === undefined ? '' : String(value).replace('.', ',');
