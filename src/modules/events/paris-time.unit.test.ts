import { describe, expect, it } from 'vitest';
import { addDays, frenchWhen, parisInstant, parisToday } from './paris-time.ts';

describe('Paris local time', () => {
  it('turns a local date and time into the instant, in winter and in summer', () => {
    expect(parisInstant('2024-01-15', '09:30').toISOString()).toBe('2024-01-15T08:30:00.000Z');
    expect(parisInstant('2024-07-15', '09:30:00').toISOString()).toBe('2024-07-15T07:30:00.000Z');
    expect(parisInstant('2024-10-27', '12:00').toISOString()).toBe('2024-10-27T11:00:00.000Z');
    expect(parisInstant('2024-03-31').toISOString()).toBe('2024-03-30T23:00:00.000Z');
  });

  it("knows Paris's date when UTC is still on the day before", () => {
    expect(parisToday(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('writes dates and times in French', () => {
    const oneDay = {
      startsOn: '2024-05-16',
      endsOn: '2024-05-16',
      startTime: '14:00:00',
      endTime: '16:30:00',
    };
    expect(frenchWhen(oneDay)).toBe('le jeudi 16 mai 2024, de 14 h 00 à 16 h 30');
    expect(frenchWhen({ ...oneDay, startTime: null, endTime: null })).toBe('le jeudi 16 mai 2024');
    expect(frenchWhen({ ...oneDay, endsOn: '2024-05-17', startTime: '09:00', endTime: '12:00' })).toBe(
      'du jeudi 16 mai 2024 (9 h 00) au vendredi 17 mai 2024 (12 h 00)',
    );
  });
});
