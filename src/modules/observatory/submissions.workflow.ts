/**
 * draft → submitted → validated, with a detour through correction_requested when staff
 * send a form back. Submitting runs the rules engine: errors refuse it (each on its
 * field `values.<code>`), warnings need a comment. Each step locks only its own row.
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { auditColumns } from '../audit/audit.service.ts';
import { auditLog } from '../audit/audit.table.ts';
import { campaignIndicators, type Viewer } from './campaigns.service.ts';
import { observatorySubmissions, type SubmissionStatus } from './observatory.table.ts';
import { checkValues } from './rules.ts';
import { editRefusal, formFacts, loadSubmission, STATUS_LABELS } from './submissions.access.ts';
import { applicable, presentSubmission } from './submissions.service.ts';

function wrongStatus(status: SubmissionStatus) {
  return new AppError('observatory.wrong_status', { params: { status: STATUS_LABELS[status] } });
}

export async function submitForm(
  tx: Tx,
  viewer: Viewer,
  id: string,
  confirmWarnings: Record<string, string>,
) {
  const { submission, campaign } = await loadSubmission(tx, viewer, id, { lock: true });
  if (submission.status !== 'draft' && submission.status !== 'correction_requested')
    throw wrongStatus(submission.status);
  const refusal = editRefusal(viewer, campaign, submission);
  if (refusal) throw refusal;
  const catalogue = await campaignIndicators(tx, campaign.id);
  const indicators = applicable(catalogue, submission.conventionType);
  const { values, previous } = await formFacts(
    tx,
    { ...submission, submissionId: id, year: campaign.year },
    [],
  );
  const { errors, warnings } = checkValues(indicators, values, previous);
  if (errors.length > 0) {
    throw new AppError('observatory.submission_invalid', {
      fields: errors.map((e) => ({
        field: `values.${e.code}`,
        code: `observatory.check_${e.kind}`,
        message: e.message,
      })),
    });
  }
  const comments: Record<string, string> = {};
  const unconfirmed = warnings.filter((w) => {
    const comment = confirmWarnings[w.code]?.trim();
    if (comment) comments[w.code] = comment;
    return !comment;
  });
  if (unconfirmed.length > 0) {
    throw new AppError('observatory.warnings_unconfirmed', {
      fields: unconfirmed.map((w) => ({
        field: `confirmWarnings.${w.code}`,
        code: 'observatory.warning_comment',
        message: message('observatory.warning_comment', { warning: w.message }),
      })),
    });
  }
  const [submitted] = await tx
    .update(observatorySubmissions)
    .set({
      status: 'submitted',
      submittedAt: new Date(),
      submittedBy: viewer.userId,
      confirmedWarnings: comments,
      updatedAt: new Date(),
    })
    .where(eq(observatorySubmissions.id, id))
    .returning();
  return presentSubmission(tx, viewer, campaign, submitted ?? submission, catalogue);
}

/** Staff send a submitted form back with what to fix; the member may edit and submit again. */
export async function requestCorrection(tx: Tx, viewer: Viewer, id: string, comment: string) {
  const { submission, campaign } = await loadSubmission(tx, viewer, id, { lock: true });
  if (submission.status !== 'submitted') throw wrongStatus(submission.status);
  const [changed] = await tx
    .update(observatorySubmissions)
    .set({ status: 'correction_requested', correctionComment: comment, updatedAt: new Date() })
    .where(eq(observatorySubmissions.id, id))
    .returning();
  return presentSubmission(tx, viewer, campaign, changed ?? submission);
}

export async function validateForm(tx: Tx, viewer: Viewer, id: string) {
  const { submission, campaign } = await loadSubmission(tx, viewer, id, { lock: true });
  if (submission.status !== 'submitted') throw wrongStatus(submission.status);
  const [changed] = await tx
    .update(observatorySubmissions)
    .set({ status: 'validated', validatedAt: new Date(), validatedBy: viewer.userId, updatedAt: new Date() })
    .where(eq(observatorySubmissions.id, id))
    .returning();
  return presentSubmission(tx, viewer, campaign, changed ?? submission);
}

/** A validated form back to "submitted", so that any staff may correct it and validate again. */
export async function reopenForm(tx: Tx, viewer: Viewer, id: string) {
  const { submission, campaign } = await loadSubmission(tx, viewer, id, { lock: true });
  if (submission.status !== 'validated') throw wrongStatus(submission.status);
  const [changed] = await tx
    .update(observatorySubmissions)
    .set({ status: 'submitted', validatedAt: null, validatedBy: null, updatedAt: new Date() })
    .where(eq(observatorySubmissions.id, id))
    .returning();
  return presentSubmission(tx, viewer, campaign, changed ?? submission);
}

export type HistoryEntry =
  | {
      id: number;
      at: string;
      actorName: string | null;
      actorRole: string | null;
      kind: 'value';
      indicatorCode: string;
      before: number | null;
      after: number | null;
    }
  | {
      id: number;
      at: string;
      actorName: string | null;
      actorRole: string | null;
      kind: 'status';
      before: SubmissionStatus | null;
      after: SubmissionStatus;
      comment: string | null;
    };

type Row = Record<string, unknown> | null;
const numberOrNull = (row: Row) =>
  row && row.value !== null && row.value !== undefined ? Number(row.value) : null;

/**
 * Who changed which figure when, and the status steps, newest first, from the audit log
 * the database triggers write (so a change made by any path is in it).
 */
export async function submissionHistory(tx: Tx, viewer: Viewer, id: string): Promise<HistoryEntry[]> {
  const { submission } = await loadSubmission(tx, viewer, id);
  const rows = await tx
    .select(auditColumns)
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organisationId, submission.organisationId),
        or(
          and(
            eq(auditLog.tableName, 'observatory_values'),
            sql`coalesce(${auditLog.after}->>'submission_id', ${auditLog.before}->>'submission_id') = ${id}`,
          ),
          and(eq(auditLog.tableName, 'observatory_submissions'), eq(auditLog.recordId, id)),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(500);
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    const before = row.before as Row;
    const after = row.after as Row;
    const base = { id: row.id, at: row.at.toISOString(), actorName: row.actorName, actorRole: row.actorRole };
    if (row.tableName === 'observatory_values') {
      const code = String(after?.indicator_code ?? before?.indicator_code ?? '');
      entries.push({
        ...base,
        kind: 'value',
        indicatorCode: code,
        before: numberOrNull(before),
        after: numberOrNull(after),
      });
    } else if (after && before?.status !== after.status) {
      // The audit log holds the row as written: its status is one of the column's.
      const status = String(after.status) as SubmissionStatus;
      const comment =
        status === 'correction_requested' ? ((after.correction_comment as string | null) ?? null) : null;
      entries.push({
        ...base,
        kind: 'status',
        before: (before?.status as SubmissionStatus | undefined) ?? null,
        after: status,
        comment,
      });
    }
  }
  return entries;
}
