import { and, asc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { actions } from '../actions/actions.table.ts';
import { participations } from '../events/events.table.ts';
import { type DeclaredFigure, declaredFigure } from '../figures/figures.service.ts';
import { practiceGroups } from './practice-groups.table.ts';

/** The key under which a source's total of practice-exchange meetings is declared. */
export const GEP_MEETINGS_KEY = 'gepMeetings';

/**
 * A year of practice-exchange groups, counted from the records: per group its meetings,
 * its attendances (the meetings' participant counts) and the distinct organisations named
 * present. The declared total, when a source gives one, comes beside it, never added to it.
 */
export async function practiceGroupStats(tx: Tx, year: number) {
  const groups = await tx
    .select({ id: practiceGroups.id, name: practiceGroups.name, active: practiceGroups.active })
    .from(practiceGroups)
    .orderBy(asc(practiceGroups.name));
  const meetings = await tx
    .select({
      id: actions.id,
      groupId: actions.practiceGroupId,
      participantsCount: actions.participantsCount,
    })
    .from(actions)
    .where(
      and(
        eq(actions.kind, 'practice_exchange'),
        isNotNull(actions.practiceGroupId),
        gte(actions.startsOn, `${year}-01-01`),
        lte(actions.startsOn, `${year}-12-31`),
      ),
    );
  const ids = meetings.map((m) => m.id);
  const present = ids.length
    ? await tx
        .selectDistinct({ actionId: participations.actionId, organisationId: participations.organisationId })
        .from(participations)
        .where(
          and(
            inArray(participations.actionId, ids),
            eq(participations.attended, true),
            isNotNull(participations.organisationId),
          ),
        )
    : [];
  const groupOf = new Map(meetings.map((m) => [m.id, m.groupId]));

  const items = groups.map((group) => {
    const own = meetings.filter((m) => m.groupId === group.id);
    const organisationIds = new Set(
      present.filter((p) => groupOf.get(p.actionId) === group.id).map((p) => p.organisationId),
    );
    return {
      ...group,
      meetings: own.length,
      attendances: own.reduce((sum, m) => sum + (m.participantsCount ?? 0), 0),
      // Meetings whose attendance is not known yet: their attendances are missing from the sum.
      meetingsWithoutCount: own.filter((m) => m.participantsCount === null).length,
      organisations: organisationIds.size,
    };
  });
  const declared: { gepMeetings?: DeclaredFigure } = {};
  const gepMeetings = await declaredFigure(tx, year, GEP_MEETINGS_KEY);
  if (gepMeetings) declared.gepMeetings = gepMeetings;
  return {
    year,
    groups: items,
    computed: {
      meetings: meetings.length,
      attendances: items.reduce((sum, g) => sum + g.attendances, 0),
    },
    declared,
  };
}
