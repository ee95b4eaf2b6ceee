/**
 * Source documents attached to a form (a balance sheet, an activity report). The same
 * rules as support documents: at most 10 MB, the type read from the bytes by the
 * support module's checker, never trusted from the name. A member adds and removes its
 * own while it may still edit the form; staff always may.
 */

import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import { cleanFilename, detectDocumentType } from '../support/document-type.ts';
import { isTeam, type Viewer } from './campaigns.service.ts';
import { observatoryDocuments } from './observatory.table.ts';
import { editRefusal, loadSubmission } from './submissions.access.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A refusal about the uploaded file, named in the message and attached to the `file` field. */
export function documentError(code: ErrorCode, name: string): AppError {
  return new AppError(code, {
    params: { name },
    fields: [{ field: 'file', code, message: message(code, { name }) }],
  });
}

const columns = {
  id: observatoryDocuments.id,
  filename: observatoryDocuments.filename,
  mediaType: observatoryDocuments.mediaType,
  sizeBytes: observatoryDocuments.sizeBytes,
  sha256: observatoryDocuments.sha256,
  createdAt: observatoryDocuments.createdAt,
};

async function writableSubmission(tx: Tx, viewer: Viewer, submissionId: string) {
  const loaded = await loadSubmission(tx, viewer, submissionId);
  if (!isTeam(viewer)) {
    const refusal = editRefusal(viewer, loaded.campaign, loaded.submission);
    if (refusal) throw refusal;
  }
  return loaded.submission;
}

export async function addDocument(
  tx: Tx,
  viewer: Viewer,
  submissionId: string,
  upload: { filename: string; bytes: Buffer },
) {
  const submission = await writableSubmission(tx, viewer, submissionId);
  const filename = cleanFilename(upload.filename);
  if (upload.bytes.length === 0) throw documentError('observatory.document_empty', filename);
  if (upload.bytes.length > MAX_DOCUMENT_BYTES)
    throw documentError('observatory.document_too_large', filename);
  const mediaType = detectDocumentType(upload.bytes, filename);
  if (!mediaType) throw documentError('observatory.document_type_refused', filename);
  const [document] = await tx
    .insert(observatoryDocuments)
    .values({
      submissionId,
      organisationId: submission.organisationId,
      filename,
      mediaType,
      sizeBytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: upload.bytes,
      uploadedBy: viewer.userId,
    })
    .returning(columns);
  return document;
}

export async function listDocuments(tx: Tx, viewer: Viewer, submissionId: string) {
  await loadSubmission(tx, viewer, submissionId);
  const items = await tx
    .select(columns)
    .from(observatoryDocuments)
    .where(eq(observatoryDocuments.submissionId, submissionId))
    .orderBy(desc(observatoryDocuments.createdAt));
  return { items };
}

export async function getDocument(tx: Tx, viewer: Viewer, submissionId: string, documentId: string) {
  await loadSubmission(tx, viewer, submissionId);
  const [document] = await tx
    .select({ ...columns, content: observatoryDocuments.content })
    .from(observatoryDocuments)
    .where(and(eq(observatoryDocuments.id, documentId), eq(observatoryDocuments.submissionId, submissionId)));
  if (!document) throw new AppError('record.not_found');
  return document;
}

export async function deleteDocument(tx: Tx, viewer: Viewer, submissionId: string, documentId: string) {
  await writableSubmission(tx, viewer, submissionId);
  const deleted = await tx
    .delete(observatoryDocuments)
    .where(and(eq(observatoryDocuments.id, documentId), eq(observatoryDocuments.submissionId, submissionId)))
    .returning({ id: observatoryDocuments.id });
  if (deleted.length === 0) throw new AppError('record.not_found');
}
