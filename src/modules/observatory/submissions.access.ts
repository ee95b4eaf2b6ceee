/**
 * Who may read and write which form, and the registry facts a form depends on: the
 * convention types of an organisation (one form per type) and last year's figures.
 * A member user reaches only its own organisation's forms; anyone else gets a 404.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { users } from '../accounts/accounts.table.ts';
import { byConventionOrder } from '../members/members.queries.ts';
import { conventions, establishments, organisations } from '../members/members.table.ts';
import { type Campaign, fieldError, isTeam, type Viewer } from './campaigns.service.ts';
import {
  observatoryCampaigns,
  observatorySubmissions,
  observatoryValues,
  type SubmissionStatus,
} from './observatory.table.ts';

export type Submission = typeof observatorySubmissions.$inferSelect;

/** The organisation whose forms the viewer acts on: a member's own, or the one staff name. */
export function organisationOf(viewer: Viewer, requested: string | undefined): string {
  if (viewer.role === 'member') {
    if (!viewer.organisationId || (requested && requested !== viewer.organisationId))
      throw new AppError('auth.forbidden');
    return viewer.organisationId;
  }
  if (!requested) throw fieldError('observatory.organisation_required', 'organisationId');
  return requested;
}

/**
 * A submission and its campaign, as this viewer may see them. With `lock`, the
 * submission row is locked until the transaction ends: writers of one form queue up,
 * writers of different forms never wait for each other.
 */
export async function loadSubmission(
  tx: Tx,
  viewer: Viewer,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ submission: Submission; campaign: Campaign }> {
  // One round trip for both rows: forms are saved by many members at once near a deadline.
  const query = tx
    .select({ submission: observatorySubmissions, campaign: observatoryCampaigns })
    .from(observatorySubmissions)
    .innerJoin(observatoryCampaigns, eq(observatoryCampaigns.id, observatorySubmissions.campaignId))
    .where(eq(observatorySubmissions.id, id));
  const [row] = options.lock ? await query.for('update', { of: observatorySubmissions }) : await query;
  if (!row || (viewer.role === 'member' && row.submission.organisationId !== viewer.organisationId))
    throw new AppError('record.not_found');
  return row;
}

/** Why this viewer may not change the figures of this form now, or null when it may. */
export function editRefusal(
  viewer: Viewer,
  campaign: Pick<Campaign, 'status'>,
  submission: Pick<Submission, 'status' | 'validatedBy'> | null,
): AppError | null {
  const status: SubmissionStatus = submission?.status ?? 'draft';
  if (isTeam(viewer)) {
    // Staff correct on a member's behalf, even after the close; a validation stands until reopened.
    if (campaign.status === 'draft') return new AppError('observatory.campaign_not_open');
    if (status === 'validated' && submission?.validatedBy !== viewer.userId)
      return new AppError('observatory.submission_validated');
    return null;
  }
  if (viewer.role !== 'member') return new AppError('auth.forbidden');
  if (campaign.status !== 'open') return new AppError('observatory.campaign_not_open');
  if (status === 'submitted' || status === 'validated')
    return new AppError('observatory.submission_locked', { params: { status: STATUS_LABELS[status] } });
  return null;
}

export const STATUS_LABELS: Record<SubmissionStatus | 'not_started', string> = {
  not_started: 'non commencé',
  draft: 'brouillon',
  submitted: 'transmis',
  correction_requested: 'correction demandée',
  validated: 'validé',
};

export interface ExpectedForm {
  organisationId: string;
  conventionType: string;
  department: string | null;
}

/**
 * One form per convention type an organisation holds (a multi-type organisation answers
 * once per type; two conventions of one type answer once). The department is the first
 * convention's, else its establishment's.
 */
export async function expectedForms(tx: Tx, organisationIds?: readonly string[]): Promise<ExpectedForm[]> {
  if (organisationIds && organisationIds.length === 0) return [];
  const rows = await tx
    .select({
      organisationId: conventions.organisationId,
      conventionType: conventions.type,
      department: sql<string | null>`coalesce(${conventions.departments}[1], ${establishments.department})`,
    })
    .from(conventions)
    .leftJoin(establishments, eq(establishments.id, conventions.establishmentId))
    .where(organisationIds ? inArray(conventions.organisationId, [...organisationIds]) : undefined)
    .orderBy(asc(conventions.createdAt), asc(conventions.id));
  const seen = new Map<string, ExpectedForm>();
  for (const row of rows) {
    const key = `${row.organisationId}/${row.conventionType}`;
    if (!seen.has(key)) seen.set(key, row);
  }
  return [...seen.values()].sort((a, b) => byConventionOrder(a.conventionType, b.conventionType));
}

export async function organisationName(tx: Tx, id: string): Promise<string> {
  const [row] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw new AppError('record.not_found');
  return row.name;
}

/**
 * The number of figures of each selected submission. Qualified by hand: in a query without
 * joins Drizzle leaves column names bare, and a bare `id` would be the inner table's.
 */
export const valueCountSql = sql<number>`(select count(*)::int from ${observatoryValues} v where v.submission_id = ${observatorySubmissions}.id)`;

export interface FormFacts {
  values: Record<string, number>;
  previous: { year: number; values: Record<string, number> };
  organisationName: string;
  /** Names of the given users (who submitted, who validated). */
  people: { id: string; name: string }[];
}

/**
 * What the form page shows besides the questions, in one round trip: the form's figures
 * (none before its first save), last year's answered figures of the same organisation and
 * type (`previousValues`), the organisation's name and the names of the people given.
 */
export async function formFacts(
  tx: Tx,
  form: { submissionId: string | null; organisationId: string; conventionType: string; year: number },
  people: readonly (string | null)[],
): Promise<FormFacts> {
  const ids = people.filter((p): p is string => !!p);
  const [row] = await queryRows<{
    form_values: Record<string, number | string> | null;
    previous: Record<string, number | string> | null;
    organisation_name: string | null;
    people: { id: string; name: string }[] | null;
  }>(
    tx,
    sql`select
      (select json_object_agg(v.indicator_code, v.value) from ${observatoryValues} v
        where v.submission_id = ${form.submissionId}::uuid) as form_values,
      (select json_object_agg(v.indicator_code, v.value)
         from ${observatorySubmissions} s join ${observatoryValues} v on v.submission_id = s.id
        where s.organisation_id = ${form.organisationId}::uuid and s.convention_type = ${form.conventionType}
          and s.year = ${form.year - 1}
          and s.status in ('submitted', 'correction_requested', 'validated')) as previous,
      (select o.name from ${organisations} o where o.id = ${form.organisationId}::uuid) as organisation_name,
      (select json_agg(json_build_object('id', u.id, 'name', u.name)) from ${users} u
        where ${
          ids.length > 0
            ? sql`u.id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql`false`
        }) as people`,
  );
  if (row?.organisation_name == null) throw new AppError('record.not_found');
  const numbers = (o: Record<string, number | string> | null) =>
    Object.fromEntries(Object.entries(o ?? {}).map(([code, value]) => [code, Number(value)]));
  return {
    values: numbers(row.form_values),
    previous: { year: form.year - 1, values: numbers(row.previous) },
    organisationName: row.organisation_name,
    people: row.people ?? [],
  };
}
