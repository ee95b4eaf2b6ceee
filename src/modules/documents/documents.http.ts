import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, type Tx, withTenant } from '../../db/client.ts';
import { type Access, caller } from '../../server/access.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import type { AuthContext } from '../../server/request-context.ts';
import { sendDocument } from './document-type.ts';
import {
  type DocumentCodes,
  documentError,
  MAX_DOCUMENT_BYTES,
  type StoredDocument,
  tooLarge,
} from './documents.store.ts';

const documentParamsSchema = z.object({ id: z.uuid(), docId: z.uuid() });

/** A kept document's bytes, in the type its content was recognised as on upload. */
const documentFile = {
  description: 'Le document tel que déposé (PDF, image, OpenDocument, Office Open XML ou texte)',
  content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
};

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
  const missing = () => documentError(`${codes}.document_missing`, '');
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

type OneDocument<T> = (tx: Tx, viewer: AuthContext, parentId: string, documentId: string) => Promise<T>;

/**
 * GET and DELETE of `${path}/:docId`: the bytes as sent with the headers of sendDocument,
 * and 204 once removed. Who may do what is the module's: `read` and `remove` run its checks.
 */
export function documentRoutes(
  app: FastifyInstance,
  db: Db,
  route: {
    path: string;
    tags: string[];
    /** The operations' one-line summaries, in the module's words. */
    summaries: { read: string; remove: string };
    /** Codes the module's removal checks answer besides record.not_found (a locked parent…). */
    removeErrors?: readonly ErrorCode[];
    readers: Access;
    removers: Access;
    read: OneDocument<StoredDocument>;
    remove: OneDocument<void>;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: route.tags, params: documentParamsSchema };
  const config = (access: Access, errors: readonly ErrorCode[] = []) => ({
    access,
    errors: ['record.not_found', ...errors] as const,
  });
  const read = { ...schema, summary: route.summaries.read, response: { 200: documentFile } };
  const remove = {
    ...schema,
    summary: route.summaries.remove,
    response: { 204: z.null().describe('Document supprimé') },
  };
  r.get(`${route.path}/:docId`, { config: config(route.readers), schema: read }, async (request, reply) => {
    const { id, docId } = request.params;
    const document = await withTenant(db, caller(request), (tx) =>
      route.read(tx, caller(request), id, docId),
    );
    return sendDocument(reply, document);
  });
  r.delete(
    `${route.path}/:docId`,
    { config: config(route.removers, route.removeErrors), schema: remove },
    async (request, reply) => {
      const { id, docId } = request.params;
      await withTenant(db, caller(request), (tx) => route.remove(tx, caller(request), id, docId));
      return reply.status(204).send(null);
    },
  );
}
