import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import { supportDashboard, supportStats } from './dashboard.service.ts';
import { documentsRoutes } from './documents.routes.ts';
import { interviewsRoutes } from './interviews.routes.ts';
import {
  dashboardQuerySchema,
  entryParamsSchema,
  fileInputSchema,
  fileListQuerySchema,
  filePatchSchema,
  idParamsSchema,
  noteInputSchema,
  supportDashboardSchema,
  supportFileListSchema,
  supportFileSchema,
  supportNoteSchema,
  supportOwnerSchema,
  supportStatsSchema,
  supportTimeEntrySchema,
  timeEntryInputSchema,
  yearQuerySchema,
} from './support.schemas.ts';
import { createFile, deleteFile, getFile, listFiles, listOwners, updateFile } from './support.service.ts';
import { addNote, addTimeEntry, deleteNote, deleteTimeEntry } from './work.service.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
// Member users read their own organisation's files (the service narrows them to it).
const fileReaders = allow(...READERS, 'member');
const deleted = (what: string) => ({ 204: z.null().describe(what) });
const tags = ['support'];

export async function supportRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/support/owners',
    {
      config: { access: readers },
      schema: {
        summary: "Membres de l'équipe à qui confier un dossier",
        tags,
        response: { 200: z.object({ items: z.array(supportOwnerSchema) }) },
      },
    },
    async (request) => ({ items: await withTenant(db, caller(request), (tx) => listOwners(tx)) }),
  );

  r.get(
    '/api/support/files',
    {
      config: { access: fileReaders },
      schema: {
        summary: "Dossiers d'accompagnement (ceux de sa structure pour un adhérent)",
        tags,
        querystring: fileListQuerySchema,
        response: { 200: supportFileListSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => listFiles(tx, caller(request), request.query)),
  );
  r.post(
    '/api/support/files',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: "Ouvre un dossier d'accompagnement",
        tags,
        body: fileInputSchema,
        response: { 201: supportFileSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => createFile(tx, caller(request), request.body))),
  );
  r.get(
    '/api/support/files/:id',
    {
      config: { access: fileReaders, errors: ['record.not_found'] },
      schema: {
        summary: "Un dossier d'accompagnement, ses documents, son temps et ses notes",
        tags,
        params: idParamsSchema,
        response: { 200: supportFileSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => getFile(tx, caller(request), request.params.id)),
  );
  r.patch(
    '/api/support/files/:id',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie un dossier d'accompagnement",
        tags,
        params: idParamsSchema,
        body: filePatchSchema,
        response: { 200: supportFileSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        updateFile(tx, caller(request), request.params.id, request.body),
      ),
  );
  r.delete(
    '/api/support/files/:id',
    {
      config: { access: team, errors: ['record.not_found'] },
      schema: {
        summary: "Supprime un dossier d'accompagnement",
        tags,
        params: idParamsSchema,
        response: deleted('Dossier supprimé'),
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteFile(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/support/files/:id/time',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: 'Note du temps passé sur un dossier',
        tags,
        params: idParamsSchema,
        body: timeEntryInputSchema,
        response: { 201: supportTimeEntrySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTenant(db, caller(request), (tx) =>
            addTimeEntry(tx, caller(request), request.params.id, request.body),
          ),
        ),
  );
  r.delete(
    '/api/support/files/:id/time/:entryId',
    {
      config: { access: team, errors: ['record.not_found', 'support.not_author'] },
      schema: {
        summary: 'Supprime un temps noté sur un dossier',
        tags,
        params: entryParamsSchema,
        response: deleted('Temps supprimé'),
      },
    },
    async (request, reply) => {
      const { id, entryId } = request.params;
      await withTenant(db, caller(request), (tx) => deleteTimeEntry(tx, caller(request), id, entryId));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/support/files/:id/notes',
    {
      config: { access: team, errors: ['record.not_found'] },
      schema: {
        summary: 'Ajoute une note à un dossier',
        tags,
        params: idParamsSchema,
        body: noteInputSchema,
        response: { 201: supportNoteSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTenant(db, caller(request), (tx) =>
            addNote(tx, caller(request), request.params.id, request.body.body),
          ),
        ),
  );
  r.delete(
    '/api/support/files/:id/notes/:entryId',
    {
      config: { access: team, errors: ['record.not_found', 'support.not_author'] },
      schema: {
        summary: "Supprime une note d'un dossier",
        tags,
        params: entryParamsSchema,
        response: deleted('Note supprimée'),
      },
    },
    async (request, reply) => {
      const { id, entryId } = request.params;
      await withTenant(db, caller(request), (tx) => deleteNote(tx, caller(request), id, entryId));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/support/dashboard',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: "Tableau de bord d'un chargé d'accompagnement : échéances, temps du mois",
        tags,
        querystring: dashboardQuerySchema,
        response: { 200: supportDashboardSchema },
      },
    },
    async (request) => {
      const owner = request.query.ownerUserId ?? caller(request).userId;
      return withTenant(db, caller(request), (tx) => supportDashboard(tx, owner));
    },
  );
  r.get(
    '/api/support/stats',
    {
      config: { access: readers },
      schema: {
        summary: "Chiffres de l'accompagnement d'une année",
        tags,
        querystring: yearQuerySchema,
        response: { 200: supportStatsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => supportStats(tx, request.query.year)),
  );

  await documentsRoutes(app, deps);
  await interviewsRoutes(app, deps);
}
