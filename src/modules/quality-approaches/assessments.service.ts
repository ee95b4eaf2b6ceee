import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { organisations } from '../members/members.table.ts';
import { checkOwn, scopeOf, type Viewer } from './access.ts';
import { checkAnswers, missingAnswers, scorePillars } from './grid.rules.ts';
import { getGrid } from './grids.service.ts';
import { assessmentGrids, assessments } from './quality-approaches.table.ts';

const NOT_FOUND = 'qualityApproaches.assessment_not_found' as const;

export async function listAssessments(tx: Tx, viewer: Viewer, organisationId?: string) {
  const scope = scopeOf(viewer, organisationId);
  return tx
    .select({
      id: assessments.id,
      organisationId: assessments.organisationId,
      organisationName: organisations.name,
      gridId: assessments.gridId,
      gridName: assessmentGrids.name,
      assessedOn: assessments.assessedOn,
      status: assessments.status,
      answers: assessments.answers,
      scores: assessments.scores,
    })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .innerJoin(assessmentGrids, eq(assessmentGrids.id, assessments.gridId))
    .where(scope ? eq(assessments.organisationId, scope) : undefined)
    .orderBy(desc(assessments.assessedOn), asc(organisations.name));
}

export async function getAssessment(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await tx.select().from(assessments).where(eq(assessments.id, id));
  if (!row) throw new AppError(NOT_FOUND);
  checkOwn(viewer, row.organisationId, NOT_FOUND);
  return row;
}

async function checkedAnswers(tx: Tx, gridId: string, answers: Record<string, number>) {
  const grid = await getGrid(tx, gridId);
  const problems = checkAnswers(grid.pillars, answers);
  if (problems.length > 0) throw invalidFields(problems);
  return grid;
}

export async function createAssessment(
  tx: Tx,
  viewer: Viewer,
  input: { organisationId?: string; gridId: string; assessedOn: string; answers: Record<string, number> },
) {
  const organisationId = scopeOf(viewer, input.organisationId);
  if (!organisationId) throw invalidFields([{ field: 'organisationId', code: 'validation.required' }]);
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation)
    throw invalidFields([{ field: 'organisationId', code: 'qualityApproaches.organisation_unknown' }]);
  const [grid] = await tx.select().from(assessmentGrids).where(eq(assessmentGrids.id, input.gridId));
  if (grid?.active !== 'active')
    throw invalidFields([{ field: 'gridId', code: 'qualityApproaches.grid_unknown' }]);
  await checkedAnswers(tx, grid.id, input.answers);
  const [row] = await tx
    .insert(assessments)
    .values({ organisationId, gridId: grid.id, assessedOn: input.assessedOn, answers: input.answers })
    .returning();
  if (!row) throw new AppError('internal');
  return row;
}

async function draftOf(tx: Tx, viewer: Viewer, id: string) {
  const row = await getAssessment(tx, viewer, id);
  if (row.status !== 'draft') throw new AppError('qualityApproaches.assessment_done');
  return row;
}

export async function updateAssessment(
  tx: Tx,
  viewer: Viewer,
  id: string,
  input: { assessedOn?: string; answers?: Record<string, number> },
) {
  const current = await draftOf(tx, viewer, id);
  if (input.answers) await checkedAnswers(tx, current.gridId, input.answers);
  const [row] = await tx
    .update(assessments)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(assessments.id, id))
    .returning();
  if (!row) throw new AppError(NOT_FOUND);
  return row;
}

/** Completing needs every criterion answered; the scores per pillar are fixed then. */
export async function completeAssessment(tx: Tx, viewer: Viewer, id: string) {
  const current = await draftOf(tx, viewer, id);
  const grid = await getGrid(tx, current.gridId);
  const missing = missingAnswers(grid.pillars, current.answers);
  if (missing.length > 0) throw invalidFields(missing);
  const [row] = await tx
    .update(assessments)
    .set({ status: 'done', scores: scorePillars(grid.pillars, current.answers), updatedAt: new Date() })
    .where(eq(assessments.id, id))
    .returning();
  if (!row) throw new AppError(NOT_FOUND);
  return row;
}

export async function deleteAssessment(tx: Tx, viewer: Viewer, id: string) {
  await draftOf(tx, viewer, id);
  await tx.delete(assessments).where(eq(assessments.id, id));
}

/**
 * An organisation's completed assessments in date order, each with its change per pillar
 * from the previous one on the same grid (null when there is none to compare with).
 */
export async function organisationProgress(tx: Tx, viewer: Viewer, organisationId: string) {
  const scope = scopeOf(viewer, organisationId);
  const rows = await tx
    .select({
      id: assessments.id,
      gridId: assessments.gridId,
      gridName: assessmentGrids.name,
      pillars: assessmentGrids.pillars,
      assessedOn: assessments.assessedOn,
      scores: assessments.scores,
    })
    .from(assessments)
    .innerJoin(assessmentGrids, eq(assessmentGrids.id, assessments.gridId))
    .where(and(eq(assessments.organisationId, scope ?? organisationId), eq(assessments.status, 'done')))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt));
  const previous = new Map<string, Record<string, number>>();
  const items = rows.map(({ pillars, ...row }) => {
    const before = previous.get(row.gridId);
    previous.set(row.gridId, row.scores);
    const changes: Record<string, number | null> = {};
    for (const [pillar, score] of Object.entries(row.scores))
      changes[pillar] = before?.[pillar] === undefined ? null : score - before[pillar];
    return { ...row, pillars: pillars.map((p) => ({ id: p.id, label: p.label })), changes };
  });
  return { organisationId: scope ?? organisationId, items };
}
