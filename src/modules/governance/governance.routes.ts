import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller, SIGNED_IN } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { todayInFrance } from '../members/members.queries.ts';
import {
  assemblyInputSchema,
  assemblyPatchSchema,
  boardAtQuerySchema,
  groupInputSchema,
  groupPatchSchema,
  idParamsSchema,
  mandateInputSchema,
  mandatePatchSchema,
  mandatesQuerySchema,
} from './governance.schemas.ts';
import {
  boardAt,
  createAssembly,
  createMandate,
  listAssemblies,
  listStaff,
  mandateHistory,
  updateAssembly,
  updateMandate,
} from './governance.service.ts';
import { createGroup, deleteGroup, listGroups, updateGroup } from './groups.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
const tags = ['governance'];

export async function governanceRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  // The board and the staff are printed in the activity report: every signed-in user sees them.
  r.get(
    '/api/governance/board',
    { config: { access: SIGNED_IN }, schema: { tags, querystring: boardAtQuerySchema } },
    async (request) => {
      const at = request.query.at ?? todayInFrance();
      return { at, items: await withTenant(db, caller(request), (tx) => boardAt(tx, at)) };
    },
  );
  r.get('/api/governance/staff', { config: { access: SIGNED_IN }, schema: { tags } }, async (request) => ({
    items: await withTenant(db, caller(request), (tx) => listStaff(tx)),
  }));

  r.get('/api/governance/assemblies', { config: { access: readers }, schema: { tags } }, async (request) => ({
    items: await withTenant(db, caller(request), (tx) => listAssemblies(tx)),
  }));
  r.post(
    '/api/governance/assemblies',
    { config: { access: team }, schema: { tags, body: assemblyInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createAssembly(tx, request.body))),
  );
  r.patch(
    '/api/governance/assemblies/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: assemblyPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateAssembly(tx, request.params.id, request.body)),
  );

  r.get(
    '/api/governance/mandates',
    { config: { access: readers }, schema: { tags, querystring: mandatesQuerySchema } },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => mandateHistory(tx, request.query)),
    }),
  );
  r.post(
    '/api/governance/mandates',
    { config: { access: team }, schema: { tags, body: mandateInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createMandate(tx, request.body))),
  );
  r.patch(
    '/api/governance/mandates/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: mandatePatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateMandate(tx, request.params.id, request.body)),
  );

  r.get('/api/governance/groups', { config: { access: readers }, schema: { tags } }, async (request) => ({
    items: await withTenant(db, caller(request), (tx) => listGroups(tx)),
  }));
  r.post(
    '/api/governance/groups',
    { config: { access: team }, schema: { tags, body: groupInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createGroup(tx, request.body))),
  );
  r.patch(
    '/api/governance/groups/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: groupPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateGroup(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/governance/groups/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteGroup(tx, request.params.id));
      return reply.status(204).send();
    },
  );
}
