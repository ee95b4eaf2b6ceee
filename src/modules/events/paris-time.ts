/**
 * Actions are dated in local French time (a day, and times of day, in Europe/Paris).
 * These helpers turn such a local date and time into an instant and back, whatever the
 * server's own time zone, and write them in French for e-mails.
 */

const PARIS = 'Europe/Paris';
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const longDay = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Minutes to add to UTC to get Paris wall-clock time at that instant (60 or 120). */
function parisOffsetMinutes(instant: Date): number {
  const p: Record<string, number> = {};
  for (const part of parts.formatToParts(instant)) p[part.type] = Number(part.value);
  const at = (key: string) => p[key] ?? 0;
  const asUtc = Date.UTC(at('year'), at('month') - 1, at('day'), at('hour'), at('minute'), at('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a Paris wall-clock date and time (`HH:MM` or `HH:MM:SS`; midnight when null). */
export function parisInstant(date: string, time: string | null = null): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = (time ?? '00:00:00').split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss ?? 0);
  // Guess with the offset at the wall time read as UTC, then correct once: exact except
  // inside the spring-forward hour, which does not exist on Paris clocks anyway.
  const first = wall - parisOffsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - parisOffsetMinutes(new Date(first)) * 60_000);
}

// The events module's callers and tests take these from here.
export { addDays, parisToday } from '../../lib/paris-time.ts';

/** "jeudi 16 mai 2024". */
export function frenchLongDate(date: string): string {
  return longDay.format(new Date(`${date}T00:00:00Z`));
}

/** "14 h 00", as French typography writes a time. */
export function frenchTime(time: string): string {
  const [hh, mm] = time.split(':');
  return `${Number(hh)} h ${mm}`;
}

export interface Dated {
  startsOn: string;
  endsOn: string;
  startTime: string | null;
  endTime: string | null;
}

/** "le jeudi 16 mai 2024, de 14 h 00 à 16 h 00", "du lundi 3 juin 2024 au mardi 4 juin 2024". */
export function frenchWhen(event: Dated): string {
  const sameDay = event.startsOn === event.endsOn;
  if (sameDay) {
    const day = `le ${frenchLongDate(event.startsOn)}`;
    if (event.startTime && event.endTime)
      return `${day}, de ${frenchTime(event.startTime)} à ${frenchTime(event.endTime)}`;
    return event.startTime ? `${day}, à ${frenchTime(event.startTime)}` : day;
  }
  const from = `du ${frenchLongDate(event.startsOn)}${event.startTime ? ` (${frenchTime(event.startTime)})` : ''}`;
  const to = `au ${frenchLongDate(event.endsOn)}${event.endTime ? ` (${frenchTime(event.endTime)})` : ''}`;
  return `${from} ${to}`;
}
