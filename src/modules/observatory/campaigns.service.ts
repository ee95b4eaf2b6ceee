/**
 * Yearly campaigns: created as drafts with a copy of the previous campaign's catalogue
 * (or the default one for the first), opened to members, then closed. Staff and admins
 * write; the board reads; member users see open (and closed) campaigns only.
 */

import { and, asc, count, desc, eq, lt, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import type { Caller } from '../../server/request-context.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import type { CampaignCreate, CampaignPatch } from './observatory.schemas.ts';
import { observatoryCampaigns, observatoryIndicators } from './observatory.table.ts';
import { catalogueProblems } from './rules.catalogue.ts';

export type Viewer = Pick<Caller, 'userId' | 'role' | 'organisationId'>;
export type Campaign = typeof observatoryCampaigns.$inferSelect;
export type Indicator = typeof observatoryIndicators.$inferSelect;

export const isTeam = (viewer: Pick<Viewer, 'role'>) => viewer.role === 'admin' || viewer.role === 'staff';

const STATUS_LABELS = { draft: 'en préparation', open: 'ouverte', closed: 'close' } as const;
// A closed campaign may be reopened for late answers; an open one never goes back to draft
// (members may already have answered against its catalogue).
const TRANSITIONS: Record<Campaign['status'], Campaign['status'][]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};

/** A campaign as named beside its forms and boards. */
export const campaignSummary = (campaign: Campaign) => ({
  id: campaign.id,
  year: campaign.year,
  title: campaign.title,
  deadline: campaign.deadline,
  status: campaign.status,
});

/** A campaign this viewer may see; members never see drafts. 404 otherwise. */
export async function findCampaign(tx: Tx, viewer: Viewer, id: string): Promise<Campaign> {
  const [campaign] = await tx.select().from(observatoryCampaigns).where(eq(observatoryCampaigns.id, id));
  if (!campaign || (viewer.role === 'member' && campaign.status === 'draft'))
    throw new AppError('record.not_found');
  return campaign;
}

export function campaignIndicators(tx: Tx, campaignId: string): Promise<Indicator[]> {
  return tx
    .select()
    .from(observatoryIndicators)
    .where(eq(observatoryIndicators.campaignId, campaignId))
    .orderBy(asc(observatoryIndicators.position), asc(observatoryIndicators.code));
}

export async function listCampaigns(tx: Tx, viewer: Viewer) {
  const indicatorCount = tx
    .select({ campaignId: observatoryIndicators.campaignId, n: count().as('n') })
    .from(observatoryIndicators)
    .groupBy(observatoryIndicators.campaignId)
    .as('indicator_count');
  const rows = await tx
    .select({ campaign: observatoryCampaigns, indicatorCount: indicatorCount.n })
    .from(observatoryCampaigns)
    .leftJoin(indicatorCount, eq(indicatorCount.campaignId, observatoryCampaigns.id))
    .where(viewer.role === 'member' ? ne(observatoryCampaigns.status, 'draft') : undefined)
    .orderBy(desc(observatoryCampaigns.year));
  return { items: rows.map((r) => ({ ...r.campaign, indicatorCount: Number(r.indicatorCount ?? 0) })) };
}

export async function getCampaign(tx: Tx, viewer: Viewer, id: string) {
  const campaign = await findCampaign(tx, viewer, id);
  return { ...campaign, indicators: await campaignIndicators(tx, id) };
}

/**
 * A draft with the catalogue of the latest earlier campaign of the delegation, or the
 * default catalogue when there is none: each year starts from last year's questions.
 */
export async function createCampaign(tx: Tx, input: CampaignCreate) {
  if (input.deadline < input.opensOn)
    throw invalidFields([{ field: 'deadline', code: 'observatory.deadline_before_opening' }]);
  const [previous] = await tx
    .select({ id: observatoryCampaigns.id, year: observatoryCampaigns.year })
    .from(observatoryCampaigns)
    .where(lt(observatoryCampaigns.year, input.year))
    .orderBy(desc(observatoryCampaigns.year))
    .limit(1);
  const [existing] = await tx
    .select({ id: observatoryCampaigns.id })
    .from(observatoryCampaigns)
    .where(eq(observatoryCampaigns.year, input.year));
  if (existing) throw yearTaken(input.year);
  let campaign: Campaign | undefined;
  try {
    [campaign] = await tx.insert(observatoryCampaigns).values(input).returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw yearTaken(input.year);
    throw error;
  }
  if (!campaign) throw new Error('campaign insert returned nothing');
  const source = previous
    ? (await campaignIndicators(tx, previous.id)).map(
        ({ id: _id, campaignId: _c, delegationId: _d, createdAt: _a, updatedAt: _u, ...rest }) => rest,
      )
    : DEFAULT_INDICATORS.map((indicator, position) => ({ ...indicator, position: position * 10 }));
  if (source.length > 0) {
    await tx.insert(observatoryIndicators).values(source.map((i) => ({ ...i, campaignId: campaign.id })));
  }
  return {
    ...campaign,
    indicators: await campaignIndicators(tx, campaign.id),
    copiedFrom: previous ? { id: previous.id, year: previous.year } : null,
  };
}

const yearTaken = (year: number) => fieldError('observatory.year_taken', 'year', { year });

/** A refusal attached to one field, its French message filled with `params`. */
export function fieldError(code: ErrorCode, field: string, params: Record<string, string | number> = {}) {
  return new AppError(code, { params, fields: [{ field, code, message: message(code, params) }] });
}

export async function updateCampaign(tx: Tx, viewer: Viewer, id: string, patch: CampaignPatch) {
  const campaign = await findCampaign(tx, viewer, id);
  const opensOn = patch.opensOn ?? campaign.opensOn;
  const deadline = patch.deadline ?? campaign.deadline;
  if (deadline < opensOn)
    throw invalidFields([{ field: 'deadline', code: 'observatory.deadline_before_opening' }]);
  if (patch.status && patch.status !== campaign.status) {
    if (!TRANSITIONS[campaign.status].includes(patch.status)) {
      const params = { from: STATUS_LABELS[campaign.status], to: STATUS_LABELS[patch.status] };
      throw fieldError('observatory.status_transition', 'status', params);
    }
    if (campaign.status === 'draft') await assertReadyToOpen(tx, id);
  }
  const [updated] = await tx
    .update(observatoryCampaigns)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(observatoryCampaigns.id, id))
    .returning();
  return updated;
}

async function assertReadyToOpen(tx: Tx, id: string) {
  const indicators = await campaignIndicators(tx, id);
  if (indicators.length === 0) throw new AppError('observatory.catalogue_empty');
  const problems = catalogueProblems(indicators);
  if (problems.length > 0) {
    throw new AppError('observatory.catalogue_invalid', {
      fields: problems.map((p) => ({
        field: `indicators.${p.indicator}.${p.field}`,
        code: p.code,
        message: message(p.code, p.params),
      })),
    });
  }
}

/** Only a draft goes away (no member can have answered it yet); its catalogue goes with it. */
export async function deleteCampaign(tx: Tx, viewer: Viewer, id: string) {
  const campaign = await findCampaign(tx, viewer, id);
  if (campaign.status !== 'draft') throw new AppError('observatory.campaign_not_draft');
  await tx
    .delete(observatoryCampaigns)
    .where(and(eq(observatoryCampaigns.id, id), eq(observatoryCampaigns.status, 'draft')));
}

/** The catalogue may change only while the campaign is a draft; locks the campaign row meanwhile. */
export async function draftCampaign(tx: Tx, viewer: Viewer, id: string): Promise<Campaign> {
  await findCampaign(tx, viewer, id);
  const [campaign] = await tx
    .select()
    .from(observatoryCampaigns)
    .where(eq(observatoryCampaigns.id, id))
    .for('update');
  if (campaign?.status !== 'draft') throw new AppError('observatory.catalogue_locked');
  return campaign;
}
