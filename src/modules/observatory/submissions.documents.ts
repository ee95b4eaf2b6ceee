/**
 * Source documents attached to a form (a balance sheet, an activity report). The same
 * rules as support documents (documents.store.ts). A member adds and removes its
 * own while it may still edit the form; staff always may.
 */
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import {
  checkedUpload,
  documentFields,
  findDocument,
  removeDocument,
  type StoredDocument,
} from '../documents/documents.store.ts';
import { isTeam, type Viewer } from './campaigns.service.ts';
import { observatoryDocuments } from './observatory.table.ts';
import { editRefusal, loadSubmission } from './submissions.access.ts';

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
  const [document] = await tx
    .insert(observatoryDocuments)
    .values({
      submissionId,
      organisationId: submission.organisationId,
      ...checkedUpload('observatory', upload),
      uploadedBy: viewer.userId,
    })
    .returning(documentFields(observatoryDocuments));
  if (!document) throw new AppError('internal');
  return document as Omit<StoredDocument, 'content'>;
}

export async function listDocuments(tx: Tx, viewer: Viewer, submissionId: string) {
  await loadSubmission(tx, viewer, submissionId);
  const items = await tx
    .select(documentFields(observatoryDocuments))
    .from(observatoryDocuments)
    .where(eq(observatoryDocuments.submissionId, submissionId))
    .orderBy(desc(observatoryDocuments.createdAt));
  // documentFields is generic over the table, so drizzle types its columns as unknown.
  return { items: items as Omit<StoredDocument, 'content'>[] };
}

export async function getDocument(tx: Tx, viewer: Viewer, submissionId: string, documentId: string) {
  await loadSubmission(tx, viewer, submissionId);
  const { submissionId: parent } = observatoryDocuments;
  return findDocument(tx, observatoryDocuments, parent, submissionId, documentId);
}

export async function deleteDocument(tx: Tx, viewer: Viewer, submissionId: string, documentId: string) {
  await writableSubmission(tx, viewer, submissionId);
  const { submissionId: parent } = observatoryDocuments;
  await removeDocument(tx, observatoryDocuments, parent, submissionId, documentId);
}
