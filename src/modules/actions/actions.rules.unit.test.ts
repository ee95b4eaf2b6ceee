import { describe, expect, it } from 'vitest';
import { periodOf } from './actions.queries.ts';
import { type ActionShape, checkActionShape, repeatedIndexes, uniqueTags } from './actions.rules.ts';

const oneDay: ActionShape = {
  startsOn: '2024-05-16',
  endsOn: '2024-05-16',
  datePrecision: 'day',
  startTime: null,
  endTime: null,
  town: 'Toulouse',
  department: '31',
  registrationClosesOn: null,
};
const codes = (shape: Partial<ActionShape>) =>
  checkActionShape({ ...oneDay, ...shape }).map((p) => `${p.field}:${p.code}`);

describe('checkActionShape', () => {
  it('accepts a plain one-day action', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(codes({ endsOn: '2024-05-15' })).toEqual(['endsOn:actions.ends_before_starts']);
  });

  it('wants the end time after the start time on one day only', () => {
    expect(codes({ startTime: '14:00', endTime: '09:00' })).toEqual([
      'endTime:actions.end_time_before_start',
    ]);
    expect(codes({ startTime: '14:00', endTime: '14:00' })).toEqual([
      'endTime:actions.end_time_before_start',
    ]);
    // Over two days, ending at 12:00 the next day after starting at 14:00 is fine.
    expect(codes({ endsOn: '2024-05-17', startTime: '14:00', endTime: '12:00' })).toEqual([]);
  });

  it('wants a start time when an end time is given, and no times on a month-dated action', () => {
    expect(codes({ endTime: '12:00' })).toEqual(['startTime:actions.start_time_required']);
    expect(codes({ datePrecision: 'month', startTime: '09:00' })).toEqual([
      'startTime:actions.times_need_day',
    ]);
  });

  it('checks the department against the official list and asks for it with a town', () => {
    expect(codes({ department: '99' })).toEqual(['department:actions.department_unknown']);
    expect(codes({ department: '2A' })).toEqual([]);
    expect(codes({ department: '974' })).toEqual([]);
    expect(codes({ department: null })).toEqual(['department:actions.department_required']);
    expect(codes({ town: null, department: null })).toEqual([]);
  });

  it('closes registrations no later than the last day', () => {
    expect(codes({ registrationClosesOn: '2024-05-17' })).toEqual([
      'registrationClosesOn:actions.registration_closes_after_end',
    ]);
    expect(codes({ registrationClosesOn: '2024-05-10' })).toEqual([]);
  });
});

describe('helpers', () => {
  it('gives the first and last day of a year or a month, leap years included', () => {
    expect(periodOf(2024)).toEqual(['2024-01-01', '2024-12-31']);
    expect(periodOf(2024, 2)).toEqual(['2024-02-01', '2024-02-29']);
    expect(periodOf(2023, 2)).toEqual(['2023-02-01', '2023-02-28']);
    expect(periodOf(2024, 12)).toEqual(['2024-12-01', '2024-12-31']);
  });

  it('finds repeated entries and keeps tags once', () => {
    expect(repeatedIndexes(['a', 'b', 'a', 'a'], (x) => x)).toEqual([2, 3]);
    expect(uniqueTags([' Emploi ', 'Emploi', '', 'FSE+'])).toEqual(['Emploi', 'FSE+']);
  });
});
