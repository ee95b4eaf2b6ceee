import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { acceptDocuments, documentRoutes, uploadedFile } from '../documents/documents.http.ts';
import { addDocument, deleteDocument, getDocument } from './documents.service.ts';
import { idParamsSchema, supportUploadedDocumentSchema } from './support.schemas.ts';

const tags = ['support'];
// Member users add and read documents of their own organisation's files (checked by the service).
const documentUsers = allow('admin', 'staff', 'member');

/** Uploads and downloads of a support file's documents. Multipart is parsed only in this scope. */
export async function documentsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const db = deps.database.db;

  await app.register(async (scope) => {
    await acceptDocuments(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/support/files/:id/documents',
      {
        config: {
          access: documentUsers,
          errors: [
            'record.not_found',
            'support.document_missing',
            'support.document_empty',
            'support.document_too_large',
            'support.document_type_refused',
          ],
        },
        schema: {
          summary: "Ajoute un document à un dossier d'accompagnement",
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          description:
            'One part named `file` (10 MB at most). Its type is read from its content: PDF, PNG, JPEG, OpenDocument, Office Open XML or UTF-8 text; 415 otherwise.',
          response: { 201: supportUploadedDocumentSchema },
        },
      },
      async (request, reply) => {
        const upload = await uploadedFile(request, 'support');
        const document = await withTenant(db, caller(request), (tx) =>
          addDocument(tx, caller(request), request.params.id, upload),
        );
        return reply.status(201).send(document);
      },
    );
  });

  documentRoutes(app, db, {
    path: '/api/support/files/:id/documents',
    tags,
    summaries: {
      read: "Télécharge un document d'un dossier d'accompagnement",
      remove: "Supprime un document d'un dossier d'accompagnement",
    },
    readers: documentUsers,
    removers: allow('admin', 'staff'),
    read: getDocument,
    remove: (tx, _viewer, id, docId) => deleteDocument(tx, id, docId),
  });
}
