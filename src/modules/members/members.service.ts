/**
 * Use cases of the member registry. Plain functions taking the tenant transaction
 * first: the caller (a route, the CLI, a seed) opens it with `withTenant`, so a failure
 * anywhere rolls back everything the use case wrote, and row-level security keeps each
 * call inside one delegation. Field problems are collected and reported all at once.
 */

import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { isErrorCode } from '../../server/error-statuses.ts';
import { AppError, invalidFields, notFound } from '../../server/errors.ts';
import { canSeeOrganisation, organisationEditScope, type Viewer } from '../../shared/policies.ts';
import { recordHistory } from '../audit/audit.service.ts';
import { presentHistory } from '../audit/history.presenter.ts';
import { loadOrganisationRecord } from './members.queries.ts';
import type {
  ContactCreate,
  ContactPatch,
  ConventionCreate,
  EstablishmentInput,
  MembershipCreate,
  MembershipPatch,
  OrganisationCreate,
  OrganisationPatch,
} from './members.schemas.ts';
import { contacts, conventions, establishments, membershipPeriods, organisations } from './members.table.ts';
import {
  type Check,
  checkPostcode,
  checkSiren,
  checkSiret,
  checkWebsite,
  departmentsOfPostcode,
  isDepartmentCode,
  normaliseEmail,
  normalisePhone,
} from './members.validation.ts';

type Problem = { field: string; code: string };

/** Trimmed text; "" becomes null (cleared); undefined stays undefined (left unchanged). */
function clean(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return value.trim() || null;
}

/** Cleans and checks one value, recording its problem; the normalised value otherwise. */
function checked(
  problems: Problem[],
  field: string,
  raw: string | null | undefined,
  check: (value: string) => Check<string>,
): string | null | undefined {
  const value = clean(raw);
  if (value === undefined || value === null) return value;
  const result = check(value);
  if (result.ok) return result.value;
  problems.push({ field, code: result.code });
  return undefined;
}

const MAX_ACTIVITIES = 20;

/**
 * Trimmed activity tags, as typed, without the repeats that differ only by case or
 * accents (the directory compares them that way); undefined leaves them unchanged.
 */
export function checkActivities(problems: Problem[], raw: string[] | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const seen = new Set<string>();
  const out: string[] = [];
  raw.forEach((tag, i) => {
    const value = tag.trim();
    const key = normaliseForSearch(value);
    if (value.length < 2 || value.length > 80 || !key) {
      problems.push({ field: `activities.${i}`, code: 'members.activity_invalid' });
    } else if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  });
  if (out.length > MAX_ACTIVITIES)
    problems.push({ field: 'activities', code: 'members.activities_too_many' });
  return out;
}

const withMessages = (problems: Problem[]) => problems.map((p) => ({ ...p, message: message(p.code) }));

function conflict(problems: Problem[]): AppError {
  const code = problems[0]?.code;
  return new AppError(code && isErrorCode(code) ? code : 'validation.failed', {
    fields: withMessages(problems),
  });
}

/**
 * The one check of a change to an organisation's records (src/shared/policies.ts): the team
 * changes anything; a member user its own organisation's public profile only, and naming
 * the refused fields helps the form; anyone else finds no such record.
 */
function assertEditable(viewer: Viewer, organisationId: string, patch: object, allowed: readonly string[]) {
  const scope = organisationEditScope(viewer, organisationId);
  if (scope === 'none') throw notFound();
  if (scope === 'all') return;
  const refused = Object.entries(patch)
    .filter(([key, value]) => value !== undefined && !allowed.includes(key))
    .map(([field]) => ({ field, code: 'members.field_not_editable' }));
  if (refused.length > 0) throw new AppError('members.field_not_editable', { fields: withMessages(refused) });
}

/**
 * Duplicate checks read then write: two simultaneous creations of the same SIRET could
 * both pass. Writers of the registry queue on one lock per delegation (released at commit).
 */
async function lockRegistry(tx: Tx) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('members:' || current_setting('app.delegation_id', true)))`,
  );
}

async function touchOrganisation(tx: Tx, id: string) {
  // Only updated_at changes: the audit trigger records nothing for it, the list's "updated" sort sees it.
  await tx.update(organisations).set({ updatedAt: new Date() }).where(eq(organisations.id, id));
}

async function requireOrganisation(tx: Tx, id: string) {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound();
  return row;
}

// ---------------------------------------------------------------------------
// Establishment fields
// ---------------------------------------------------------------------------

type EstablishmentValues = Partial<
  Record<
    'name' | 'siret' | 'address' | 'postcode' | 'city' | 'department' | 'phone' | 'email' | 'website',
    string | null
  >
>;

/**
 * Checks and normalises the establishment fields present in `input` (`prefix` names
 * them in errors). Postcode and department are checked as a pair on the values the row
 * will have; a missing department is derived from the postcode.
 */
function checkEstablishment(
  input: EstablishmentInput,
  prefix: string,
  problems: Problem[],
  context: { siren: string | null; current?: { postcode: string | null; department: string | null } },
): EstablishmentValues {
  const out: EstablishmentValues = {};
  for (const key of ['name', 'address', 'city'] as const) {
    const value = clean(input[key]);
    if (value !== undefined) out[key] = value;
  }
  const checks = { siret: checkSiret, phone: normalisePhone, email: normaliseEmail, website: checkWebsite };
  for (const [key, check] of Object.entries(checks) as [
    keyof typeof checks,
    (v: string) => Check<string>,
  ][]) {
    const value = checked(problems, `${prefix}${key}`, input[key], check);
    if (value !== undefined) out[key] = value;
  }
  if (out.siret && context.siren && !out.siret.startsWith(context.siren)) {
    problems.push({ field: `${prefix}siret`, code: 'members.siret_siren_mismatch' });
  }

  const postcodeInput = clean(input.postcode);
  const departmentInput =
    clean(input.department)?.toUpperCase() ?? (input.department === null ? null : undefined);
  if (postcodeInput === undefined && departmentInput === undefined) return out;
  if (departmentInput && !isDepartmentCode(departmentInput)) {
    problems.push({ field: `${prefix}department`, code: 'members.department_unknown' });
    return out;
  }
  const postcode = postcodeInput !== undefined ? postcodeInput : (context.current?.postcode ?? null);
  if (departmentInput !== undefined) out.department = departmentInput;
  if (!postcode) {
    if (postcodeInput !== undefined) out.postcode = null;
    return out;
  }
  const result = checkPostcode(postcode, departmentInput ?? undefined);
  if (!result.ok) {
    // A stored postcode nobody is changing (imported as printed) only blocks a department it contradicts.
    if (postcodeInput !== undefined) problems.push({ field: `${prefix}postcode`, code: result.code });
    else if (result.code === 'members.postcode_department_mismatch') {
      problems.push({ field: `${prefix}department`, code: result.code });
    }
    return out;
  }
  if (postcodeInput !== undefined) out.postcode = result.value;
  if (departmentInput === undefined || departmentInput === null) {
    const candidates = departmentsOfPostcode(result.value);
    const current = context.current?.department ?? null;
    out.department = current && candidates.includes(current) ? current : (candidates[0] ?? null);
  }
  return out;
}

/** 409 when a SIRET or a (name, postcode) pair already belongs to another record. */
async function assertNoDuplicates(
  tx: Tx,
  input: {
    siret?: string | null | undefined;
    siretField: string;
    name?: string | null;
    postcodes?: (string | null | undefined)[];
  },
  self: { organisationId?: string; establishmentId?: string } = {},
) {
  const problems: Problem[] = [];
  if (input.siret) {
    const [same] = await tx
      .select({ id: establishments.id })
      .from(establishments)
      .where(
        and(
          eq(establishments.siret, input.siret),
          self.establishmentId ? ne(establishments.id, self.establishmentId) : undefined,
        ),
      )
      .limit(1);
    if (same) problems.push({ field: input.siretField, code: 'members.duplicate_siret' });
  }
  const postcodes = (input.postcodes ?? []).filter((p): p is string => Boolean(p));
  if (input.name && postcodes.length > 0) {
    const [same] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .innerJoin(establishments, eq(establishments.organisationId, organisations.id))
      .where(
        and(
          eq(organisations.searchName, normaliseForSearch(input.name)),
          inArray(establishments.postcode, postcodes),
          self.organisationId ? ne(organisations.id, self.organisationId) : undefined,
        ),
      )
      .limit(1);
    if (same) problems.push({ field: 'name', code: 'members.duplicate_name' });
  }
  if (problems.length > 0) throw conflict(problems);
}

// ---------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------

export async function getOrganisation(tx: Tx, viewer: Viewer, id: string) {
  const record = await loadOrganisationRecord(tx, id, viewer);
  if (!record) throw notFound();
  return record;
}

/**
 * A new organisation: headquarters, one convention per type, and a membership period from
 * `joinedOn` when given (a member), none without it (a prospect).
 */
export async function createOrganisation(tx: Tx, input: OrganisationCreate) {
  const problems: Problem[] = [];
  const name = clean(input.name);
  if (!name) problems.push({ field: 'name', code: 'validation.required' });
  const siren = checked(problems, 'siren', input.siren, checkSiren) ?? null;
  const website = checked(problems, 'website', input.website, checkWebsite) ?? null;
  const activities = checkActivities(problems, input.activities) ?? [];
  const place = checkEstablishment(input.establishment, 'establishment.', problems, { siren });
  if (problems.length > 0 || !name) throw invalidFields(problems);

  await lockRegistry(tx);
  await assertNoDuplicates(tx, {
    siret: place.siret,
    siretField: 'establishment.siret',
    name,
    postcodes: [place.postcode],
  });
  const [organisation] = await tx
    .insert(organisations)
    .values({
      name,
      searchName: normaliseForSearch(name),
      siren,
      website,
      legalForm: clean(input.legalForm) ?? null,
      description: clean(input.description) ?? null,
      note: clean(input.note) ?? null,
      activities,
    })
    .returning({ id: organisations.id });
  if (!organisation) throw new Error('organisation insert returned nothing');
  const [establishment] = await tx
    .insert(establishments)
    .values({ ...place, organisationId: organisation.id, isHeadquarters: true })
    .returning({ id: establishments.id });
  const types = [...new Set(input.conventionTypes)];
  if (types.length > 0) {
    await tx.insert(conventions).values(
      types.map((type) => ({
        organisationId: organisation.id,
        establishmentId: establishment?.id ?? null,
        type,
        departments: place.department ? [place.department] : [],
      })),
    );
  }
  // Without a join date the organisation is a prospect ("non adhérent"): no period, so it
  // stays out of the public directory and the counts until a membership is recorded.
  if (input.joinedOn) {
    await tx
      .insert(membershipPeriods)
      .values({ organisationId: organisation.id, joinedOn: input.joinedOn, knownFrom: input.joinedOn });
  }
  return { id: organisation.id };
}

const MEMBER_EDITABLE_ORGANISATION = ['website', 'description', 'activities'] as const;

export async function updateOrganisation(tx: Tx, viewer: Viewer, id: string, patch: OrganisationPatch) {
  assertEditable(viewer, id, patch, MEMBER_EDITABLE_ORGANISATION);
  const current = await requireOrganisation(tx, id);

  const problems: Problem[] = [];
  const name = clean(patch.name);
  if (patch.name !== undefined && !name) problems.push({ field: 'name', code: 'validation.required' });
  const siren = checked(problems, 'siren', patch.siren, checkSiren);
  const website = checked(problems, 'website', patch.website, checkWebsite);
  const activities = checkActivities(problems, patch.activities);
  if (siren) {
    const places = await tx
      .select({ siret: establishments.siret })
      .from(establishments)
      .where(eq(establishments.organisationId, id));
    if (places.some((p) => p.siret && !p.siret.startsWith(siren))) {
      problems.push({ field: 'siren', code: 'members.siret_siren_mismatch' });
    }
  }
  if (problems.length > 0) throw invalidFields(problems);

  const values: Partial<typeof organisations.$inferInsert> = {};
  if (name && name !== current.name) {
    await lockRegistry(tx);
    const places = await tx
      .select({ postcode: establishments.postcode })
      .from(establishments)
      .where(eq(establishments.organisationId, id));
    await assertNoDuplicates(
      tx,
      { siretField: 'siret', name, postcodes: places.map((p) => p.postcode) },
      { organisationId: id },
    );
    Object.assign(values, { name, searchName: normaliseForSearch(name) });
  }
  if (siren !== undefined) values.siren = siren;
  if (website !== undefined) values.website = website;
  if (activities !== undefined) values.activities = activities;
  for (const key of ['legalForm', 'description', 'note'] as const) {
    const value = clean(patch[key]);
    if (value !== undefined) values[key] = value;
  }
  await tx
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id));
  return getOrganisation(tx, viewer, id);
}

/** The organisation's change history (actor ids in `actorName`: see `withActorNames`). */
const ORGANISATION_HISTORY_TABLES = [
  'organisations',
  'establishments',
  'conventions',
  'membership_periods',
  'contacts',
  'board_mandates',
] as const;

export async function organisationHistory(tx: Tx, viewer: Viewer, id: string) {
  if (!canSeeOrganisation(viewer, id)) throw notFound();
  await requireOrganisation(tx, id);
  // Only the registry's own tables: accounts and invitations of the organisation's users
  // are an administrator's business, not part of the organisation's record. The board
  // reads the registry but not contacts (personal data), so not their history either.
  // A rename of one of the organisation's member users ('users': its name before and
  // after) is shown, so that a name in the history can be told apart from an impostor's.
  const tables =
    viewer.role === 'board'
      ? ORGANISATION_HISTORY_TABLES.filter((t) => t !== 'contacts')
      : [...ORGANISATION_HISTORY_TABLES, 'users'];
  return presentHistory(await recordHistory(tx, id, { tables }), viewer, id);
}

// ---------------------------------------------------------------------------
// Establishments
// ---------------------------------------------------------------------------

export async function addEstablishment(tx: Tx, organisationId: string, input: EstablishmentInput) {
  const organisation = await requireOrganisation(tx, organisationId);
  const problems: Problem[] = [];
  const place = checkEstablishment(input, '', problems, { siren: organisation.siren });
  if (problems.length > 0) throw invalidFields(problems);
  await lockRegistry(tx);
  await assertNoDuplicates(tx, { siret: place.siret, siretField: 'siret' });
  const existing = await tx
    .select({ id: establishments.id })
    .from(establishments)
    .where(eq(establishments.organisationId, organisationId));
  const isHeadquarters = input.isHeadquarters ?? existing.length === 0;
  if (isHeadquarters) await clearHeadquarters(tx, organisationId);
  const [row] = await tx
    .insert(establishments)
    .values({ ...place, organisationId, isHeadquarters })
    .returning({ id: establishments.id });
  await touchOrganisation(tx, organisationId);
  return { id: row?.id ?? '' };
}

async function clearHeadquarters(tx: Tx, organisationId: string) {
  await tx
    .update(establishments)
    .set({ isHeadquarters: false })
    .where(and(eq(establishments.organisationId, organisationId), eq(establishments.isHeadquarters, true)));
}

const MEMBER_EDITABLE_ESTABLISHMENT = ['phone', 'email', 'website'] as const;

export async function updateEstablishment(tx: Tx, viewer: Viewer, id: string, patch: EstablishmentInput) {
  const [current] = await tx.select().from(establishments).where(eq(establishments.id, id));
  if (!current) throw notFound();
  assertEditable(viewer, current.organisationId, patch, MEMBER_EDITABLE_ESTABLISHMENT);
  const organisation = await requireOrganisation(tx, current.organisationId);
  const problems: Problem[] = [];
  const values = checkEstablishment(patch, '', problems, { siren: organisation.siren, current });
  if (problems.length > 0) throw invalidFields(problems);
  if (values.siret && values.siret !== current.siret) {
    await lockRegistry(tx);
    await assertNoDuplicates(tx, { siret: values.siret, siretField: 'siret' }, { establishmentId: id });
  }
  if (patch.isHeadquarters === true && !current.isHeadquarters)
    await clearHeadquarters(tx, current.organisationId);
  const [row] = await tx
    .update(establishments)
    .set({
      ...values,
      ...(patch.isHeadquarters === undefined ? {} : { isHeadquarters: patch.isHeadquarters }),
      updatedAt: new Date(),
    })
    .where(eq(establishments.id, id))
    .returning();
  await touchOrganisation(tx, current.organisationId);
  if (!row) throw notFound();
  const { delegationId, organisationId, createdAt, updatedAt, ...shown } = row;
  return shown;
}

// ---------------------------------------------------------------------------
// Conventions
// ---------------------------------------------------------------------------

export async function addConvention(tx: Tx, organisationId: string, input: ConventionCreate) {
  await requireOrganisation(tx, organisationId);
  const problems: Problem[] = [];
  let establishmentDepartment: string | null = null;
  if (input.establishmentId) {
    const [place] = await tx
      .select({ department: establishments.department })
      .from(establishments)
      .where(
        and(eq(establishments.id, input.establishmentId), eq(establishments.organisationId, organisationId)),
      );
    if (!place) problems.push({ field: 'establishmentId', code: 'members.establishment_not_found' });
    establishmentDepartment = place?.department ?? null;
  }
  input.departments.forEach((code, i) => {
    if (!isDepartmentCode(code))
      problems.push({ field: `departments.${i}`, code: 'members.department_unknown' });
  });
  if (problems.length > 0) throw invalidFields(problems);
  const establishmentId = input.establishmentId ?? null;
  // A convention held by no establishment stands for the whole organisation: it duplicates
  // any convention of the same type there (the member count would otherwise count it twice).
  const [same] = await tx
    .select({ id: conventions.id })
    .from(conventions)
    .where(
      and(
        eq(conventions.organisationId, organisationId),
        eq(conventions.type, input.type),
        establishmentId
          ? or(eq(conventions.establishmentId, establishmentId), isNull(conventions.establishmentId))
          : undefined,
      ),
    );
  if (same) throw conflict([{ field: 'type', code: 'members.duplicate_convention' }]);
  const departments =
    input.departments.length > 0
      ? [...new Set(input.departments)]
      : establishmentDepartment
        ? [establishmentDepartment]
        : [];
  const [row] = await tx
    .insert(conventions)
    .values({ organisationId, establishmentId, type: input.type, departments })
    .returning({ id: conventions.id });
  await touchOrganisation(tx, organisationId);
  return { id: row?.id ?? '' };
}

export async function removeConvention(tx: Tx, id: string) {
  const [row] = await tx
    .delete(conventions)
    .where(eq(conventions.id, id))
    .returning({ organisationId: conventions.organisationId });
  if (!row) throw notFound();
  await touchOrganisation(tx, row.organisationId);
}

// ---------------------------------------------------------------------------
// Membership periods
// ---------------------------------------------------------------------------

const END_OF_TIME = '9999-12-31';

/** Problems of a period [start, end] among the organisation's other periods. */
async function periodProblems(
  tx: Tx,
  organisationId: string,
  start: string,
  end: string | null,
  selfId?: string,
) {
  if (end !== null && end < start) return [{ field: 'leftOn', code: 'members.left_before_joined' }];
  const others = await tx
    .select({ knownFrom: membershipPeriods.knownFrom, leftOn: membershipPeriods.leftOn })
    .from(membershipPeriods)
    .where(
      and(
        eq(membershipPeriods.organisationId, organisationId),
        selfId ? ne(membershipPeriods.id, selfId) : undefined,
      ),
    );
  const overlaps = others.some(
    (p) => p.knownFrom <= (end ?? END_OF_TIME) && (p.leftOn ?? END_OF_TIME) >= start,
  );
  return overlaps ? [{ field: selfId ? 'leftOn' : 'joinedOn', code: 'members.membership_overlap' }] : [];
}

export async function addMembership(tx: Tx, organisationId: string, input: MembershipCreate) {
  await requireOrganisation(tx, organisationId);
  const leftOn = input.leftOn ?? null;
  const problems = await periodProblems(tx, organisationId, input.joinedOn, leftOn);
  if (problems.length > 0) throw invalidFields(problems);
  const [row] = await tx
    .insert(membershipPeriods)
    .values({
      organisationId,
      joinedOn: input.joinedOn,
      knownFrom: input.joinedOn,
      leftOn,
      leaveReason: clean(input.leaveReason) ?? null,
    })
    .returning({ id: membershipPeriods.id });
  await touchOrganisation(tx, organisationId);
  return { id: row?.id ?? '' };
}

export async function updateMembership(tx: Tx, id: string, patch: MembershipPatch) {
  const [current] = await tx.select().from(membershipPeriods).where(eq(membershipPeriods.id, id));
  if (!current) throw notFound();
  const leftOn = patch.leftOn === undefined ? current.leftOn : patch.leftOn;
  const start = current.joinedOn ?? current.knownFrom;
  const problems = await periodProblems(tx, current.organisationId, start, leftOn, id);
  if (problems.length > 0) throw invalidFields(problems);
  const leaveReason = clean(patch.leaveReason);
  const [row] = await tx
    .update(membershipPeriods)
    .set({ leftOn, ...(leaveReason === undefined ? {} : { leaveReason }), updatedAt: new Date() })
    .where(eq(membershipPeriods.id, id))
    .returning();
  await touchOrganisation(tx, current.organisationId);
  if (!row) throw notFound();
  return {
    id: row.id,
    joinedOn: row.joinedOn,
    knownFrom: row.knownFrom,
    leftOn: row.leftOn,
    leaveReason: row.leaveReason,
    source: row.source,
  };
}

// ---------------------------------------------------------------------------
// Contacts (personal data: a purpose, the person's consent, erasable)
// ---------------------------------------------------------------------------

function checkContact(input: ContactPatch, creating: boolean) {
  const problems: Problem[] = [];
  const values: Partial<typeof contacts.$inferInsert> = {};
  for (const key of ['lastName', 'purpose'] as const) {
    const value = clean(input[key]);
    if (value === null || (creating && value === undefined))
      problems.push({ field: key, code: 'validation.required' });
    else if (value !== undefined) values[key] = value;
  }
  for (const key of ['firstName', 'jobTitle'] as const) {
    const value = clean(input[key]);
    if (value !== undefined) values[key] = value;
  }
  const email = checked(problems, 'email', input.email, normaliseEmail);
  const phone = checked(problems, 'phone', input.phone, normalisePhone);
  if (email !== undefined) values.email = email;
  if (phone !== undefined) values.phone = phone;
  if (input.consent !== undefined) values.consent = input.consent;
  if (problems.length > 0) throw invalidFields(problems);
  return values;
}

function presentContact(row: typeof contacts.$inferSelect) {
  const { delegationId, organisationId, ...rest } = row;
  return { ...rest, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function addContact(tx: Tx, organisationId: string, input: ContactCreate) {
  await requireOrganisation(tx, organisationId);
  const values = checkContact(input, true);
  const [row] = await tx
    .insert(contacts)
    .values({ ...values, organisationId, lastName: values.lastName ?? '', purpose: values.purpose ?? '' })
    .returning({ id: contacts.id });
  await touchOrganisation(tx, organisationId);
  return { id: row?.id ?? '' };
}

export async function updateContact(tx: Tx, id: string, patch: ContactPatch) {
  const [current] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id));
  if (!current) throw notFound();
  const values = checkContact(patch, false);
  const [row] = await tx
    .update(contacts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(contacts.id, id))
    .returning();
  if (!row) throw notFound();
  await touchOrganisation(tx, row.organisationId);
  return presentContact(row);
}

/**
 * Erasure of a person: the row is deleted and the audit log's copies of their data are
 * blanked in the same transaction (the trace that changes happened, by whom, stays).
 */
export async function removeContact(tx: Tx, id: string) {
  const [row] = await tx
    .delete(contacts)
    .where(eq(contacts.id, id))
    .returning({ organisationId: contacts.organisationId });
  if (!row) throw notFound();
  await tx.execute(sql`select app_erase_personal_history('contacts', ${id})`);
  await touchOrganisation(tx, row.organisationId);
}
