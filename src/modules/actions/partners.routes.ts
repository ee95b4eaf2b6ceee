import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { presentFor } from '../../server/audiences.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import {
  idParamsSchema,
  partnerAudiences,
  partnerInputSchema,
  partnerListQuerySchema,
  partnerListSchema,
  partnerPatchSchema,
  partnerSchema,
} from './actions.schemas.ts';
import { createPartner, deletePartner, listPartners, updatePartner } from './partners.service.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
const tags = ['actions'];

/** The partners and funders registry (`/partenaires`). */
export async function partnersRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/partners',
    {
      config: { access: readers },
      schema: {
        summary: 'Registre des partenaires et financeurs',
        tags,
        querystring: partnerListQuerySchema,
        response: { 200: partnerListSchema },
      },
    },
    async (request) => {
      const rows = await withTenant(db, caller(request), (tx) => listPartners(tx, request.query));
      return { items: rows.map((row) => presentFor(row, partnerAudiences, caller(request))) };
    },
  );
  r.post(
    '/api/partners',
    {
      config: { access: team, errors: ['validation.failed', 'partners.name_taken'] },
      schema: {
        summary: 'Ajoute un partenaire',
        tags,
        body: partnerInputSchema,
        response: { 201: partnerSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createPartner(tx, request.body))),
  );
  r.patch(
    '/api/partners/:id',
    {
      config: { access: team, errors: ['partners.not_found', 'validation.failed', 'partners.name_taken'] },
      schema: {
        summary: 'Modifie un partenaire',
        tags,
        params: idParamsSchema,
        body: partnerPatchSchema,
        response: { 200: partnerSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updatePartner(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/partners/:id',
    {
      config: { access: team, errors: ['partners.not_found', 'partners.in_use'] },
      schema: {
        summary: 'Supprime un partenaire (cité par aucune action)',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Partenaire supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deletePartner(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
