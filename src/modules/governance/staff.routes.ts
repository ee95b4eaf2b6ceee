import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { staffInputSchema, staffParamsSchema, staffPatchSchema } from './staff.schemas.ts';
import { addStaffMember, listAllStaff, updateStaffMember } from './staff.service.ts';

const tags = ['governance'];

/** The team, as administrators manage it: add, change, end, link to an account. */
export async function staffRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/governance/staff/all',
    { config: { access: allow('admin') }, schema: { tags } },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listAllStaff(tx)),
    }),
  );
  r.post(
    '/api/governance/staff',
    { config: { access: allow('admin') }, schema: { tags, body: staffInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => addStaffMember(tx, request.body))),
  );
  r.patch(
    '/api/governance/staff/:id',
    {
      config: { access: allow('admin') },
      schema: { tags, params: staffParamsSchema, body: staffPatchSchema },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => updateStaffMember(tx, request.params.id, request.body));
      return reply.status(204).send();
    },
  );
}
