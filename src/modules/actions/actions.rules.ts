/**
 * Pure checks of an action's fields (no database): dates, times, place, registration.
 * The service adds the checks that need the delegation's records (partners, members…).
 */
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { isDepartmentCode } from '../members/members.validation.ts';

export interface FieldProblem {
  field: string;
  code: string;
}

/** Bad input the schema could not see: 400, each field with its code and French message. */
export function badFields(problems: FieldProblem[]): AppError {
  return new AppError('validation.failed', {
    fields: problems.map((p) => ({ ...p, message: message(p.code) })),
  });
}

/** The fields of an action these checks read, as they will be stored. */
export interface ActionShape {
  startsOn: string;
  endsOn: string;
  datePrecision: 'day' | 'month';
  startTime: string | null;
  endTime: string | null;
  town: string | null;
  department: string | null;
  registrationClosesOn: string | null;
}

export function checkActionShape(action: ActionShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (action.endsOn < action.startsOn) problems.push({ field: 'endsOn', code: 'actions.ends_before_starts' });
  const hasTimes = action.startTime !== null || action.endTime !== null;
  if (hasTimes && action.datePrecision === 'month')
    problems.push({ field: 'startTime', code: 'actions.times_need_day' });
  if (action.endTime !== null && action.startTime === null)
    problems.push({ field: 'startTime', code: 'actions.start_time_required' });
  // Over several days, 17:00 on the last day may well be "before" 09:00 on the first.
  if (
    action.startTime !== null &&
    action.endTime !== null &&
    action.startsOn === action.endsOn &&
    action.endTime <= action.startTime
  )
    problems.push({ field: 'endTime', code: 'actions.end_time_before_start' });
  if (action.department !== null && !isDepartmentCode(action.department))
    problems.push({ field: 'department', code: 'actions.department_unknown' });
  if (action.town !== null && action.department === null)
    problems.push({ field: 'department', code: 'actions.department_required' });
  if (action.registrationClosesOn !== null && action.registrationClosesOn > action.endsOn)
    problems.push({ field: 'registrationClosesOn', code: 'actions.registration_closes_after_end' });
  return problems;
}

/** Indexes of the entries whose key already appeared earlier in the list. */
export function repeatedIndexes<T>(items: T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) repeated.push(index);
    seen.add(k);
  });
  return repeated;
}

/** Free tags kept once each, in the order given (case and accents are the user's). */
export function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/** "09:30:00" as stored by PostgreSQL → "09:30" as entered. */
export function shortTime(value: string | null): string | null {
  return value === null ? null : value.slice(0, 5);
}
