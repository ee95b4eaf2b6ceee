import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
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
  timeEntryInputSchema,
  yearQuerySchema,
} from './support.schemas.ts';
import { createFile, deleteFile, getFile, listFiles, listOwners, updateFile } from './support.service.ts';
import { addNote, addTimeEntry, deleteNote, deleteTimeEntry } from './work.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
// Member users read their own organisation's files (the service narrows them to it).
const fileReaders = allow('admin', 'staff', 'board', 'member');
const tags = ['support'];

export async function supportRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/support/owners', { config: { access: readers }, schema: { tags } }, async (request) => ({
    items: await withTenant(db, caller(request), (tx) => listOwners(tx)),
  }));

  r.get(
    '/api/support/files',
    { config: { access: fileReaders }, schema: { tags, querystring: fileListQuerySchema } },
    async (request) => withTenant(db, caller(request), (tx) => listFiles(tx, caller(request), request.query)),
  );
  r.post(
    '/api/support/files',
    { config: { access: team }, schema: { tags, body: fileInputSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => createFile(tx, caller(request), request.body))),
  );
  r.get(
    '/api/support/files/:id',
    { config: { access: fileReaders }, schema: { tags, params: idParamsSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => getFile(tx, caller(request), request.params.id)),
  );
  r.patch(
    '/api/support/files/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: filePatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        updateFile(tx, caller(request), request.params.id, request.body),
      ),
  );
  r.delete(
    '/api/support/files/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteFile(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/support/files/:id/time',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: timeEntryInputSchema } },
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
    { config: { access: team }, schema: { tags, params: entryParamsSchema } },
    async (request, reply) => {
      const { id, entryId } = request.params;
      await withTenant(db, caller(request), (tx) => deleteTimeEntry(tx, caller(request), id, entryId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/support/files/:id/notes',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: noteInputSchema } },
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
    { config: { access: team }, schema: { tags, params: entryParamsSchema } },
    async (request, reply) => {
      const { id, entryId } = request.params;
      await withTenant(db, caller(request), (tx) => deleteNote(tx, caller(request), id, entryId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/support/dashboard',
    { config: { access: team }, schema: { tags, querystring: dashboardQuerySchema } },
    async (request) => {
      const owner = request.query.ownerUserId ?? caller(request).userId;
      return withTenant(db, caller(request), (tx) => supportDashboard(tx, owner));
    },
  );
  r.get(
    '/api/support/stats',
    { config: { access: readers }, schema: { tags, querystring: yearQuerySchema } },
    async (request) => withTenant(db, caller(request), (tx) => supportStats(tx, request.query.year)),
  );

  await documentsRoutes(app, deps);
  await interviewsRoutes(app, deps);
}
