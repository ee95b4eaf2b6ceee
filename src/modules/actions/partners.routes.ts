import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { presentFor } from '../../server/audiences.ts';
import {
  idParamsSchema,
  partnerAudiences,
  partnerInputSchema,
  partnerListQuerySchema,
  partnerPatchSchema,
} from './actions.schemas.ts';
import { createPartner, deletePartner, listPartners, updatePartner } from './partners.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
const tags = ['actions'];

/** The partners and funders registry (`/partenaires`). */
export async function partnersRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/partners',
    { config: { access: readers }, schema: { tags, querystring: partnerListQuerySchema } },
    async (request) => {
      const rows = await withTenant(db, caller(request), (tx) => listPartners(tx, request.query));
      return { items: rows.map((row) => presentFor(row, partnerAudiences, caller(request))) };
    },
  );
  r.post(
    '/api/partners',
    { config: { access: team }, schema: { tags, body: partnerInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createPartner(tx, request.body))),
  );
  r.patch(
    '/api/partners/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: partnerPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updatePartner(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/partners/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deletePartner(tx, request.params.id));
      return reply.status(204).send();
    },
  );
}
