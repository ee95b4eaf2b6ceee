import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { attachmentDisposition, cleanFilename, sendDocument } from '../support/document-type.ts';
import { documentParamsSchema, idParamsSchema } from './observatory.schemas.ts';
import {
  addDocument,
  deleteDocument,
  documentError,
  getDocument,
  listDocuments,
  MAX_DOCUMENT_BYTES,
} from './submissions.documents.ts';
import { getForm, saveValues } from './submissions.service.ts';
import { buildTemplate, readTemplate } from './template.ts';

const tags = ['observatory'];
const everyone = allow('admin', 'staff', 'board', 'member');
const answerers = allow('admin', 'staff', 'member');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one file of a multipart request, read up to 10 MB (the parser stops there). */
async function uploadedFile(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  const missing = () => documentError('observatory.document_missing', '');
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (!part) throw missing();
  try {
    return { filename: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw documentError('observatory.document_too_large', cleanFilename(part.filename));
    throw error;
  }
}

/** Attachments, XLSX template and prefill of a form. Multipart is parsed only in this scope. */
export async function submissionFilesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const db = deps.database.db;

  await app.register(async (scope) => {
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
      '/api/observatory/submissions/:id/documents',
      {
        config: { access: answerers },
        schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'] },
      },
      async (request, reply) => {
        const upload = await uploadedFile(request);
        const document = await withTenant(db, caller(request), (tx) =>
          addDocument(tx, caller(request), request.params.id, upload),
        );
        return reply.status(201).send(document);
      },
    );

    // Reads the whole workbook before writing anything: a bad cell leaves the draft as it was.
    r.post(
      '/api/observatory/submissions/:id/prefill',
      {
        config: { access: answerers },
        schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'] },
      },
      async (request) => {
        const upload = await uploadedFile(request);
        return withTenant(db, caller(request), async (tx) => {
          const form = await getForm(tx, caller(request), request.params.id);
          const values = await readTemplate(upload.bytes, form);
          return saveValues(tx, caller(request), request.params.id, values);
        });
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/observatory/submissions/:id/documents',
    { config: { access: everyone }, schema: { tags, params: idParamsSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => listDocuments(tx, caller(request), request.params.id)),
  );

  r.get(
    '/api/observatory/submissions/:id/documents/:docId',
    { config: { access: everyone }, schema: { tags, params: documentParamsSchema } },
    async (request, reply) => {
      const { id, docId } = request.params;
      const document = await withTenant(db, caller(request), (tx) =>
        getDocument(tx, caller(request), id, docId),
      );
      return sendDocument(reply, document);
    },
  );

  r.delete(
    '/api/observatory/submissions/:id/documents/:docId',
    { config: { access: answerers }, schema: { tags, params: documentParamsSchema } },
    async (request, reply) => {
      const { id, docId } = request.params;
      await withTenant(db, caller(request), (tx) => deleteDocument(tx, caller(request), id, docId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/observatory/submissions/:id/template.xlsx',
    { config: { access: everyone, render: true }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      const form = await withTenant(db, caller(request), (tx) =>
        getForm(tx, caller(request), request.params.id),
      );
      const name = `observatoire-${form.campaign.year}-${form.organisation.name}-${form.conventionType}.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentDisposition(name))
        .header('cache-control', 'private, no-store')
        .send(await buildTemplate(form));
    },
  );
}
