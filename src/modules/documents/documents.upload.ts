import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type DocumentCodes, documentError, MAX_DOCUMENT_BYTES, tooLarge } from './documents.store.ts';

/**
 * Multipart parsing for a scope of upload routes: one file per request, and the size
 * limit stops reading at 10 MB instead of buffering any upload.
 */
export function acceptDocuments(scope: FastifyInstance) {
  return scope.register(multipart, {
    limits: {
      fileSize: MAX_DOCUMENT_BYTES,
      files: 1,
      fields: 5,
      fieldSize: 1024,
      parts: 6,
      headerPairs: 100,
    },
  });
}

/** The one file of a multipart request, read up to 10 MB (the parser stops there). */
export async function uploadedFile(
  request: FastifyRequest,
  codes: DocumentCodes,
): Promise<{ filename: string; bytes: Buffer }> {
  const missing = () => documentError(`${codes}.document_missing`, 400, '');
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (!part) throw missing();
  try {
    return { filename: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(codes, part.filename);
    throw error;
  }
}
