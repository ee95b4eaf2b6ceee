/**
 * The application's days are French days: "today", a deadline or a timestamp shown in
 * a sheet are read on Paris clocks, whatever the server's own time zone.
 */

const PARIS = 'Europe/Paris';
// Built once: creating an Intl formatter costs more than a cached public answer.
const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: PARIS });
const isoDayTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: PARIS,
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** Today's date in Paris (ISO): "today" must not flip at 01:00 UTC. */
export function parisToday(now = new Date()): string {
  return isoDay.format(now);
}

/**
 * The instant as a Date whose UTC fields read the Paris wall clock: exceljs writes a
 * Date from its UTC time, so a sheet then shows French hours.
 */
export function parisWallClock(instant: Date): Date {
  return new Date(`${isoDayTime.format(instant).replace(' ', 'T')}Z`);
}

/** An ISO date plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
