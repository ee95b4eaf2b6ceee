/**
 * The catalogue of a draft campaign: indicators added, edited, removed. Every change
 * is checked against the whole catalogue, so a rule never names a code that is not
 * there and a code other rules rely on is neither renamed nor removed under them.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import {
  campaignIndicators,
  draftCampaign,
  fieldError,
  type Indicator,
  type Viewer,
} from './campaigns.service.ts';
import type { IndicatorInput, IndicatorPatch } from './observatory.schemas.ts';
import { observatoryIndicators } from './observatory.table.ts';
import { type CatalogueEntry, catalogueProblems, referencesTo } from './rules.catalogue.ts';

/** Refuses the indicator `code` when its rules do not fit the catalogue `entries`. */
function assertCoherent(entries: CatalogueEntry[], code: string) {
  const problems = catalogueProblems(entries).filter((p) => p.indicator === code);
  if (problems.length === 0) return;
  throw new AppError('validation.failed', {
    fields: problems.map((p) => ({ field: p.field, code: p.code, message: message(p.code, p.params) })),
  });
}

function assertUnreferenced(entries: CatalogueEntry[], code: string) {
  const by = referencesTo(entries, code);
  if (by.length > 0) throw fieldError('observatory.code_referenced', 'code', { code, by: by.join(', ') });
}

export async function addIndicator(tx: Tx, viewer: Viewer, campaignId: string, input: IndicatorInput) {
  await draftCampaign(tx, viewer, campaignId);
  const existing = await campaignIndicators(tx, campaignId);
  if (existing.some((i) => i.code === input.code))
    throw fieldError('observatory.code_taken', 'code', { code: input.code });
  assertCoherent([...existing, input], input.code);
  const position = input.position ?? Math.max(0, ...existing.map((i) => i.position)) + 10;
  const [created] = await tx
    .insert(observatoryIndicators)
    .values({ ...input, definition: input.definition ?? null, position, campaignId })
    .returning();
  if (!created) throw new Error('indicator insert returned nothing');
  return created;
}

async function findIndicator(tx: Tx, viewer: Viewer, campaignId: string, indicatorId: string) {
  await draftCampaign(tx, viewer, campaignId);
  const catalogue = await campaignIndicators(tx, campaignId);
  const target = catalogue.find((i) => i.id === indicatorId);
  if (!target) throw new AppError('record.not_found');
  return { catalogue, target };
}

export async function updateIndicator(
  tx: Tx,
  viewer: Viewer,
  campaignId: string,
  indicatorId: string,
  patch: IndicatorPatch,
) {
  const { catalogue, target } = await findIndicator(tx, viewer, campaignId, indicatorId);
  const next: Indicator = {
    ...target,
    ...patch,
    definition: patch.definition === undefined ? target.definition : patch.definition,
  };
  const others = catalogue.filter((i) => i.id !== indicatorId);
  if (next.code !== target.code) {
    if (others.some((i) => i.code === next.code))
      throw fieldError('observatory.code_taken', 'code', { code: next.code });
    assertUnreferenced(catalogue, target.code);
  }
  assertCoherent([...others, next], next.code);
  const [updated] = await tx
    .update(observatoryIndicators)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(observatoryIndicators.id, indicatorId), eq(observatoryIndicators.campaignId, campaignId)))
    .returning();
  if (!updated) throw new AppError('record.not_found');
  return updated;
}

export async function removeIndicator(tx: Tx, viewer: Viewer, campaignId: string, indicatorId: string) {
  const { catalogue, target } = await findIndicator(tx, viewer, campaignId, indicatorId);
  assertUnreferenced(catalogue, target.code);
  await tx
    .delete(observatoryIndicators)
    .where(and(eq(observatoryIndicators.id, indicatorId), eq(observatoryIndicators.campaignId, campaignId)));
}
