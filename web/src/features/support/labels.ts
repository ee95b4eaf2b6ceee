import { t } from '../../i18n';
import type { Status, Subject } from './api';
import { statuses, subjects } from './api';
import type { InterviewStatus } from './interviewsApi';

export const subjectLabel = (subject: Subject) => t(`support.subject.${subject}`);
export const statusLabel = (status: Status) => t(`support.status.${status}`);

export const subjectOptions = () => subjects.map((value) => ({ value, label: subjectLabel(value) }));
export const statusOptions = () => statuses.map((value) => ({ value, label: statusLabel(value) }));

export const statusColor: Record<Status, string> = {
  open: 'blue',
  in_progress: 'indigo',
  waiting: 'orange',
  done: 'green',
  abandoned: 'gray',
};

/** "1 h 30", "45 min", "0 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('support.minutes', { minutes: rest });
  if (rest === 0) return t('support.hours', { hours });
  return t('support.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}

/**
 * A duration typed as minutes ("90") or hours and minutes ("1h30", "1:30", "1,5 h");
 * null when empty, NaN when it cannot be read.
 */
export function parseDuration(text: string): number | null {
  const compact = text.replace(/\s/g, '').toLowerCase();
  if (compact === '') return null;
  if (/^\d+(min)?$/.test(compact)) return Number.parseInt(compact, 10);
  const hm = /^(\d+)(?:h|:)(\d{1,2})?(?:min)?$/.exec(compact);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2] ?? 0);
  const decimal = /^(\d+(?:[.,]\d+)?)h$/.exec(compact);
  if (decimal) return Math.round(Number(decimal[1]?.replace(',', '.')) * 60);
  return Number.NaN;
}

const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "12,5 Ko", "3,2 Mo". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return t('support.size.bytes', { size: bytes });
  if (bytes < 1024 * 1024) return t('support.size.kb', { size: sizeFormat.format(bytes / 1024) });
  return t('support.size.mb', { size: sizeFormat.format(bytes / (1024 * 1024)) });
}

/** Today as an ISO date in the browser's time zone (the default day of a time entry). */
export function todayIso(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A stored media type in words ("PDF", "Tableur Office"). */
export function documentKind(mediaType: string): string {
  const base = mediaType.split(';')[0] ?? '';
  if (base === 'application/pdf') return 'PDF';
  if (base === 'image/png') return 'PNG';
  if (base === 'image/jpeg') return 'JPEG';
  if (base === 'text/csv') return 'CSV';
  if (base === 'text/plain') return t('support.documents.kind.text');
  if (base.startsWith('application/vnd.oasis.opendocument.')) return t('support.documents.kind.odf');
  if (base.includes('spreadsheetml')) return t('support.documents.kind.xlsx');
  if (base.includes('wordprocessingml')) return t('support.documents.kind.docx');
  if (base.includes('presentationml')) return t('support.documents.kind.pptx');
  return base;
}

/** A number typed the French way ("1 250,5") or the English way; null when empty, NaN when unreadable. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

export const interviewStatusColor: Record<InterviewStatus, string> = {
  not_started: 'gray',
  draft: 'orange',
  done: 'green',
};
