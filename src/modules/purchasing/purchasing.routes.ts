import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { buyersXlsx, matchesXlsx, opportunitiesXlsx } from './purchasing.export.ts';
import {
  candidatesFor,
  deleteMatch,
  listMatches,
  purchasingStats,
  putForward,
  updateMatch,
} from './purchasing.matches.ts';
import {
  buyerInputSchema,
  idParams,
  matchesCreateSchema,
  matchListQuerySchema,
  matchUpdateSchema,
  opportunityInputSchema,
  opportunityListQuerySchema,
  yearSchema,
} from './purchasing.schemas.ts';
import {
  createBuyer,
  createOpportunity,
  deleteBuyer,
  deleteOpportunity,
  getOpportunity,
  listBuyers,
  listOpportunities,
  updateBuyer,
  updateOpportunity,
} from './purchasing.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
// Members read open opportunities and their own follow-ups; the services narrow it down.
const everyone = allow('admin', 'staff', 'board', 'member');
const tags = ['purchasing'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sendXlsx = (reply: FastifyReply, name: string, file: Buffer) =>
  reply.type(XLSX).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(file);

export async function purchasingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  // Buyers ------------------------------------------------------------------
  r.get('/api/purchasing/buyers', { config: { access: readers }, schema: { tags } }, async (request) => {
    const viewer = caller(request);
    return { items: await withTenant(db, viewer, (tx) => listBuyers(tx, viewer)) };
  });
  r.get(
    '/api/purchasing/buyers.xlsx',
    { config: { access: team, render: true }, schema: { tags } },
    async (request, reply) => {
      const viewer = caller(request);
      return sendXlsx(
        reply,
        'acheteurs',
        await buyersXlsx(await withTenant(db, viewer, (tx) => listBuyers(tx, viewer))),
      );
    },
  );
  r.post(
    '/api/purchasing/buyers',
    { config: { access: team }, schema: { tags, body: buyerInputSchema } },
    async (request, reply) => {
      const viewer = caller(request);
      return reply
        .status(201)
        .send(await withTenant(db, viewer, (tx) => createBuyer(tx, viewer, request.body)));
    },
  );
  r.put(
    '/api/purchasing/buyers/:id',
    { config: { access: team }, schema: { tags, params: idParams, body: buyerInputSchema } },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => updateBuyer(tx, viewer, request.params.id, request.body));
    },
  );
  r.delete(
    '/api/purchasing/buyers/:id',
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteBuyer(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  // Opportunities -------------------------------------------------------------
  r.get(
    '/api/purchasing/opportunities',
    { config: { access: everyone }, schema: { tags, querystring: opportunityListQuerySchema } },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => listOpportunities(tx, viewer, request.query)) };
    },
  );
  r.get(
    '/api/purchasing/opportunities.xlsx',
    { config: { access: everyone, render: true }, schema: { tags, querystring: opportunityListQuerySchema } },
    async (request, reply) => {
      const viewer = caller(request);
      const items = await withTenant(db, viewer, (tx) => listOpportunities(tx, viewer, request.query));
      return sendXlsx(reply, 'opportunites', await opportunitiesXlsx(items));
    },
  );
  r.get(
    '/api/purchasing/opportunities/:id',
    { config: { access: everyone }, schema: { tags, params: idParams } },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => getOpportunity(tx, viewer, request.params.id));
    },
  );
  r.post(
    '/api/purchasing/opportunities',
    { config: { access: team }, schema: { tags, body: opportunityInputSchema } },
    async (request, reply) => {
      const viewer = caller(request);
      const created = await withTenant(db, viewer, (tx) => createOpportunity(tx, viewer, request.body));
      return reply.status(201).send(created);
    },
  );
  r.put(
    '/api/purchasing/opportunities/:id',
    { config: { access: team }, schema: { tags, params: idParams, body: opportunityInputSchema } },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => updateOpportunity(tx, viewer, request.params.id, request.body));
    },
  );
  r.delete(
    '/api/purchasing/opportunities/:id',
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteOpportunity(tx, request.params.id));
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/purchasing/opportunities/:id/candidates',
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => candidatesFor(tx, viewer, request.params.id)) };
    },
  );
  r.post(
    '/api/purchasing/opportunities/:id/matches',
    { config: { access: team }, schema: { tags, params: idParams, body: matchesCreateSchema } },
    async (request, reply) => {
      const viewer = caller(request);
      const items = await withTenant(db, viewer, (tx) =>
        putForward(tx, viewer, request.params.id, request.body.organisationIds),
      );
      return reply.status(201).send({ items });
    },
  );

  // Follow-ups ----------------------------------------------------------------
  r.get(
    '/api/purchasing/matches',
    { config: { access: everyone }, schema: { tags, querystring: matchListQuerySchema } },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => listMatches(tx, viewer, request.query)) };
    },
  );
  r.get(
    '/api/purchasing/matches.xlsx',
    { config: { access: everyone, render: true }, schema: { tags, querystring: matchListQuerySchema } },
    async (request, reply) => {
      const viewer = caller(request);
      const items = await withTenant(db, viewer, (tx) => listMatches(tx, viewer, request.query));
      return sendXlsx(reply, 'suivis-achats', await matchesXlsx(items));
    },
  );
  r.patch(
    '/api/purchasing/matches/:id',
    {
      config: { access: allow('admin', 'staff', 'member') },
      schema: { tags, params: idParams, body: matchUpdateSchema },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => updateMatch(tx, viewer, request.params.id, request.body));
    },
  );
  r.delete(
    '/api/purchasing/matches/:id',
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteMatch(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/purchasing/stats',
    { config: { access: readers }, schema: { tags, querystring: z.object({ year: yearSchema }) } },
    async (request) => withTenant(db, caller(request), (tx) => purchasingStats(tx, request.query.year)),
  );
}
