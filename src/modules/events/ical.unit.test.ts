import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarEvent, escapeText, foldLine, renderCalendar } from './ical.ts';

const base: CalendarEvent = {
  uid: '7f1c6a52-3d1e-4b7a-9a53-0d6f2b1c9e11@maillage',
  sequence: 2,
  lastModified: new Date('2024-05-01T08:30:00Z'),
  summary: 'Atelier',
  startsOn: '2024-05-16',
  endsOn: '2024-05-16',
  startTime: '14:00:00',
  endTime: '16:30:00',
};
const now = new Date('2024-05-02T10:00:00Z');

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent');
}

const octets = (line: string) => new TextEncoder().encode(line).length;
// What a TEXT value can carry: control characters are dropped, line ends become "\n".
const expected = (text: string) =>
  Array.from(text.replace(/\r\n?/g, '\n'))
    .filter((c) => c === '\t' || c === '\n' || (c >= ' ' && c !== '\x7f'))
    .join('');

describe('iCalendar writer', () => {
  it('writes CRLF lines of at most 75 octets, the Paris time zone and the required properties', () => {
    const text = renderCalendar({ name: 'Délégation', events: [base], now });
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20240516T140000');
    expect(lines).toContain('DTEND;TZID=Europe/Paris:20240516T163000');
    expect(lines).toContain('DTSTAMP:20240502T100000Z');
    expect(lines).toContain('LAST-MODIFIED:20240501T083000Z');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Paris');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('turns Paris local times into the right instants on both sides of a DST change', () => {
    const text = renderCalendar({
      name: 'Test',
      now,
      events: [
        { ...base, uid: 'winter@maillage', startsOn: '2024-03-30', endsOn: '2024-03-30', startTime: '10:00' },
        { ...base, uid: 'summer@maillage', startsOn: '2024-03-31', endsOn: '2024-03-31', startTime: '10:00' },
        { ...base, uid: 'autumn@maillage', startsOn: '2024-10-27', endsOn: '2024-10-27', startTime: '10:00' },
      ],
    });
    const starts = Object.fromEntries(
      parseEvents(text).map((v) => {
        const event = new ICAL.Event(v);
        return [event.uid, event.startDate.toJSDate().toISOString()];
      }),
    );
    expect(starts).toEqual({
      'winter@maillage': '2024-03-30T09:00:00.000Z',
      'summer@maillage': '2024-03-31T08:00:00.000Z',
      'autumn@maillage': '2024-10-27T09:00:00.000Z',
    });
  });

  it('writes whole days as dates, the end being the day after the last day', () => {
    const text = renderCalendar({
      name: 'Test',
      now,
      events: [{ ...base, startsOn: '2024-12-30', endsOn: '2024-12-31', startTime: null, endTime: null }],
    });
    expect(text).toContain('DTSTART;VALUE=DATE:20241230\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20250101\r\n');
    const [vevent] = parseEvents(text);
    const event = new ICAL.Event(vevent);
    expect(event.startDate.isDate).toBe(true);
    expect(event.endDate.toString()).toBe('2025-01-01');
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('never cuts a UTF-8 character nor an escape sequence when folding', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'\\,'.repeat(30)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const [i, part] of folded.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part.endsWith('\\')).toBe(false);
    }
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('round-trips any text through escaping, folding and ical.js', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 500 }),
        fc.string({ unit: 'binary-ascii', maxLength: 200 }),
        (summary, description, location) => {
          fc.pre(expected(summary).length > 0);
          const text = renderCalendar({
            name: summary,
            now,
            events: [{ ...base, summary, description: description || null, location: location || null }],
          });
          for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
          const calendar = new ICAL.Component(ICAL.parse(text));
          // ical.js leaves the value of an X- property as written (unfolded, still escaped).
          expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(escapeText(summary));
          const vevent = calendar.getFirstSubcomponent('vevent');
          expect(vevent?.getFirstPropertyValue('summary')).toBe(expected(summary));
          if (description)
            expect(vevent?.getFirstPropertyValue('description') ?? '').toBe(expected(description));
          if (location) expect(vevent?.getFirstPropertyValue('location') ?? '').toBe(expected(location));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('iCalendar writer under hostile text', () => {
  const injection = fc.constantFrom(
    '\r\nBEGIN:VEVENT\r\nSUMMARY:pirate\r\nEND:VEVENT',
    '\nEND:VCALENDAR\n',
    '\rUID:autre',
    'ligne\u2028séparée\u0085',
    '🎉👩‍👩‍👧 Fête',
    '\u0000\u0007\u001b[31m\u007f',
    ';,\\:"',
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc
      .array(fc.oneof(injection, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 5 })
      .map((parts) => parts.join('')),
  );
  const record = fc.record({
    summary: text,
    description: fc.option(text, { nil: null }),
    location: fc.option(text, { nil: null }),
    url: fc.option(
      fc.oneof(
        fc.webUrl(),
        injection.map((i) => `https://exemple.fr/a${i}`),
      ),
      { nil: null },
    ),
  });

  it('writes one event per record whatever the titles, places and descriptions hold, and the text round-trips', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), (records) => {
        const events = records.map((r, i) => ({ ...base, ...r, uid: `evenement-${i}@maillage` }));
        const output = renderCalendar({ name: 'Délégation\r\nBEGIN:VEVENT', events, now });
        for (const line of output.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        // Only the writer's own lines begin a component: no injected line survives.
        const begins = output.split('\r\n').filter((l) => l === 'BEGIN:VEVENT');
        expect(begins).toHaveLength(records.length);
        const parsed = parseEvents(output);
        expect(parsed).toHaveLength(records.length);
        parsed.forEach((vevent, i) => {
          const r = records[i]!;
          expect(vevent.getFirstPropertyValue('uid')).toBe(`evenement-${i}@maillage`);
          expect(vevent.getFirstPropertyValue('summary') ?? '').toBe(expected(r.summary));
          if (r.description)
            expect(vevent.getFirstPropertyValue('description') ?? '').toBe(expected(r.description));
          if (r.location) expect(vevent.getFirstPropertyValue('location') ?? '').toBe(expected(r.location));
          if (r.url)
            expect(String(vevent.getFirstPropertyValue('url'))).toBe(expected(r.url).replace(/[\t\n]/g, ''));
        });
      }),
      { numRuns: 300 },
    );
  });
});
