/**
 * Calendar feeds of the actions (iCalendar): the public one of a delegation (its public
 * actions), and a private one per user, read with a secret URL that calendar apps poll
 * without a session. Only the SHA-256 of a private URL's token is stored; creating a new
 * one revokes the previous one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, exists, gte, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import { type Db, type Tx, withCredential, withTenant } from '../../db/client.ts';
import { addDays, parisToday } from '../../lib/paris-time.ts';
import { userRoles } from '../accounts/accounts.table.ts';
import { actionMembers, actions } from '../actions/actions.table.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { placeOf } from './events.mail.ts';
import { calendarTokens, participations } from './events.table.ts';
import { type CalendarEvent, renderCalendar } from './ical.ts';

export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createCalendarToken(tx: Tx, userId: string): Promise<string> {
  const now = new Date();
  await tx
    .update(calendarTokens)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)));
  const token = randomBytes(32).toString('base64url');
  await tx.insert(calendarTokens).values({ userId, tokenHash: hashCalendarToken(token) });
  return token;
}

export async function revokeCalendarTokens(tx: Tx, userId: string) {
  const now = new Date();
  await tx
    .update(calendarTokens)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)));
}

/** Whether the user has a live private URL (the URL itself cannot be shown again). */
export async function calendarTokenStatus(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)));
  return { active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
}

export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/api/calendar/feeds/${token}.ics`;

type Audience = { kind: 'public' } | { kind: 'team' } | { kind: 'member'; organisationId: string | null };

/**
 * Which actions a feed holds: dated to the day (an action known only by its month gets
 * no made-up day), within the year asked or from a year back, and by audience: the
 * public actions; all of them for the team; for a member user the public ones and those
 * its organisation is registered to or involved in.
 */
async function feedActions(tx: Tx, audience: Audience, now: Date, year?: number) {
  const window = year
    ? and(gte(actions.startsOn, `${year}-01-01`), lt(actions.startsOn, `${year + 1}-01-01`))
    : gte(actions.endsOn, addDays(parisToday(now), -365));
  const isPublic = eq(actions.visibility, 'public');
  let scope = audience.kind === 'team' ? undefined : isPublic;
  if (audience.kind === 'member' && audience.organisationId) {
    const org = audience.organisationId;
    scope = or(
      isPublic,
      exists(
        tx
          .select({ id: participations.id })
          .from(participations)
          .where(
            and(
              eq(participations.actionId, actions.id),
              eq(participations.organisationId, org),
              ne(participations.status, 'cancelled'),
            ),
          ),
      ),
      inArray(
        actions.id,
        tx
          .select({ id: actionMembers.actionId })
          .from(actionMembers)
          .where(eq(actionMembers.organisationId, org)),
      ),
    );
  }
  return tx
    .select()
    .from(actions)
    .where(and(eq(actions.datePrecision, 'day'), window, scope))
    .orderBy(asc(actions.startsOn), asc(actions.startTime))
    .limit(5000);
}

function toCalendarEvent(action: typeof actions.$inferSelect, url: string): CalendarEvent {
  return {
    uid: `${action.id}@maillage`,
    sequence: action.sequence,
    lastModified: action.updatedAt,
    summary: action.title,
    description: action.summary,
    location: action.online ? 'En ligne' : placeOf(action),
    url,
    startsOn: action.startsOn,
    endsOn: action.endsOn,
    startTime: action.startTime,
    endTime: action.endTime,
  };
}

export async function publicCalendar(
  db: Db,
  delegation: { id: string; name: string },
  options: { baseUrl: string; now: Date; year?: number | undefined },
): Promise<string> {
  const rows = await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) =>
    feedActions(tx, { kind: 'public' }, options.now, options.year),
  );
  return renderCalendar({
    name: `${delegation.name} : actions publiques`,
    now: options.now,
    events: rows.map((row) =>
      toCalendarEvent(row, row.registrationOpen ? `${options.baseUrl}/evenements` : options.baseUrl),
    ),
  });
}

/** The private feed of a token's user, or null when the token is unknown or revoked. */
export async function privateCalendar(db: Db, token: string, options: { baseUrl: string; now: Date }) {
  const tokenHash = hashCalendarToken(token);
  const [owner] = await withCredential(db, { calendarTokenHash: tokenHash }, (tx) =>
    tx
      .select({ delegationId: calendarTokens.delegationId, userId: calendarTokens.userId })
      .from(calendarTokens)
      .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(calendarTokens.revokedAt))),
  );
  if (!owner) return null;
  const [delegation] = await db
    .select({ name: delegations.name })
    .from(delegations)
    .where(eq(delegations.id, owner.delegationId));
  return withTenant(db, { delegationId: owner.delegationId, userId: null }, async (tx) => {
    // The role as it is now: a user who lost it in the delegation loses the feed with it.
    const [role] = await tx
      .select({ role: userRoles.role, organisationId: userRoles.organisationId })
      .from(userRoles)
      .where(eq(userRoles.userId, owner.userId));
    if (!role || !delegation) return null;
    const audience: Audience =
      role.role === 'member' ? { kind: 'member', organisationId: role.organisationId } : { kind: 'team' };
    const rows = await feedActions(tx, audience, options.now);
    return renderCalendar({
      name: `${delegation.name} : mon agenda`,
      now: options.now,
      events: rows.map((row) =>
        toCalendarEvent(
          row,
          audience.kind === 'team' ? `${options.baseUrl}/actions/${row.id}` : `${options.baseUrl}/evenements`,
        ),
      ),
    });
  });
}
