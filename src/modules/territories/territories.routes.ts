import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { READERS, ROLES, TEAM } from '../../shared/policies.ts';
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
  projectDetailSchema,
  projectInputSchema,
  projectListQuerySchema,
  projectListSchema,
  projectPartSchema,
  projectPatchSchema,
  projectSchema,
  projectSessionSchema,
  sessionInputSchema,
  sessionPatchSchema,
  territoryMapSchema,
  territoryStatsSchema,
  yearSchema,
} from './territories.schemas.ts';
import { createProject, deleteProject, listProjects, updateProject } from './territories.service.ts';
import { projectsMap, territoryStats } from './territories.stats.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
// A member user reads the projects its organisation is involved in (checked by the service).
const involved = allow(...ROLES);
const tags = ['territories'];
const base = '/api/territories/projects';

export async function territoriesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    base,
    {
      config: { access: involved },
      schema: {
        summary: 'Projets territoriaux (PTCE, TZCLD, ZEST)',
        tags,
        querystring: projectListQuerySchema,
        response: { 200: projectListSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return { items: await withTenant(db, auth, (tx) => listProjects(tx, auth, request.query)) };
    },
  );

  r.get(
    `${base}/export.xlsx`,
    {
      config: { access: readers, render: true },
      schema: {
        summary: 'Exporte les projets territoriaux (XLSX)',
        tags,
        querystring: projectListQuerySchema,
        response: { 200: xlsxFile },
      },
    },
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
    {
      config: { access: involved, errors: ['territories.project_not_found'] },
      schema: {
        summary: 'Un projet territorial, ses membres, liens et sessions',
        tags,
        params: idParamsSchema,
        response: { 200: projectDetailSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => projectDetail(tx, auth, request.params.id));
    },
  );

  r.post(
    base,
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: 'Crée un projet territorial',
        tags,
        body: projectInputSchema,
        response: { 201: projectSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createProject(tx, request.body))),
  );

  r.patch(
    `${base}/:id`,
    {
      config: {
        access: team,
        errors: ['territories.project_not_found', 'territories.kind_has_sessions', 'validation.failed'],
      },
      schema: {
        summary: 'Modifie un projet territorial',
        tags,
        params: idParamsSchema,
        body: projectPatchSchema,
        response: { 200: projectSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateProject(tx, request.params.id, request.body)),
  );

  r.delete(
    `${base}/:id`,
    {
      config: { access: team, errors: ['territories.project_not_found'] },
      schema: {
        summary: 'Supprime un projet territorial',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteProject(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  const parts = [
    {
      path: 'members',
      add: addMember,
      remove: removeMember,
      body: memberInputSchema,
      summaries: ['Ajoute une structure au projet', 'Retire une structure du projet'],
      errors: {
        add: ['territories.project_not_found', 'territories.member_exists', 'validation.failed'],
        remove: ['territories.member_not_found'],
      },
    },
    {
      path: 'links',
      add: addLink,
      remove: removeLink,
      body: linkInputSchema,
      summaries: ['Relie le projet à une action ou un accompagnement', "Retire un lien d'un projet"],
      errors: {
        add: ['territories.project_not_found', 'territories.link_exists', 'validation.failed'],
        remove: ['territories.link_not_found'],
      },
    },
  ] as const;
  for (const part of parts) {
    r.post(
      `${base}/:id/${part.path}`,
      {
        config: { access: team, errors: part.errors.add },
        schema: {
          summary: part.summaries[0],
          tags,
          params: idParamsSchema,
          body: part.body,
          response: { 201: projectPartSchema },
        },
      },
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
      {
        config: { access: team, errors: part.errors.remove },
        schema: {
          summary: part.summaries[1],
          tags,
          params: childParamsSchema,
          response: { 204: z.null().describe('Retiré') },
        },
      },
      async (request, reply) => {
        const { id, childId } = request.params;
        await withTenant(db, caller(request), (tx) => part.remove(tx, id, childId));
        return reply.status(204).send(null);
      },
    );
  }

  r.post(
    `${base}/:id/sessions`,
    {
      config: {
        access: team,
        errors: ['territories.project_not_found', 'territories.sessions_only_zest', 'validation.failed'],
      },
      schema: {
        summary: "Ajoute une session de formation à un programme ZEST'",
        tags,
        params: idParamsSchema,
        body: sessionInputSchema,
        response: { 201: projectSessionSchema },
      },
    },
    async (request, reply) => {
      const row = await withTenant(db, caller(request), (tx) =>
        addSession(tx, request.params.id, request.body),
      );
      return reply.status(201).send(row);
    },
  );

  r.patch(
    `${base}/:id/sessions/:childId`,
    {
      config: { access: team, errors: ['territories.session_not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie une session d'un programme ZEST'",
        tags,
        params: childParamsSchema,
        body: sessionPatchSchema,
        response: { 200: projectSessionSchema },
      },
    },
    async (request) => {
      const { id, childId } = request.params;
      return withTenant(db, caller(request), (tx) => updateSession(tx, id, childId, request.body));
    },
  );

  r.delete(
    `${base}/:id/sessions/:childId`,
    {
      config: { access: team, errors: ['territories.session_not_found'] },
      schema: {
        summary: "Supprime une session d'un programme ZEST'",
        tags,
        params: childParamsSchema,
        response: { 204: z.null().describe('Supprimée') },
      },
    },
    async (request, reply) => {
      const { id, childId } = request.params;
      await withTenant(db, caller(request), (tx) => removeSession(tx, id, childId));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/territories/stats',
    {
      config: { access: readers },
      schema: {
        summary: "Chiffres des projets territoriaux d'une année : comptés et déclarés",
        tags,
        querystring: z.object({ year: yearSchema }),
        response: { 200: territoryStatsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => territoryStats(tx, request.query.year)),
  );

  r.get(
    '/api/territories/map',
    {
      config: { access: readers },
      schema: {
        summary: 'Projets par département (la carte)',
        tags,
        response: { 200: territoryMapSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => projectsMap(tx, auth.delegationId));
    },
  );
}
