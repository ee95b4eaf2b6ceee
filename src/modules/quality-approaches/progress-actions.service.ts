import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { organisations } from '../members/members.table.ts';
import { checkOwn, scopeOf, type Viewer } from './access.ts';
import type { ProgressActionInput } from './quality-approaches.schemas.ts';
import { assessments, progressActions } from './quality-approaches.table.ts';

const NOT_FOUND = 'qualityApproaches.progress_action_not_found' as const;

export async function listProgressActions(tx: Tx, viewer: Viewer, organisationId?: string) {
  const scope = scopeOf(viewer, organisationId);
  const rows = await tx
    .select({ action: progressActions, organisationName: organisations.name })
    .from(progressActions)
    .innerJoin(organisations, eq(organisations.id, progressActions.organisationId))
    .where(scope ? eq(progressActions.organisationId, scope) : undefined)
    .orderBy(asc(progressActions.dueOn), asc(progressActions.title));
  return rows.map((r) => ({ ...r.action, organisationName: r.organisationName }));
}

/** A linked assessment must be the same organisation's. */
async function checkAssessment(tx: Tx, organisationId: string, assessmentId: string | null | undefined) {
  if (!assessmentId) return;
  const [row] = await tx
    .select({ organisationId: assessments.organisationId })
    .from(assessments)
    .where(eq(assessments.id, assessmentId));
  if (row?.organisationId !== organisationId)
    throw invalidFields([{ field: 'assessmentId', code: 'qualityApproaches.assessment_unknown' }]);
}

export async function createProgressAction(tx: Tx, viewer: Viewer, input: ProgressActionInput) {
  const organisationId = scopeOf(viewer, input.organisationId);
  if (!organisationId) throw invalidFields([{ field: 'organisationId', code: 'validation.required' }]);
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation)
    throw invalidFields([{ field: 'organisationId', code: 'qualityApproaches.organisation_unknown' }]);
  await checkAssessment(tx, organisationId, input.assessmentId);
  const [row] = await tx
    .insert(progressActions)
    .values({ ...input, organisationId })
    .returning();
  if (!row) throw new AppError('internal');
  return row;
}

async function findOwn(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await tx.select().from(progressActions).where(eq(progressActions.id, id));
  if (!row) throw new AppError(NOT_FOUND);
  checkOwn(viewer, row.organisationId, NOT_FOUND);
  return row;
}

export async function updateProgressAction(
  tx: Tx,
  viewer: Viewer,
  id: string,
  input: Partial<Omit<ProgressActionInput, 'organisationId'>>,
) {
  const current = await findOwn(tx, viewer, id);
  await checkAssessment(tx, current.organisationId, input.assessmentId);
  const [row] = await tx
    .update(progressActions)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(progressActions.id, id))
    .returning();
  if (!row) throw new AppError(NOT_FOUND);
  return row;
}

export async function deleteProgressAction(tx: Tx, viewer: Viewer, id: string) {
  await findOwn(tx, viewer, id);
  await tx.delete(progressActions).where(eq(progressActions.id, id));
}
