import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX } from './certifications.routes.ts';
import {
  createCohort,
  deleteCohort,
  listCohorts,
  setCohortMembers,
  setCohortSessions,
  updateCohort,
} from './cohorts.service.ts';
import { toXlsx } from './quality-approaches.export.ts';
import { cohortColumns } from './quality-approaches.lists.ts';
import {
  cohortInputSchema,
  cohortMembersSchema,
  cohortSessionsSchema,
  idParams,
} from './quality-approaches.schemas.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
const tags = ['quality-approaches'];
const base = '/api/quality-approaches/cohorts';

export async function cohortsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(base, { config: { access: readers }, schema: { tags } }, async (request) =>
    withTenant(db, caller(request), (tx) => listCohorts(tx)),
  );
  r.get(`${base}.xlsx`, { config: { access: readers }, schema: { tags } }, async (request, reply) => {
    const items = await withTenant(db, caller(request), (tx) => listCohorts(tx));
    return reply
      .type(XLSX)
      .header('content-disposition', 'attachment; filename="groupes.xlsx"')
      .send(await toXlsx('Groupes', cohortColumns, items));
  });
  r.post(
    base,
    { config: { access: team }, schema: { tags, body: cohortInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createCohort(tx, request.body))),
  );
  r.put(
    `${base}/:id`,
    { config: { access: team }, schema: { tags, params: idParams, body: cohortInputSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateCohort(tx, request.params.id, request.body)),
  );
  r.delete(
    `${base}/:id`,
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteCohort(tx, request.params.id));
      return reply.status(204).send();
    },
  );
  r.put(
    `${base}/:id/members`,
    { config: { access: team }, schema: { tags, params: idParams, body: cohortMembersSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        setCohortMembers(tx, request.params.id, request.body.organisationIds),
      ),
  );
  r.put(
    `${base}/:id/sessions`,
    { config: { access: team }, schema: { tags, params: idParams, body: cohortSessionsSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        setCohortSessions(tx, request.params.id, request.body.actionIds),
      ),
  );
}
