import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { ADMINS } from '../../shared/policies.ts';
import {
  staffCreatedSchema,
  staffInputSchema,
  staffParamsSchema,
  staffPatchSchema,
  staffRecordListSchema,
} from './staff.schemas.ts';
import { addStaffMember, listAllStaff, updateStaffMember } from './staff.service.ts';

const tags = ['governance'];
const admins = allow(...ADMINS);

/** The team, as administrators manage it: add, change, end, link to an account. */
export async function staffRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/governance/staff/all',
    {
      config: { access: admins },
      schema: {
        summary: "Toute l'équipe salariée, anciens compris (administration)",
        tags,
        response: { 200: staffRecordListSchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listAllStaff(tx)),
    }),
  );
  r.post(
    '/api/governance/staff',
    {
      config: { access: admins, errors: ['validation.failed'] },
      schema: {
        summary: "Ajoute une personne à l'équipe",
        tags,
        body: staffInputSchema,
        response: { 201: staffCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => addStaffMember(tx, request.body))),
  );
  r.patch(
    '/api/governance/staff/:id',
    {
      config: { access: admins, errors: ['governance.staff_not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie, termine ou relie à un compte une personne de l'équipe",
        tags,
        params: staffParamsSchema,
        body: staffPatchSchema,
        response: { 204: z.null().describe('Personne modifiée') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => updateStaffMember(tx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  );
}
