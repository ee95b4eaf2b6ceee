import { t } from '../../i18n';
import { formatDate } from '../../ui/format';
import type { EventItem, RegistrationStatus } from './api';

/** "14 h 00", as French typography writes a time (the API gives HH:MM:SS). */
export function formatTime(time: string): string {
  const [hours, minutes] = time.split(':');
  return `${Number(hours)} h ${minutes}`;
}

/** "16 mai 2024, 14 h 00 – 16 h 00", "3 juin 2024 – 4 juin 2024". */
export function whenLabel(event: Pick<EventItem, 'startsOn' | 'endsOn' | 'startTime' | 'endTime'>): string {
  const hours =
    event.startTime && event.endTime
      ? `${formatTime(event.startTime)} – ${formatTime(event.endTime)}`
      : event.startTime
        ? formatTime(event.startTime)
        : null;
  if (event.startsOn === event.endsOn)
    return hours ? `${formatDate(event.startsOn)}, ${hours}` : formatDate(event.startsOn);
  return `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}`;
}

/** "Toulouse (31)", "En ligne", or null when the action says nowhere. */
export function placeLabel(event: Pick<EventItem, 'online' | 'town' | 'department'>): string | null {
  if (event.online) return t('events.online');
  if (event.town) return event.department ? `${event.town} (${event.department})` : event.town;
  return event.department ? t('events.department', { code: event.department }) : null;
}

export const statusColor: Record<RegistrationStatus, string> = {
  registered: 'green',
  waiting: 'orange',
  cancelled: 'gray',
};

export function statusLabel(registration: { status: RegistrationStatus; waitingPosition: number | null }) {
  if (registration.status === 'waiting' && registration.waitingPosition)
    return t('events.status.waitingRank', { rank: registration.waitingPosition });
  return t(`events.status.${registration.status}`);
}
