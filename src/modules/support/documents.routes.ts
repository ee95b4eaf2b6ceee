import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { cleanFilename, sendDocument } from './document-type.ts';
import {
  addDocument,
  deleteDocument,
  documentError,
  getDocument,
  MAX_DOCUMENT_BYTES,
} from './documents.service.ts';
import { documentParamsSchema, idParamsSchema } from './support.schemas.ts';

const tags = ['support'];
// Member users add and read documents of their own organisation's files (checked by the service).
const documentUsers = allow('admin', 'staff', 'member');

const missingFile = () =>
  new AppError('support.document_missing', {
    fields: [
      { field: 'file', code: 'support.document_missing', message: message('support.document_missing') },
    ],
  });

/** Uploads and downloads of a support file's documents. Multipart is parsed only in this scope. */
export async function documentsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const db = deps.database.db;

  await app.register(async (scope) => {
    // One file per request; the size limit stops reading at 10 MB instead of buffering any upload.
    await scope.register(multipart, {
      limits: {
        fileSize: MAX_DOCUMENT_BYTES,
        files: 1,
        fields: 5,
        fieldSize: 1024,
        parts: 6,
        headerPairs: 100,
      },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/support/files/:id/documents',
      {
        config: { access: documentUsers },
        schema: {
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          description:
            'One part named `file` (10 MB at most). Its type is read from its content: PDF, PNG, JPEG, OpenDocument, Office Open XML or UTF-8 text; 415 otherwise.',
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw missingFile();
        const part = await request.file();
        if (!part) throw missingFile();
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw documentError('support.document_too_large', cleanFilename(part.filename));
          throw error;
        }
        const document = await withTenant(db, caller(request), (tx) =>
          addDocument(tx, caller(request), request.params.id, { filename: part.filename, bytes }),
        );
        return reply.status(201).send(document);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/support/files/:id/documents/:docId',
    { config: { access: documentUsers }, schema: { tags, params: documentParamsSchema } },
    async (request, reply) => {
      const { id, docId } = request.params;
      const document = await withTenant(db, caller(request), (tx) =>
        getDocument(tx, caller(request), id, docId),
      );
      return sendDocument(reply, document);
    },
  );
  r.delete(
    '/api/support/files/:id/documents/:docId',
    { config: { access: allow('admin', 'staff') }, schema: { tags, params: documentParamsSchema } },
    async (request, reply) => {
      const { id, docId } = request.params;
      await withTenant(db, caller(request), (tx) => deleteDocument(tx, id, docId));
      return reply.status(204).send();
    },
  );
}
