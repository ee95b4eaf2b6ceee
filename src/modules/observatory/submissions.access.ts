/**
 * Who may read and write which form, and the registry facts a form depends on: the
 * convention types of an organisation (one form per type) and last year's figures.
 * A member user reaches only its own organisation's forms; anyone else gets a 404.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
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
      throw new AppError('auth.forbidden', 403);
    return viewer.organisationId;
  }
  if (!requested) throw fieldError('observatory.organisation_required', 400, 'organisationId');
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
  const query = tx.select().from(observatorySubmissions).where(eq(observatorySubmissions.id, id));
  const [submission] = options.lock ? await query.for('update') : await query;
  if (!submission || (viewer.role === 'member' && submission.organisationId !== viewer.organisationId))
    throw new AppError('record.not_found', 404);
  const [campaign] = await tx
    .select()
    .from(observatoryCampaigns)
    .where(eq(observatoryCampaigns.id, submission.campaignId));
  if (!campaign) throw new AppError('record.not_found', 404);
  return { submission, campaign };
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
    if (campaign.status === 'draft') return new AppError('observatory.campaign_not_open', 409);
    if (status === 'validated' && submission?.validatedBy !== viewer.userId)
      return new AppError('observatory.submission_validated', 409);
    return null;
  }
  if (viewer.role !== 'member') return new AppError('auth.forbidden', 403);
  if (campaign.status !== 'open') return new AppError('observatory.campaign_not_open', 409);
  if (status === 'submitted' || status === 'validated')
    return new AppError('observatory.submission_locked', 409, { params: { status: STATUS_LABELS[status] } });
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
  if (!row) throw new AppError('record.not_found', 404);
  return row.name;
}

/** Last year's answered figures of this organisation and type (not drafts: never transmitted). */
export async function previousValues(tx: Tx, organisationId: string, conventionType: string, year: number) {
  const rows = await tx
    .select({ code: observatoryValues.indicatorCode, value: observatoryValues.value })
    .from(observatoryValues)
    .innerJoin(observatorySubmissions, eq(observatorySubmissions.id, observatoryValues.submissionId))
    .where(
      and(
        // On the submission's columns: its (delegation, year) index finds the one form, then
        // its values come by (submission_id, code); the value rows' copies are for dashboards.
        eq(observatorySubmissions.organisationId, organisationId),
        eq(observatorySubmissions.conventionType, conventionType),
        eq(observatorySubmissions.year, year - 1),
        inArray(observatorySubmissions.status, ['submitted', 'correction_requested', 'validated']),
      ),
    );
  return { year: year - 1, values: Object.fromEntries(rows.map((r) => [r.code, Number(r.value)])) };
}

export async function submissionValues(tx: Tx, submissionId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ code: observatoryValues.indicatorCode, value: observatoryValues.value })
    .from(observatoryValues)
    .where(eq(observatoryValues.submissionId, submissionId));
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.value)]));
}

/**
 * The number of figures of each selected submission. Qualified by hand: in a query without
 * joins Drizzle leaves column names bare, and a bare `id` would be the inner table's.
 */
export const valueCountSql = sql<number>`(select count(*)::int from ${observatoryValues} v where v.submission_id = ${observatorySubmissions}.id)`;
