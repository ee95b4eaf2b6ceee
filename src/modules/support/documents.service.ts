import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import { cleanFilename, detectDocumentType } from './document-type.ts';
import { findFile, type Viewer } from './support.service.ts';
import { supportDocuments } from './support.table.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A refusal about the uploaded file, named in the message and attached to the `file` field. */
export function documentError(code: ErrorCode, name: string): AppError {
  const text = message(code, { name });
  return new AppError(code, { params: { name }, fields: [{ field: 'file', code, message: text }] });
}

/**
 * Keeps a document on a file. Its type is read from its bytes (see document-type.ts);
 * the hash lets anyone check later that the download is what was sent. A member user
 * may add a document to its own organisation's files (findFile refuses the others).
 */
export async function addDocument(
  tx: Tx,
  viewer: Viewer,
  fileId: string,
  upload: { filename: string; bytes: Buffer },
) {
  await findFile(tx, viewer, fileId);
  const filename = cleanFilename(upload.filename);
  if (upload.bytes.length === 0) throw documentError('support.document_empty', filename);
  if (upload.bytes.length > MAX_DOCUMENT_BYTES) throw documentError('support.document_too_large', filename);
  const mediaType = detectDocumentType(upload.bytes, filename);
  if (!mediaType) throw documentError('support.document_type_refused', filename);
  const [document] = await tx
    .insert(supportDocuments)
    .values({
      fileId,
      filename,
      mediaType,
      sizeBytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: upload.bytes,
      uploadedBy: viewer.userId,
    })
    .returning({
      id: supportDocuments.id,
      filename: supportDocuments.filename,
      mediaType: supportDocuments.mediaType,
      sizeBytes: supportDocuments.sizeBytes,
      sha256: supportDocuments.sha256,
      createdAt: supportDocuments.createdAt,
    });
  return document;
}

export async function getDocument(tx: Tx, viewer: Viewer, fileId: string, documentId: string) {
  await findFile(tx, viewer, fileId);
  const [document] = await tx
    .select({
      filename: supportDocuments.filename,
      mediaType: supportDocuments.mediaType,
      sha256: supportDocuments.sha256,
      content: supportDocuments.content,
    })
    .from(supportDocuments)
    .where(and(eq(supportDocuments.id, documentId), eq(supportDocuments.fileId, fileId)));
  if (!document) throw new AppError('record.not_found');
  return document;
}

export async function deleteDocument(tx: Tx, fileId: string, documentId: string) {
  const deleted = await tx
    .delete(supportDocuments)
    .where(and(eq(supportDocuments.id, documentId), eq(supportDocuments.fileId, fileId)))
    .returning({ id: supportDocuments.id });
  if (deleted.length === 0) throw new AppError('record.not_found');
}
