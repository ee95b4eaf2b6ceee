import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { READERS, ROLES, TEAM } from '../../shared/policies.ts';
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
  buyerListSchema,
  buyerSchema,
  candidateListSchema,
  idParams,
  matchesCreateSchema,
  matchListQuerySchema,
  matchListSchema,
  matchSchema,
  matchUpdateSchema,
  opportunityInputSchema,
  opportunityListQuerySchema,
  opportunityListSchema,
  opportunitySchema,
  purchasingStatsSchema,
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

const team = allow(...TEAM);
const readers = allow(...READERS);
// Members read open opportunities and their own follow-ups; the services narrow it down.
const everyone = allow(...ROLES);
const tags = ['purchasing'];
const deleted = { 204: z.null().describe('Supprimé') };

const sendXlsx = (reply: FastifyReply, name: string, file: Buffer) =>
  reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(file);

export async function purchasingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  // Buyers ------------------------------------------------------------------
  r.get(
    '/api/purchasing/buyers',
    {
      config: { access: readers },
      schema: { summary: 'Acheteurs', tags, response: { 200: buyerListSchema } },
    },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => listBuyers(tx, viewer)) };
    },
  );
  r.get(
    '/api/purchasing/buyers.xlsx',
    {
      config: { access: team, render: true },
      schema: { summary: 'Exporte les acheteurs (XLSX)', tags, response: { 200: xlsxFile } },
    },
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
    {
      config: { access: team },
      schema: { summary: 'Ajoute un acheteur', tags, body: buyerInputSchema, response: { 201: buyerSchema } },
    },
    async (request, reply) => {
      const viewer = caller(request);
      return reply
        .status(201)
        .send(await withTenant(db, viewer, (tx) => createBuyer(tx, viewer, request.body)));
    },
  );
  r.put(
    '/api/purchasing/buyers/:id',
    {
      config: { access: team, errors: ['purchasing.buyer_not_found'] },
      schema: {
        summary: 'Modifie un acheteur',
        tags,
        params: idParams,
        body: buyerInputSchema,
        response: { 200: buyerSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => updateBuyer(tx, viewer, request.params.id, request.body));
    },
  );
  r.delete(
    '/api/purchasing/buyers/:id',
    {
      config: { access: team, errors: ['purchasing.buyer_not_found'] },
      schema: { summary: 'Supprime un acheteur', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteBuyer(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  // Opportunities -------------------------------------------------------------
  r.get(
    '/api/purchasing/opportunities',
    {
      config: { access: everyone },
      schema: {
        summary: "Opportunités d'achat (les ouvertes pour un adhérent)",
        tags,
        querystring: opportunityListQuerySchema,
        response: { 200: opportunityListSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => listOpportunities(tx, viewer, request.query)) };
    },
  );
  r.get(
    '/api/purchasing/opportunities.xlsx',
    {
      config: { access: everyone, render: true },
      schema: {
        summary: "Exporte les opportunités d'achat (XLSX)",
        tags,
        querystring: opportunityListQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const viewer = caller(request);
      const items = await withTenant(db, viewer, (tx) => listOpportunities(tx, viewer, request.query));
      return sendXlsx(reply, 'opportunites', await opportunitiesXlsx(items));
    },
  );
  r.get(
    '/api/purchasing/opportunities/:id',
    {
      config: { access: everyone, errors: ['purchasing.opportunity_not_found'] },
      schema: {
        summary: "Une opportunité d'achat",
        tags,
        params: idParams,
        response: { 200: opportunitySchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => getOpportunity(tx, viewer, request.params.id));
    },
  );
  r.post(
    '/api/purchasing/opportunities',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: "Ajoute une opportunité d'achat",
        tags,
        body: opportunityInputSchema,
        response: { 201: opportunitySchema },
      },
    },
    async (request, reply) => {
      const viewer = caller(request);
      const created = await withTenant(db, viewer, (tx) => createOpportunity(tx, viewer, request.body));
      return reply.status(201).send(created);
    },
  );
  r.put(
    '/api/purchasing/opportunities/:id',
    {
      config: { access: team, errors: ['purchasing.opportunity_not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie une opportunité d'achat",
        tags,
        params: idParams,
        body: opportunityInputSchema,
        response: { 200: opportunitySchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => updateOpportunity(tx, viewer, request.params.id, request.body));
    },
  );
  r.delete(
    '/api/purchasing/opportunities/:id',
    {
      config: { access: team, errors: ['purchasing.opportunity_not_found'] },
      schema: { summary: "Supprime une opportunité d'achat", tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteOpportunity(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/purchasing/opportunities/:id/candidates',
    {
      config: { access: team, errors: ['purchasing.opportunity_not_found'] },
      schema: {
        summary: 'Adhérents à proposer pour une opportunité, classés',
        tags,
        params: idParams,
        response: { 200: candidateListSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => candidatesFor(tx, viewer, request.params.id)) };
    },
  );
  r.post(
    '/api/purchasing/opportunities/:id/matches',
    {
      config: { access: team, errors: ['purchasing.opportunity_not_found', 'validation.failed'] },
      schema: {
        summary: 'Propose des adhérents pour une opportunité',
        tags,
        params: idParams,
        body: matchesCreateSchema,
        response: { 201: matchListSchema },
      },
    },
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
    {
      config: { access: everyone },
      schema: {
        summary: 'Suivis des propositions (les siens pour un adhérent)',
        tags,
        querystring: matchListQuerySchema,
        response: { 200: matchListSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => listMatches(tx, viewer, request.query)) };
    },
  );
  r.get(
    '/api/purchasing/matches.xlsx',
    {
      config: { access: everyone, render: true },
      schema: {
        summary: 'Exporte les suivis des propositions (XLSX)',
        tags,
        querystring: matchListQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const viewer = caller(request);
      const items = await withTenant(db, viewer, (tx) => listMatches(tx, viewer, request.query));
      return sendXlsx(reply, 'suivis-achats', await matchesXlsx(items));
    },
  );
  r.patch(
    '/api/purchasing/matches/:id',
    {
      config: {
        access: allow(...TEAM, 'member'),
        errors: ['purchasing.match_not_found', 'validation.failed'],
      },
      schema: {
        summary: "Met à jour le suivi d'une proposition",
        tags,
        params: idParams,
        body: matchUpdateSchema,
        response: { 200: matchSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => updateMatch(tx, viewer, request.params.id, request.body));
    },
  );
  r.delete(
    '/api/purchasing/matches/:id',
    {
      config: { access: team, errors: ['purchasing.match_not_found'] },
      schema: { summary: 'Supprime une proposition', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteMatch(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/purchasing/stats',
    {
      config: { access: readers },
      schema: {
        summary: "Chiffres des achats d'une année : comptés et déclarés",
        tags,
        querystring: z.object({ year: yearSchema }),
        response: { 200: purchasingStatsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => purchasingStats(tx, request.query.year)),
  );
}
