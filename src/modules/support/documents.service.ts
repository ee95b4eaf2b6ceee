import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import {
  checkedUpload,
  documentFields,
  findDocument,
  removeDocument,
  type StoredDocument,
} from '../documents/documents.store.ts';
import { findFile, type Viewer } from './support.service.ts';
import { supportDocuments } from './support.table.ts';

/**
 * Keeps a document on a file (checked and hashed by documents.store.ts). A member user
 * may add a document to its own organisation's files (findFile refuses the others).
 */
export async function addDocument(
  tx: Tx,
  viewer: Viewer,
  fileId: string,
  upload: { filename: string; bytes: Buffer },
) {
  await findFile(tx, viewer, fileId);
  const [document] = await tx
    .insert(supportDocuments)
    .values({ fileId, ...checkedUpload('support', upload), uploadedBy: viewer.userId })
    .returning(documentFields(supportDocuments));
  if (!document) throw new AppError('internal');
  // documentFields is generic over the table, so drizzle types its columns as unknown.
  return document as Omit<StoredDocument, 'content'>;
}

export async function getDocument(tx: Tx, viewer: Viewer, fileId: string, documentId: string) {
  await findFile(tx, viewer, fileId);
  return findDocument(tx, supportDocuments, supportDocuments.fileId, fileId, documentId);
}

export function deleteDocument(tx: Tx, fileId: string, documentId: string) {
  return removeDocument(tx, supportDocuments, supportDocuments.fileId, fileId, documentId);
}
