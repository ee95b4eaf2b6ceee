import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { attachmentDisposition } from '../documents/document-type.ts';
import { acceptDocuments, documentRoutes, uploadedFile } from '../documents/documents.http.ts';
import {
  idParamsSchema,
  observatoryDocumentListSchema,
  observatoryDocumentSchema,
  observatoryFormSchema,
} from './observatory.schemas.ts';
import { addDocument, deleteDocument, getDocument, listDocuments } from './submissions.documents.ts';
import { getForm, saveValues } from './submissions.service.ts';
import { buildTemplate, readTemplate } from './template.ts';

const tags = ['observatory'];
const everyone = allow('admin', 'staff', 'board', 'member');
const answerers = allow('admin', 'staff', 'member');
/** Why an answer may not be changed by this caller (submissions.access.ts, editRefusal). */
const locked: ErrorCode[] = [
  'record.not_found',
  'observatory.campaign_not_open',
  'observatory.submission_validated',
  'observatory.submission_locked',
];
const refusedUpload: ErrorCode[] = [
  'observatory.document_missing',
  'observatory.document_empty',
  'observatory.document_too_large',
  'observatory.document_type_refused',
];

/** Attachments, XLSX template and prefill of a form. Multipart is parsed only in this scope. */
export async function submissionFilesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const db = deps.database.db;

  await app.register(async (scope) => {
    await acceptDocuments(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/observatory/submissions/:id/documents',
      {
        config: { access: answerers, errors: [...locked, ...refusedUpload] },
        schema: {
          summary: "Joint un document à une réponse à l'observatoire",
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: observatoryDocumentSchema },
        },
      },
      async (request, reply) => {
        const upload = await uploadedFile(request, 'observatory');
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
        config: {
          access: answerers,
          errors: [...locked, ...refusedUpload, 'observatory.prefill_invalid', 'request.invalid'],
        },
        schema: {
          summary: "Préremplit une réponse à l'observatoire depuis son modèle XLSX rempli",
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 200: observatoryFormSchema },
        },
      },
      async (request) => {
        const upload = await uploadedFile(request, 'observatory');
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
    {
      config: { access: everyone, errors: ['record.not_found'] },
      schema: {
        summary: "Documents joints à une réponse à l'observatoire",
        tags,
        params: idParamsSchema,
        response: { 200: observatoryDocumentListSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => listDocuments(tx, caller(request), request.params.id)),
  );

  documentRoutes(app, db, {
    path: '/api/observatory/submissions/:id/documents',
    tags,
    summaries: {
      read: "Télécharge une pièce jointe d'une réponse à l'observatoire",
      remove: "Supprime une pièce jointe d'une réponse à l'observatoire",
    },
    removeErrors: [
      'observatory.campaign_not_open',
      'observatory.submission_validated',
      'observatory.submission_locked',
    ],
    readers: everyone,
    removers: answerers,
    read: getDocument,
    remove: deleteDocument,
  });

  r.get(
    '/api/observatory/submissions/:id/template.xlsx',
    {
      config: {
        access: everyone,
        render: true,
        errors: ['record.not_found', 'observatory.no_such_form', 'render.busy'],
      },
      schema: {
        summary: "Modèle XLSX d'une réponse à l'observatoire, à remplir hors ligne",
        tags,
        params: idParamsSchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const form = await withTenant(db, caller(request), (tx) =>
        getForm(tx, caller(request), request.params.id),
      );
      const name = `observatoire-${form.campaign.year}-${form.organisation.name}-${form.conventionType}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachmentDisposition(name))
        .header('cache-control', 'private, no-store')
        .send(await buildTemplate(form));
    },
  );
}
