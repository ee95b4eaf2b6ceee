import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../ui/format';
import type { SessionCounts, TrainingSession } from './api';

/** "2 avril 2024" or "du 2 avril 2024 au 3 avril 2024". */
export function sessionDates(s: Pick<TrainingSession, 'startsOn' | 'endsOn'>): string {
  if (s.startsOn === s.endsOn) return formatDate(s.startsOn);
  return t('trainings.dates.range', { start: formatDate(s.startsOn), end: formatDate(s.endsOn) });
}

export const hoursLabel = (hours: number) => t('figures.value.hours', { value: formatNumber(hours) });

export const basisLabel = (counts: SessionCounts) => t(`trainings.basis.${counts.basis}`);
