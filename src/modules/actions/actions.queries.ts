/**
 * Read models of the actions: the staff list, the chronicle of a year, a member's actions.
 * Each is a fixed number of queries whatever the number of actions (the partners and the
 * members of a set of actions come in one query each), and runs inside `withTenant`, so
 * row-level security scopes it to one delegation. Year and month filters are ranges on
 * `starts_on`, which `actions_delegation_starts_idx` serves.
 */
import { type AnyColumn, and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { containsPattern } from '../members/members.queries.ts';
import { organisations } from '../members/members.table.ts';
import { practiceGroups } from '../practice-groups/practice-groups.table.ts';
import { shortTime } from './actions.rules.ts';
import type { ActionFilters, ActionListQuery } from './actions.schemas.ts';
import { actionMembers, actionPartners, actions, type PartnerKind, partners } from './actions.table.ts';

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day a year (and month) filter keeps, as ISO dates. */
export function periodOf(year: number, month?: number): [string, string] {
  if (!month) return [`${year}-01-01`, `${year}-12-31`];
  return [`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`];
}

// Search words come from normaliseForSearch(): lower-case letters and digits only. Matching
// one such word needs the column without accents and in lower case, nothing more: a lighter
// twin of members.queries' normalisedSql (no regular expression, about half the cost), which
// matters when a search reads a delegation's ten years of actions. PGlite has no `unaccent`.
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY';
function searchable(value: SQL | AnyColumn): SQL<string> {
  return sql<string>`lower(replace(replace(replace(replace(translate(${value}, ${ACCENTED}, ${PLAIN}), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'))`;
}

/** An action belongs to the year and month it starts in (a report lists it there once). */
export function filterConditions(filters: ActionFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.year) {
    const [from, to] = periodOf(filters.year, filters.month);
    conditions.push(gte(actions.startsOn, from), lte(actions.startsOn, to));
  } else if (filters.month) {
    conditions.push(sql`extract(month from ${actions.startsOn}) = ${filters.month}`);
  }
  if (filters.kind) conditions.push(eq(actions.kind, filters.kind));
  if (filters.visibility) conditions.push(eq(actions.visibility, filters.visibility));
  if (filters.department) conditions.push(eq(actions.department, filters.department));
  // A theme is a tag: equal once accents, case and punctuation are set aside.
  const theme = normaliseForSearch(filters.theme ?? '');
  if (theme)
    conditions.push(
      sql`exists (select 1 from unnest(${actions.themes}) as theme(label) where btrim(regexp_replace(${searchable(sql`theme.label`)}, '[^a-z0-9]+', ' ', 'g')) = ${theme})`,
    );
  // `in (…)` rather than `exists`: the link tables' indexes by partner and by organisation
  // find the few actions first, instead of probing each action of the delegation.
  if (filters.partnerId)
    conditions.push(
      inArray(
        actions.id,
        sql`(select ${actionPartners.actionId} from ${actionPartners} where ${actionPartners.partnerId} = ${filters.partnerId})`,
      ),
    );
  if (filters.organisationId)
    conditions.push(
      inArray(
        actions.id,
        sql`(select ${actionMembers.actionId} from ${actionMembers} where ${actionMembers.organisationId} = ${filters.organisationId})`,
      ),
    );
  const words = normaliseForSearch(filters.q ?? '')
    .split(' ')
    .filter(Boolean);
  for (const word of words) {
    const pattern = containsPattern(word);
    conditions.push(
      sql`(${searchable(actions.title)} like ${pattern} or ${searchable(sql`coalesce(${actions.summary}, '')`)} like ${pattern})`,
    );
  }
  return conditions;
}

const chronological = [asc(actions.startsOn), sql`${actions.startTime} asc nulls first`, asc(actions.title)];
const newestFirst = [desc(actions.startsOn), sql`${actions.startTime} desc nulls last`, asc(actions.title)];

export type ActionRow = typeof actions.$inferSelect;

export interface PartnerLink {
  partnerId: string;
  name: string;
  kind: PartnerKind;
  role: 'organiser' | 'partner' | 'funder';
}
export interface MemberLink {
  organisationId: string;
  name: string;
  role: 'host' | 'speaker' | 'participant' | 'organiser';
}

const partnerRoleOrder = sql`case ${actionPartners.role} when 'organiser' then 0 when 'partner' then 1 else 2 end`;
const memberRoleOrder = sql`case ${actionMembers.role} when 'host' then 0 when 'organiser' then 1 when 'speaker' then 2 else 3 end`;

/**
 * The partners and members of a set of actions, grouped by action: two queries for a page,
 * a year or a whole export. The ids go as one array parameter, so that the link tables are
 * read through their (action_id, …) indexes whatever the number of actions.
 */
export async function loadLinks(tx: Tx, actionIds: string[]) {
  const partnersOf = new Map<string, PartnerLink[]>();
  const membersOf = new Map<string, MemberLink[]>();
  if (actionIds.length === 0) return { partnersOf, membersOf };
  const ids = sql.param(actionIds);
  const partnerRows = await tx
    .select({
      actionId: actionPartners.actionId,
      partnerId: partners.id,
      name: partners.name,
      kind: partners.kind,
      role: actionPartners.role,
    })
    .from(actionPartners)
    .innerJoin(partners, eq(partners.id, actionPartners.partnerId))
    .where(sql`${actionPartners.actionId} = any(${ids}::uuid[])`)
    .orderBy(partnerRoleOrder, asc(partners.name));
  const memberRows = await tx
    .select({
      actionId: actionMembers.actionId,
      organisationId: organisations.id,
      name: organisations.name,
      role: actionMembers.role,
    })
    .from(actionMembers)
    .innerJoin(organisations, eq(organisations.id, actionMembers.organisationId))
    .where(sql`${actionMembers.actionId} = any(${ids}::uuid[])`)
    .orderBy(memberRoleOrder, asc(organisations.name));
  for (const { actionId, ...link } of partnerRows)
    partnersOf.set(actionId, [...(partnersOf.get(actionId) ?? []), link]);
  for (const { actionId, ...link } of memberRows)
    membersOf.set(actionId, [...(membersOf.get(actionId) ?? []), link]);
  return { partnersOf, membersOf };
}

/** An action as the API shows it to the delegation's team: every field, its partners and members. */
export function presentAction(row: ActionRow, links: Awaited<ReturnType<typeof loadLinks>>) {
  const { delegationId: _delegation, ...fields } = row;
  return {
    ...fields,
    startTime: shortTime(row.startTime),
    endTime: shortTime(row.endTime),
    partners: links.partnersOf.get(row.id) ?? [],
    members: links.membersOf.get(row.id) ?? [],
  };
}
export type ActionView = ReturnType<typeof presentAction>;

/** One page of the staff list and the number of actions matching the filters. */
export async function listActions(tx: Tx, query: ActionListQuery) {
  const conditions = filterConditions(query);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [counted] = await tx.select({ n: count() }).from(actions).where(where);
  const rows = await tx
    .select()
    .from(actions)
    .where(where)
    .orderBy(...(query.order === 'asc' ? chronological : newestFirst), asc(actions.id))
    .limit(query.limit)
    .offset(query.offset);
  const links = await loadLinks(
    tx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => presentAction(row, links)),
    total: counted?.n ?? 0,
    limit: query.limit,
    offset: query.offset,
  };
}

/** Every action matching the filters, in date order, with their links (the export). */
export async function allActions(tx: Tx, filters: ActionFilters) {
  const conditions = filterConditions(filters);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await tx
    .select()
    .from(actions)
    .where(where)
    .orderBy(...chronological, asc(actions.id));
  const links = await loadLinks(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentAction(row, links));
}

/**
 * The year month by month: every action starting that year (only public ones when asked),
 * under its start month; all twelve months are listed, empty or not.
 */
export async function chronicle(tx: Tx, year: number, options: { publicOnly: boolean }) {
  const items = await allActions(tx, { year, ...(options.publicOnly ? { visibility: 'public' } : {}) });
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    count: 0,
    actions: [] as ActionView[],
  }));
  for (const action of items) {
    const month = months[Number(action.startsOn.slice(5, 7)) - 1];
    if (!month) continue;
    month.actions.push(action);
    month.count += 1;
  }
  return { year, total: items.length, months };
}

/** The actions an organisation took part in (newest first), with its role in each. */
export async function organisationActions(tx: Tx, organisationId: string, year?: number) {
  const conditions: SQL[] = [eq(actionMembers.organisationId, organisationId)];
  if (year) {
    const [from, to] = periodOf(year);
    conditions.push(gte(actions.startsOn, from), lte(actions.startsOn, to));
  }
  const rows = await tx
    .select({
      id: actions.id,
      title: actions.title,
      kind: actions.kind,
      startsOn: actions.startsOn,
      endsOn: actions.endsOn,
      datePrecision: actions.datePrecision,
      startTime: actions.startTime,
      endTime: actions.endTime,
      online: actions.online,
      town: actions.town,
      department: actions.department,
      summary: actions.summary,
      visibility: actions.visibility,
      role: actionMembers.role,
    })
    .from(actionMembers)
    .innerJoin(actions, eq(actions.id, actionMembers.actionId))
    .where(and(...conditions))
    .orderBy(...newestFirst, asc(actions.id));
  return rows.map((row) => ({
    ...row,
    startTime: shortTime(row.startTime),
    endTime: shortTime(row.endTime),
  }));
}

/** The name of the practice group an action belongs to, for its page. */
export async function practiceGroupName(tx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await tx
    .select({ name: practiceGroups.name })
    .from(practiceGroups)
    .where(eq(practiceGroups.id, id));
  return row?.name ?? null;
}
