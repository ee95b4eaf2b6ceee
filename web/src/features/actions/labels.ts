import { t, tn } from '../../i18n';
import type { Option } from '../../ui/FormField';
import { dateFormat } from '../../ui/format';
import {
  type ActionKind,
  type ActionSummary,
  actionKinds,
  type MemberRole,
  type Mission,
  memberRoles,
  missions,
  type PartnerKind,
  type PartnerRole,
  partnerKinds,
  partnerRoles,
  type Qualifier,
} from './api';

export const kindLabel = (kind: ActionKind) => t(`actions.kind.${kind}`);
export const missionLabel = (mission: Mission) => t(`actions.mission.${mission}`);
export const partnerKindLabel = (kind: PartnerKind) => t(`actions.partnerKind.${kind}`);
export const partnerRoleLabel = (role: PartnerRole) => t(`actions.partnerRole.${role}`);
export const memberRoleLabel = (role: MemberRole) => t(`actions.memberRole.${role}`);

export const kindOptions: Option[] = actionKinds.map((kind) => ({ value: kind, label: kindLabel(kind) }));
export const missionOptions: Option[] = missions.map((m) => ({ value: m, label: missionLabel(m) }));
export const partnerKindOptions: Option[] = partnerKinds.map((k) => ({
  value: k,
  label: partnerKindLabel(k),
}));
export const partnerRoleOptions: Option[] = partnerRoles.map((r) => ({
  value: r,
  label: partnerRoleLabel(r),
}));
export const memberRoleOptions: Option[] = memberRoles.map((r) => ({ value: r, label: memberRoleLabel(r) }));

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' });

/** "mai", for the month filter. */
export function monthLabel(month: number): string {
  return monthOnly.format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** "mai 2024", as the chronicle's month headings say it. */
export function monthName(year: number, month: number): string {
  return monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * When an action took place, as precisely as its source says: "16 mai 2024",
 * "du 30 mai au 2 juin 2024", "janvier 2024" or "janvier – février 2024" (dated to the month),
 * with its hours when known.
 */
export function formatWhen(
  action: Pick<ActionSummary, 'startsOn' | 'endsOn' | 'datePrecision' | 'startTime' | 'endTime'>,
): string {
  const start = utc(action.startsOn);
  const end = utc(action.endsOn);
  const sameYear = action.startsOn.slice(0, 4) === action.endsOn.slice(0, 4);
  if (action.datePrecision === 'month') {
    if (action.startsOn.slice(0, 7) === action.endsOn.slice(0, 7)) return monthYear.format(start);
    return t('actions.when.range', {
      from: sameYear ? monthOnly.format(start) : monthYear.format(start),
      to: monthYear.format(end),
    });
  }
  const sameMonth = action.startsOn.slice(0, 7) === action.endsOn.slice(0, 7);
  let text: string;
  if (action.startsOn === action.endsOn) text = dateFormat.format(start);
  else
    text = t('actions.when.days', {
      // "du 3 au 5 juin 2024", "du 30 mai au 2 juin 2024", "du 30 décembre 2023 au 2 janvier 2024"
      from: sameMonth
        ? String(start.getUTCDate())
        : sameYear
          ? dayMonth.format(start)
          : dateFormat.format(start),
      to: dateFormat.format(end),
    });
  if (action.startTime && action.endTime)
    return t('actions.when.withHours', { date: text, from: action.startTime, to: action.endTime });
  if (action.startTime) return t('actions.when.withStart', { date: text, from: action.startTime });
  return text;
}

/** "Toulouse (31)", "En ligne", or both for an action held in a room and online. */
export function formatPlace(action: Pick<ActionSummary, 'online' | 'town' | 'department'>): string {
  const room = action.town
    ? action.department
      ? `${action.town} (${action.department})`
      : action.town
    : (action.department ?? '');
  if (action.online) return room ? t('actions.place.both', { place: room }) : t('actions.place.online');
  return room || t('common.none');
}

/** "plus de 80 participants", "environ 150 participants", "12 participants". */
export function formatParticipants(count: number | null, qualifier: Qualifier): string {
  if (count === null) return t('common.none');
  if (qualifier === 'at_least') return tn('actions.participants.atLeast', count);
  if (qualifier === 'about') return tn('actions.participants.about', count);
  return tn('actions.participants.exact', count);
}
