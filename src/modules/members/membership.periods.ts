/**
 * Who was a member when: an organisation is a member over a span of days when one of its
 * membership periods overlaps it (known from its first day or before, not left before
 * its last). Dues, statistics, campaigns, reminders and interviews all count so.
 */
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { membershipPeriods, organisations } from './members.table.ts';

/** A membership period overlapping `from`–`to` (ISO days; one day when `to` is left out). */
export const periodOverlaps = (from: string, to = from) =>
  and(
    lte(membershipPeriods.knownFrom, to),
    or(isNull(membershipPeriods.leftOn), gte(membershipPeriods.leftOn, from)),
  );

/** A membership period overlapping the calendar year. */
export const periodInYear = (year: number) => periodOverlaps(`${year}-01-01`, `${year}-12-31`);

/** The organisations that were members at some time from `from` to `to`, with their names. */
export function membersBetween(tx: Tx, from: string, to = from) {
  return tx
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(membershipPeriods, eq(membershipPeriods.organisationId, organisations.id))
    .where(periodOverlaps(from, to));
}
