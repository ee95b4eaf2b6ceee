/**
 * A small iCalendar (RFC 5545) writer for the delegation's actions: one VCALENDAR with
 * the Europe/Paris VTIMEZONE and one VEVENT per dated action. Written by hand because
 * what it needs is small (text escaping, line folding, local times) and the maintained
 * generators need a newer Node than the one we support.
 */
import { addDays } from '../../lib/paris-time.ts';

export const CALENDAR_TIMEZONE = 'Europe/Paris';

export interface CalendarEvent {
  /** Stable across feeds and edits, so calendars update the event instead of duplicating it. */
  uid: string;
  sequence: number;
  lastModified: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** Local dates (ISO) and times (HH:MM[:SS]) in Europe/Paris; no start time = whole days. */
  startsOn: string;
  endsOn: string;
  startTime: string | null;
  endTime: string | null;
}

// Europe/Paris since 1996: CEST from the last Sunday of March 02:00 to the last Sunday
// of October 03:00. Clients use these rules to turn local times into instants.
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
 * Control characters other than tab are not allowed in a value and are dropped.
 */
export function escapeText(value: string): string {
  return withoutControls(value.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** The text without the control characters a value may not hold (tab and line feed stay). */
export function withoutControls(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) continue;
    out += char;
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 §3.1): the
 * continuation lines start with one space. A UTF-8 character or an escape sequence
 * (`\,`) is never cut, which the RFC allows but some clients mishandle.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    // Keep "\x" together.
    const unit = char === '\\' && i + 1 < chars.length ? `${char}${chars[++i]}` : char;
    const bytes = encoder.encode(unit).length;
    if (size + bytes > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += unit;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n');
}

const two = (n: number) => String(n).padStart(2, '0');

/** A UTC instant as iCalendar writes it: 20240516T120000Z. */
export function utcStamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`
  );
}

const basicDate = (iso: string) => iso.replaceAll('-', '');
const basicTime = (time: string) => {
  const [hh = '00', mm = '00', ss = '00'] = time.split(':');
  return `${hh}${mm}${ss.slice(0, 2)}`;
};
const local = (date: string, time: string) =>
  `;TZID=${CALENDAR_TIMEZONE}:${basicDate(date)}T${basicTime(time)}`;

/** DTSTART/DTEND of an event: local times in Europe/Paris, or whole days (DTEND exclusive). */
function dates(event: CalendarEvent): string[] {
  if (!event.startTime) {
    return [
      `DTSTART;VALUE=DATE:${basicDate(event.startsOn)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(event.endsOn, 1))}`,
    ];
  }
  const lines = [`DTSTART${local(event.startsOn, event.startTime)}`];
  if (event.endTime) lines.push(`DTEND${local(event.endsOn, event.endTime)}`);
  // No end time over several days: until the end of the last day.
  else if (event.endsOn > event.startsOn) lines.push(`DTEND${local(addDays(event.endsOn, 1), '00:00')}`);
  return lines;
}

function vevent(event: CalendarEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
    `SEQUENCE:${event.sequence}`,
    ...dates(event),
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // URI values are not TEXT: no escaping, but no line break nor control character may sneak in.
  if (event.url) lines.push(`URL:${withoutControls(event.url).replace(/[\t\n]/g, '')}`);
  lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole calendar, CRLF line ends, folded lines. */
export function renderCalendar(input: { name: string; events: CalendarEvent[]; now: Date }): string {
  const stamp = utcStamp(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Maillage//Calendrier des actions//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${CALENDAR_TIMEZONE}`,
    ...PARIS_VTIMEZONE,
    ...input.events.flatMap((event) => vevent(event, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
