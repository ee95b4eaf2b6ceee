import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { todayInFrance } from '../members/members.queries.ts';
import {
  addLink,
  addMember,
  addSession,
  projectDetail,
  removeLink,
  removeMember,
  removeSession,
  updateSession,
} from './parts.service.ts';
import { projectsXlsx } from './territories.export.ts';
import {
  childParamsSchema,
  idParamsSchema,
  linkInputSchema,
  memberInputSchema,
  projectInputSchema,
  projectListQuerySchema,
  projectPatchSchema,
  sessionInputSchema,
  sessionPatchSchema,
  yearSchema,
} from './territories.schemas.ts';
import { createProject, deleteProject, listProjects, updateProject } from './territories.service.ts';
import { projectsMap, territoryStats } from './territories.stats.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
// A member user reads the projects its organisation is involved in (checked by the service).
const involved = allow('admin', 'staff', 'board', 'member');
const tags = ['territories'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const base = '/api/territories/projects';

export async function territoriesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    base,
    { config: { access: involved }, schema: { tags, querystring: projectListQuerySchema } },
    async (request) => {
      const auth = caller(request);
      return { items: await withTenant(db, auth, (tx) => listProjects(tx, auth, request.query)) };
    },
  );

  r.get(
    `${base}/export.xlsx`,
    { config: { access: readers, render: true }, schema: { tags, querystring: projectListQuerySchema } },
    async (request, reply) => {
      const auth = caller(request);
      const items = await withTenant(db, auth, (tx) => listProjects(tx, auth, request.query));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="projets-territoriaux-${todayInFrance()}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(await projectsXlsx(items));
    },
  );

  r.get(
    `${base}/:id`,
    { config: { access: involved }, schema: { tags, params: idParamsSchema } },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => projectDetail(tx, auth, request.params.id));
    },
  );

  r.post(
    base,
    { config: { access: team }, schema: { tags, body: projectInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createProject(tx, request.body))),
  );

  r.patch(
    `${base}/:id`,
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: projectPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateProject(tx, request.params.id, request.body)),
  );

  r.delete(
    `${base}/:id`,
    { config: { access: team }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteProject(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  const parts = [
    { path: 'members', add: addMember, remove: removeMember, body: memberInputSchema },
    { path: 'links', add: addLink, remove: removeLink, body: linkInputSchema },
  ] as const;
  for (const part of parts) {
    r.post(
      `${base}/:id/${part.path}`,
      { config: { access: team }, schema: { tags, params: idParamsSchema, body: part.body } },
      async (request, reply) => {
        const row = await withTenant(db, caller(request), (tx) =>
          // biome-ignore lint/suspicious/noExplicitAny: each part's body is validated by its own schema above
          part.add(tx, request.params.id, request.body as any),
        );
        return reply.status(201).send(row);
      },
    );
    r.delete(
      `${base}/:id/${part.path}/:childId`,
      { config: { access: team }, schema: { tags, params: childParamsSchema } },
      async (request, reply) => {
        const { id, childId } = request.params;
        await withTenant(db, caller(request), (tx) => part.remove(tx, id, childId));
        return reply.status(204).send();
      },
    );
  }

  r.post(
    `${base}/:id/sessions`,
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: sessionInputSchema } },
    async (request, reply) => {
      const row = await withTenant(db, caller(request), (tx) =>
        addSession(tx, request.params.id, request.body),
      );
      return reply.status(201).send(row);
    },
  );

  r.patch(
    `${base}/:id/sessions/:childId`,
    { config: { access: team }, schema: { tags, params: childParamsSchema, body: sessionPatchSchema } },
    async (request) => {
      const { id, childId } = request.params;
      return withTenant(db, caller(request), (tx) => updateSession(tx, id, childId, request.body));
    },
  );

  r.delete(
    `${base}/:id/sessions/:childId`,
    { config: { access: team }, schema: { tags, params: childParamsSchema } },
    async (request, reply) => {
      const { id, childId } = request.params;
      await withTenant(db, caller(request), (tx) => removeSession(tx, id, childId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/territories/stats',
    { config: { access: readers }, schema: { tags, querystring: z.object({ year: yearSchema }) } },
    async (request) => withTenant(db, caller(request), (tx) => territoryStats(tx, request.query.year)),
  );

  r.get('/api/territories/map', { config: { access: readers }, schema: { tags } }, async (request) => {
    const auth = caller(request);
    return withTenant(db, auth, (tx) => projectsMap(tx, auth.delegationId));
  });
}
