/**
 * Uploaded documents, stored the same way wherever they are attached (a support file,
 * an observatory form): at most 10 MB, the type read from the bytes (document-type.ts),
 * never trusted from the name, and a SHA-256 that lets anyone check later that the
 * download is what was sent. Each module keeps its own table, built from
 * documentColumns(), and decides who may read or change it before calling these.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import { cleanFilename, detectDocumentType } from './document-type.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The module whose catalogue names the refusals: `support.document_empty`, `observatory.…`. */
export type DocumentCodes = 'support' | 'observatory';

/** A refusal about the uploaded file, named in the message and attached to the `file` field. */
export function documentError(code: ErrorCode, name: string): AppError {
  return new AppError(code, {
    params: { name },
    fields: [{ field: 'file', code, message: message(code, { name }) }],
  });
}

export const tooLarge = (codes: DocumentCodes, filename: string) =>
  documentError(`${codes}.document_too_large`, cleanFilename(filename));

/** What to store of an upload, once checked: refused when empty, too large or of an unaccepted type. */
export function checkedUpload(codes: DocumentCodes, upload: { filename: string; bytes: Buffer }) {
  const filename = cleanFilename(upload.filename);
  const { bytes } = upload;
  if (bytes.length === 0) throw documentError(`${codes}.document_empty`, filename);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(codes, filename);
  const mediaType = detectDocumentType(bytes, filename);
  if (!mediaType) throw documentError(`${codes}.document_type_refused`, filename);
  return {
    filename,
    mediaType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  };
}

type DocumentTable = PgTable & {
  [column in 'id' | 'filename' | 'mediaType' | 'sizeBytes' | 'sha256' | 'content' | 'createdAt']: AnyPgColumn;
};

/** A document as listed and answered after an upload: everything but its bytes. */
export const documentFields = <T extends DocumentTable>(table: T) => ({
  id: table.id,
  filename: table.filename,
  mediaType: table.mediaType,
  sizeBytes: table.sizeBytes,
  sha256: table.sha256,
  createdAt: table.createdAt,
});

export interface StoredDocument {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  content: Buffer;
}

/** One document with its bytes, if it belongs to that parent (`parent` = the table's parent key). */
export async function findDocument(
  tx: Tx,
  table: DocumentTable,
  parent: AnyPgColumn,
  parentId: string,
  documentId: string,
): Promise<StoredDocument> {
  const [document] = await tx
    .select({ ...documentFields(table), content: table.content })
    .from(table)
    .where(and(eq(table.id, documentId), eq(parent, parentId)));
  if (!document) throw new AppError('record.not_found');
  return document as StoredDocument;
}

export async function removeDocument(
  tx: Tx,
  table: DocumentTable,
  parent: AnyPgColumn,
  parentId: string,
  documentId: string,
) {
  const deleted = await tx
    .delete(table)
    .where(and(eq(table.id, documentId), eq(parent, parentId)))
    .returning({ id: table.id });
  if (deleted.length === 0) throw new AppError('record.not_found');
}
