/**
 * Read models of the registry: the back-office list, the full record, the public
 * directory. Each is a fixed number of queries whatever the number of rows (no N+1),
 * and runs inside `withTenant`, so row-level security scopes it to one delegation.
 */
import { type AnyColumn, and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { parisToday } from '../../lib/paris-time.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { mayRead, presentFor } from '../../server/audiences.ts';
import { canSeeOrganisation, organisationEditScope, type Viewer } from '../../shared/policies.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { byPlace, heldConventions, organisationPlace } from './conventions.held.ts';
import { filterDirectory } from './directory.search.ts';
import {
  CONVENTION_TYPE_LABELS,
  CONVENTION_TYPES,
  type OrganisationListItem,
  type OrganisationListQuery,
  type OrganisationRecord,
  organisationAudiences,
  type PublicActivity,
  type PublicStructure,
} from './members.schemas.ts';
import {
  type ConventionType,
  contacts,
  conventions,
  establishments,
  membershipPeriods,
  organisations,
} from './members.table.ts';
import { departmentName } from './members.validation.ts';

export type { Viewer };

/** Today in France, as an ISO date: membership "today" must not flip at 01:00 UTC. */
export const todayInFrance = parisToday;

export const byConventionOrder = (a: string, b: string) =>
  CONVENTION_TYPES.indexOf(a as ConventionType) - CONVENTION_TYPES.indexOf(b as ConventionType);

// "First establishment": the headquarters, else the oldest. Every screen and count uses this order.
/** An establishment's place and contact columns, as the checks (import, data quality) read them. */
/** An establishment's place and contact, as read by establishmentPlaceColumns. */
export interface EstablishmentPlace {
  siret: string | null;
  address: string | null;
  postcode: string | null;
  city: string | null;
  department: string | null;
  phone: string | null;
  email: string | null;
}

export const establishmentPlaceColumns = {
  id: establishments.id,
  organisationId: establishments.organisationId,
  siret: establishments.siret,
  address: establishments.address,
  postcode: establishments.postcode,
  city: establishments.city,
  department: establishments.department,
  phone: establishments.phone,
  email: establishments.email,
  website: establishments.website,
};

const firstEstablishmentOrder = [
  desc(establishments.isHeadquarters),
  asc(establishments.createdAt),
  asc(establishments.id),
];

// SQL twin of normaliseForSearch() for columns that have no stored search copy (PGlite
// ships without `unaccent`): strip French diacritics, lower-case, punctuation → space.
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY';
export function normalisedSql(column: AnyColumn | SQL): SQL<string> {
  const ligatures = sql`replace(replace(replace(replace(translate(${column}, ${ACCENTED}, ${PLAIN}), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae')`;
  return sql<string>`btrim(regexp_replace(lower(${ligatures}), '[^a-z0-9]+', ' ', 'g'))`;
}

/** A LIKE pattern that finds `text` anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------
// Back-office list
// ---------------------------------------------------------------------------

// Correlated conditions on an organisation's periods; `organisationId` is the outer query's column.
const currentMember = (today: string, organisationId: AnyColumn = organisations.id) =>
  sql`exists (select 1 from ${membershipPeriods} where ${membershipPeriods.organisationId} = ${organisationId} and ${membershipPeriods.knownFrom} <= ${today}::date and (${membershipPeriods.leftOn} is null or ${membershipPeriods.leftOn} >= ${today}::date))`;
// A former member: a period that has started, none running today (a future-only period is "none").
const startedMember = (today: string) =>
  sql`exists (select 1 from ${membershipPeriods} where ${membershipPeriods.organisationId} = ${organisations.id} and ${membershipPeriods.knownFrom} <= ${today}::date)`;

function searchCondition(q: string): SQL | undefined {
  const words = normaliseForSearch(q);
  const digits = q.replace(/\s+/g, '');
  const email = q.trim().toLowerCase();
  const parts: SQL[] = [];
  if (words) {
    parts.push(sql`${organisations.searchName} like ${containsPattern(words)}`);
    parts.push(
      sql`exists (select 1 from ${establishments} where ${establishments.organisationId} = ${organisations.id} and ${normalisedSql(establishments.city)} like ${containsPattern(words)})`,
    );
    // What the organisation does or sells: staff look for "a laundry" as buyers do.
    parts.push(
      sql`exists (select 1 from unnest(${organisations.activities}) as activity where ${normalisedSql(sql`activity`)} like ${containsPattern(words)})`,
    );
  }
  // A postcode, whole or its start ("09", "0900", "09000"): any establishment's.
  if (/^\d{2,5}$/.test(digits)) {
    parts.push(
      sql`exists (select 1 from ${establishments} where ${establishments.organisationId} = ${organisations.id} and ${establishments.postcode} like ${`${digits}%`})`,
    );
  }
  if (/^\d{3,14}$/.test(digits)) {
    parts.push(sql`${organisations.siren} like ${`${digits}%`}`);
    parts.push(
      sql`exists (select 1 from ${establishments} where ${establishments.organisationId} = ${organisations.id} and ${establishments.siret} like ${`${digits}%`})`,
    );
  }
  if (email.length >= 3) {
    parts.push(
      sql`exists (select 1 from ${establishments} where ${establishments.organisationId} = ${organisations.id} and lower(${establishments.email}) like ${containsPattern(email)})`,
    );
  }
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : undefined;
}

function listConditions(query: OrganisationListQuery, today: string): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.membership === 'current') conditions.push(currentMember(today));
  if (query.membership === 'former')
    conditions.push(sql`(${startedMember(today)} and not ${currentMember(today)})`);
  // Prospects: organisations with no period started yet (hidden from the default list).
  if (query.membership === 'none') conditions.push(sql`not ${startedMember(today)}`);
  if (query.type) {
    conditions.push(
      sql`exists (select 1 from ${conventions} where ${conventions.organisationId} = ${organisations.id} and ${conventions.type} = ${query.type})`,
    );
  }
  if (query.department) {
    conditions.push(sql`(exists (select 1 from ${establishments} where ${establishments.organisationId} = ${organisations.id} and ${establishments.department} = ${query.department})
      or exists (select 1 from ${conventions} where ${conventions.organisationId} = ${organisations.id} and ${query.department} = any(${conventions.departments})))`);
  }
  if (query.q?.trim()) {
    const search = searchCondition(query.q);
    // A query with nothing searchable in it ("--") matches nothing rather than everything.
    conditions.push(search ?? sql`false`);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** One page of organisations and the total matching the filters: two queries. */
export async function listOrganisations(
  tx: Tx,
  query: OrganisationListQuery,
  today = todayInFrance(),
): Promise<{ items: OrganisationListItem[]; total: number }> {
  const where = listConditions(query, today);
  const first = tx
    .select({
      city: establishments.city,
      postcode: establishments.postcode,
      phone: establishments.phone,
      email: establishments.email,
      department: establishments.department,
    })
    .from(establishments)
    .where(eq(establishments.organisationId, organisations.id))
    .orderBy(...firstEstablishmentOrder)
    .limit(1)
    .as('first_establishment');

  const sortKey = {
    name: [asc(organisations.searchName)],
    '-name': [desc(organisations.searchName)],
    department: [sql`${first.department} asc nulls last`, asc(organisations.searchName)],
    '-department': [sql`${first.department} desc nulls last`, asc(organisations.searchName)],
    updated: [asc(organisations.updatedAt)],
    '-updated': [desc(organisations.updatedAt)],
  }[query.sort];

  const rows = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      siren: organisations.siren,
      activities: organisations.activities,
      updatedAt: organisations.updatedAt,
      city: first.city,
      postcode: first.postcode,
      phone: first.phone,
      email: first.email,
      types: sql<
        string[]
      >`coalesce((select array_agg(distinct ${conventions.type}::text) from ${conventions} where ${conventions.organisationId} = ${organisations.id}), '{}'::text[])`,
      departments: sql<string[]>`coalesce((select array_agg(distinct d.code order by d.code) from (
          select ${establishments.department} as code from ${establishments} where ${establishments.organisationId} = ${organisations.id}
          union select unnest(${conventions.departments}) from ${conventions} where ${conventions.organisationId} = ${organisations.id}
        ) d where d.code is not null), '{}'::text[])`,
      membership: sql<
        'current' | 'former' | 'none'
      >`case when ${currentMember(today)} then 'current' when ${startedMember(today)} then 'former' else 'none' end`,
    })
    .from(organisations)
    .leftJoinLateral(first, sql`true`)
    .where(where)
    .orderBy(...sortKey, asc(organisations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where);
  return {
    total: counted?.total ?? 0,
    items: rows.map((row) => ({
      ...row,
      types: [...row.types].sort(byConventionOrder) as ConventionType[],
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------
// Full record
// ---------------------------------------------------------------------------

export function membershipStatus(periods: { knownFrom: string; leftOn: string | null }[], today: string) {
  if (periods.some((p) => p.knownFrom <= today && (p.leftOn === null || p.leftOn >= today))) return 'current';
  return periods.some((p) => p.knownFrom <= today) ? 'former' : 'none';
}

/** An organisation as its page shows it to this viewer, or null when it does not exist for them. */
export async function loadOrganisationRecord(
  tx: Tx,
  id: string,
  viewer: Viewer,
): Promise<OrganisationRecord | null> {
  if (!canSeeOrganisation(viewer, id)) return null;
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, id));
  if (!organisation) return null;
  const places = await tx
    .select()
    .from(establishments)
    .where(eq(establishments.organisationId, id))
    .orderBy(...firstEstablishmentOrder);
  const held = await tx
    .select()
    .from(conventions)
    .where(eq(conventions.organisationId, id))
    .orderBy(asc(conventions.createdAt), asc(conventions.id));
  const periods = await tx
    .select()
    .from(membershipPeriods)
    .where(eq(membershipPeriods.organisationId, id))
    .orderBy(asc(membershipPeriods.knownFrom), asc(membershipPeriods.id));
  // Contacts are personal data: the delegation's team and the organisation itself only.
  const seesContacts = mayRead(organisationAudiences.contacts, viewer, id);
  const people = seesContacts
    ? await tx
        .select()
        .from(contacts)
        .where(eq(contacts.organisationId, id))
        .orderBy(asc(contacts.lastName), asc(contacts.id))
    : [];
  const editable = organisationEditScope(viewer, id);
  const record: OrganisationRecord = {
    id: organisation.id,
    name: organisation.name,
    siren: organisation.siren,
    legalForm: organisation.legalForm,
    website: organisation.website,
    description: organisation.description,
    note: organisation.note,
    activities: organisation.activities,
    types: [...new Set(held.map((c) => c.type))].sort(byConventionOrder),
    membership: membershipStatus(periods, todayInFrance()),
    establishments: places.map((e) => ({
      id: e.id,
      name: e.name,
      siret: e.siret,
      address: e.address,
      postcode: e.postcode,
      city: e.city,
      department: e.department,
      phone: e.phone,
      email: e.email,
      website: e.website,
      isHeadquarters: e.isHeadquarters,
      printedLabel: e.printedLabel,
    })),
    conventions: held.map((c) => ({
      id: c.id,
      type: c.type,
      establishmentId: c.establishmentId,
      departments: c.departments,
    })),
    memberships: periods.map((p) => ({
      id: p.id,
      joinedOn: p.joinedOn,
      knownFrom: p.knownFrom,
      leftOn: p.leftOn,
      leaveReason: p.leaveReason,
      source: p.source,
    })),
    contacts: people.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      jobTitle: c.jobTitle,
      email: c.email,
      phone: c.phone,
      purpose: c.purpose,
      consent: c.consent,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    })),
    editable,
    createdAt: organisation.createdAt.toISOString(),
    updatedAt: organisation.updatedAt.toISOString(),
  };
  // The note is left out for readers outside its audience; contacts were not even read.
  return presentFor(record, { note: organisationAudiences.note }, viewer, id);
}

// ---------------------------------------------------------------------------
// Public directory
// ---------------------------------------------------------------------------

/**
 * The public directory: one entry per establishment of a current member, public fields
 * only. An establishment shows the types of its own conventions; the first one also
 * takes the conventions attached to no establishment; one with none shows its
 * organisation's types (a directory line without a type would be useless).
 */
export async function listPublicStructures(
  tx: Tx,
  filters: {
    department?: string | undefined;
    type?: ConventionType | undefined;
    q?: string | undefined;
    activity?: string | undefined;
  },
  today = todayInFrance(),
): Promise<PublicStructure[]> {
  // Two queries, then plain JS: the directory is small (one row per establishment) and read often.
  const rows = await tx
    .select({
      id: establishments.id,
      organisationId: organisations.id,
      name: organisations.name,
      searchName: organisations.searchName,
      department: establishments.department,
      postcode: establishments.postcode,
      city: establishments.city,
      address: establishments.address,
      phone: establishments.phone,
      email: establishments.email,
      website: sql<string | null>`coalesce(${establishments.website}, ${organisations.website})`,
      activities: organisations.activities,
    })
    .from(establishments)
    .innerJoin(organisations, eq(organisations.id, establishments.organisationId))
    .where(currentMember(today))
    .orderBy(asc(establishments.organisationId), ...firstEstablishmentOrder);
  const held = await heldConventions(tx, currentMember(today, conventions.organisationId));

  const atPlace = byPlace(held);
  const byOrganisation = new Map<string, typeof held>();
  for (const c of held) {
    byOrganisation.set(c.organisationId, [...(byOrganisation.get(c.organisationId) ?? []), c]);
  }
  const items: { item: PublicStructure; name: string }[] = [];
  let previousOrganisation = '';
  for (const row of rows) {
    const isFirst = row.organisationId !== previousOrganisation;
    previousOrganisation = row.organisationId;
    let own = [
      ...(atPlace.get(row.id) ?? []),
      ...(isFirst ? (atPlace.get(organisationPlace(row.organisationId)) ?? []) : []),
    ];
    if (own.length === 0) own = byOrganisation.get(row.organisationId) ?? [];
    const types = [...new Set(own.map((c) => c.type))].sort(byConventionOrder);
    // The departments the establishment is listed under: its own, and those its conventions cover.
    const listedUnder = [
      ...new Set([...(row.department ? [row.department] : []), ...own.flatMap((c) => c.departments)]),
    ].sort();
    const { searchName, ...shown } = row;
    items.push({ item: { ...shown, types, listedUnder }, name: searchName });
  }
  // By department, then the stored accent-free name (normalising in the comparator would cost n·log n).
  items.sort(
    (a, b) =>
      compareNullable(a.item.department, b.item.department) ||
      compareNullable(a.name, b.name) ||
      compareNullable(a.item.city, b.item.city),
  );
  return filterDirectory(
    items.map((k) => k.item),
    filters,
  );
}

/**
 * The activities of current members, for the directory's filter: one entry per form
 * that differs only by case or accents, spelt as most members spell it, with the number
 * of members that have it; in accent-free alphabetical order.
 */
export async function listPublicActivities(tx: Tx, today = todayInFrance()): Promise<PublicActivity[]> {
  const rows = await tx
    .select({ activities: organisations.activities })
    .from(organisations)
    .where(currentMember(today));
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const row of rows) {
    for (const label of row.activities) {
      const key = normaliseForSearch(label);
      if (!key) continue;
      const entry = byKey.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      entry.spellings.set(label, (entry.spellings.get(label) ?? 0) + 1);
      byKey.set(key, entry);
    }
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => compareNullable(a, b))
    .map(([, entry]) => ({
      // Most frequent spelling; ties go to the first in code-point order, the same on every run.
      label: [...entry.spellings.entries()].sort(
        ([a, n], [b, m]) => m - n || compareNullable(a, b),
      )[0]?.[0] as string,
      count: entry.count,
    }));
}

/** Plain code-point order, empty values last: the same on every machine, whatever its locale. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------
// Reference data for forms and filters
// ---------------------------------------------------------------------------

/** Convention types with their French names; the delegation's departments and any present in the registry. */
export async function referenceData(tx: Tx, delegationId: string) {
  const [delegation] = await tx
    .select({ departments: delegations.departmentsCovered })
    .from(delegations)
    .where(eq(delegations.id, delegationId));
  const present = await tx
    .selectDistinct({ department: establishments.department })
    .from(establishments)
    .where(sql`${establishments.department} is not null`);
  const codes = new Set([...(delegation?.departments ?? []), ...present.map((p) => p.department ?? '')]);
  codes.delete('');
  return {
    conventionTypes: CONVENTION_TYPES.map((code) => ({ code, label: CONVENTION_TYPE_LABELS[code] })),
    departments: [...codes].sort().map((code) => ({ code, name: departmentName(code) ?? code })),
  };
}
