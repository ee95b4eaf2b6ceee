import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { isMember, isTeam, type Viewer } from '../../shared/policies.ts';
import { type DeclaredFigure, declaredFigures } from '../figures/figures.service.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { conventions, establishments, membershipPeriods, organisations } from '../members/members.table.ts';
import { type MatchMember, rankCandidates } from './purchasing.match.ts';
import {
  type MatchStatus,
  type MatchUpdate,
  matchStatuses,
  memberMatchStatuses,
} from './purchasing.schemas.ts';
import { getOpportunity } from './purchasing.service.ts';
import { buyers, opportunities, opportunityMatches } from './purchasing.table.ts';

// Same rule as the registry: a membership period running today.
const currentMember = (today: string) =>
  sql`exists (select 1 from ${membershipPeriods} where ${membershipPeriods.organisationId} = ${organisations.id} and ${membershipPeriods.knownFrom} <= ${today}::date and (${membershipPeriods.leftOn} is null or ${membershipPeriods.leftOn} >= ${today}::date))`;

/** Current members with what they sell and where they are (establishments and conventions). */
async function currentMembers(tx: Tx, today: string): Promise<MatchMember[]> {
  const orgs = await tx
    .select({ id: organisations.id, name: organisations.name, activities: organisations.activities })
    .from(organisations)
    .where(currentMember(today));
  const places = await tx
    .select({ organisationId: establishments.organisationId, department: establishments.department })
    .from(establishments);
  const covered = await tx
    .select({ organisationId: conventions.organisationId, departments: conventions.departments })
    .from(conventions);
  const departments = new Map<string, Set<string>>();
  const add = (id: string, d: string | null) => {
    if (d) departments.set(id, (departments.get(id) ?? new Set()).add(d));
  };
  for (const p of places) add(p.organisationId, p.department);
  for (const c of covered) for (const d of c.departments) add(c.organisationId, d);
  return orgs.map((o) => ({
    organisationId: o.id,
    name: o.name,
    activities: o.activities,
    departments: [...(departments.get(o.id) ?? [])].sort(),
  }));
}

/** Current members ranked for an opportunity, each with its reasons and whether already put forward. */
export async function candidatesFor(tx: Tx, viewer: Viewer, opportunityId: string, today = todayInFrance()) {
  const opportunity = await getOpportunity(tx, viewer, opportunityId);
  const ranked = rankCandidates(opportunity, await currentMembers(tx, today));
  const matched = await tx
    .select({ organisationId: opportunityMatches.organisationId })
    .from(opportunityMatches)
    .where(eq(opportunityMatches.opportunityId, opportunityId));
  const already = new Set(matched.map((m) => m.organisationId));
  return ranked.map((c) => ({ ...c, alreadyMatched: already.has(c.organisationId) }));
}

const matchColumns = {
  id: opportunityMatches.id,
  opportunityId: opportunityMatches.opportunityId,
  opportunityTitle: opportunities.title,
  opportunityStatus: opportunities.status,
  deadline: opportunities.deadline,
  buyerName: buyers.name,
  organisationId: opportunityMatches.organisationId,
  organisationName: organisations.name,
  status: opportunityMatches.status,
  reasons: opportunityMatches.reasons,
  insertionHours: opportunityMatches.insertionHours,
  note: opportunityMatches.note,
  updatedAt: opportunityMatches.updatedAt,
};

function selectMatches(tx: Tx, where: SQL | undefined) {
  return tx
    .select(matchColumns)
    .from(opportunityMatches)
    .innerJoin(opportunities, eq(opportunities.id, opportunityMatches.opportunityId))
    .innerJoin(buyers, eq(buyers.id, opportunities.buyerId))
    .innerJoin(organisations, eq(organisations.id, opportunityMatches.organisationId))
    .where(where)
    .orderBy(asc(opportunities.title), asc(organisations.name));
}
type MatchRow = Awaited<ReturnType<typeof selectMatches>>[number];
export type MatchView = Omit<MatchRow, 'updatedAt'> & { updatedAt: string };
const presentMatch = (row: MatchRow): MatchView => ({ ...row, updatedAt: row.updatedAt.toISOString() });

/** A member user reads its own organisation's follow-ups only. */
function ownOnly(viewer: Viewer): SQL | undefined {
  if (!isMember(viewer)) return undefined;
  if (!viewer.organisationId) throw new AppError('auth.forbidden');
  return eq(opportunityMatches.organisationId, viewer.organisationId);
}

export async function listMatches(
  tx: Tx,
  viewer: Viewer,
  query: { opportunityId?: string | undefined; status?: MatchStatus | undefined },
) {
  const rows = await selectMatches(
    tx,
    and(
      ownOnly(viewer),
      query.opportunityId ? eq(opportunityMatches.opportunityId, query.opportunityId) : undefined,
      query.status ? eq(opportunityMatches.status, query.status) : undefined,
    ),
  );
  return rows.map(presentMatch);
}

async function getMatch(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await selectMatches(tx, and(eq(opportunityMatches.id, id), ownOnly(viewer)));
  if (!row) throw new AppError('purchasing.match_not_found');
  return presentMatch(row);
}

/** Puts current members forward for an opportunity, keeping the ranking's reasons of the day. */
export async function putForward(
  tx: Tx,
  viewer: Viewer,
  opportunityId: string,
  organisationIds: string[],
  today = todayInFrance(),
) {
  const candidates = await candidatesFor(tx, viewer, opportunityId, today);
  const members = new Set((await currentMembers(tx, today)).map((m) => m.organisationId));
  const problems = organisationIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !members.has(id))
    .map(({ i }) => ({ field: `organisationIds.${i}`, code: 'purchasing.not_a_member' }));
  if (problems.length > 0) throw invalidFields(problems);
  const reasonsOf = new Map(candidates.map((c) => [c.organisationId, c.reasons]));
  const inserted = await tx
    .insert(opportunityMatches)
    .values(
      [...new Set(organisationIds)].map((organisationId) => ({
        opportunityId,
        organisationId,
        reasons: reasonsOf.get(organisationId) ?? [],
      })),
    )
    .onConflictDoNothing()
    .returning({ id: opportunityMatches.id });
  if (inserted.length === 0) return [];
  return (
    await selectMatches(
      tx,
      inArray(
        opportunityMatches.id,
        inserted.map((m) => m.id),
      ),
    )
  ).map(presentMatch);
}

/**
 * Follow-up of a match. The team sets any status and, on a won match, the insertion hours
 * delivered; a member user says of its own follow-ups only that it is interested or has
 * sent a quote, and may leave a note.
 */
export async function updateMatch(tx: Tx, viewer: Viewer, id: string, input: MatchUpdate) {
  const match = await getMatch(tx, viewer, id);
  if (!isTeam(viewer)) {
    const problems: { field: string; code: string }[] = [];
    if (input.status && !(memberMatchStatuses as readonly string[]).includes(input.status))
      problems.push({ field: 'status', code: 'purchasing.member_status' });
    if (input.insertionHours !== undefined)
      problems.push({ field: 'insertionHours', code: 'purchasing.team_only' });
    if (problems.length > 0) throw invalidFields(problems);
  }
  const status = input.status ?? match.status;
  const hours = input.insertionHours === undefined ? match.insertionHours : input.insertionHours;
  if (status !== 'won' && input.insertionHours != null)
    throw invalidFields([{ field: 'insertionHours', code: 'purchasing.hours_need_won' }]);
  await tx
    .update(opportunityMatches)
    .set({
      status,
      // Hours are delivered on a won contract only: a match no longer won keeps none.
      insertionHours: status === 'won' ? hours : null,
      ...(input.note !== undefined ? { note: input.note || null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(opportunityMatches.id, id));
  return getMatch(tx, viewer, id);
}

export async function deleteMatch(tx: Tx, id: string) {
  const [row] = await tx
    .delete(opportunityMatches)
    .where(eq(opportunityMatches.id, id))
    .returning({ id: opportunityMatches.id });
  if (!row) throw new AppError('purchasing.match_not_found');
}

/** Declared figures of buyers: keys naming what a buyer's purchases generated. */
export const BUYER_FIGURE_KEY = /(InsertionHours|Orders|Providers)$/;

/**
 * A year's purchasing: opportunities of the year (by deadline, else by creation), their
 * matches by status and the insertion hours recorded on won ones; next to it, apart and
 * never added, the totals buyers declared for the year.
 */
export async function purchasingStats(tx: Tx, year: number) {
  const opps = await tx
    .select({ id: opportunities.id, deadline: opportunities.deadline, createdAt: opportunities.createdAt })
    .from(opportunities);
  const ofYear = opps
    .filter((o) => (o.deadline ? Number(o.deadline.slice(0, 4)) : o.createdAt.getUTCFullYear()) === year)
    .map((o) => o.id);
  const matches =
    ofYear.length === 0
      ? []
      : await tx
          .select({ status: opportunityMatches.status, hours: opportunityMatches.insertionHours })
          .from(opportunityMatches)
          .where(inArray(opportunityMatches.opportunityId, ofYear));
  const byStatus = Object.fromEntries(matchStatuses.map((s) => [s, 0])) as Record<MatchStatus, number>;
  let insertionHours = 0;
  for (const m of matches) {
    byStatus[m.status] += 1;
    if (m.status === 'won') insertionHours += m.hours ?? 0;
  }
  const declared: DeclaredFigure[] = (await declaredFigures(tx, year)).filter((f) =>
    BUYER_FIGURE_KEY.test(f.key),
  );
  return {
    year,
    computed: { opportunities: ofYear.length, matches: matches.length, byStatus, insertionHours },
    declared,
  };
}
