import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { ROLES, TEAM } from '../../shared/policies.ts';
import { fundersXlsx } from './funders.export.ts';
import {
  funderInputSchema,
  funderListQuerySchema,
  funderListSchema,
  funderMatchSchema,
  funderPatchSchema,
  funderSchema,
  funderStatsSchema,
  matchInputSchema,
} from './funders.schemas.ts';
import {
  createFunder,
  deleteFunder,
  fundersInGuide,
  getFunder,
  listFunders,
  matchFunders,
  updateFunder,
} from './funders.service.ts';

const team = allow(...TEAM);
// The guide is for members too: every role reads it and may search it for a project.
const readers = allow(...ROLES);
const tags = ['funders'];
const params = z.object({ id: z.uuid() });

export async function fundersRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/funders',
    {
      config: { access: readers },
      schema: {
        summary: 'Guide des financeurs (filtré)',
        tags,
        querystring: funderListQuerySchema,
        response: { 200: funderListSchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listFunders(tx, request.query)),
    }),
  );

  r.get(
    '/api/funders/export.xlsx',
    {
      config: { access: readers, render: true },
      schema: {
        summary: 'Exporte le guide des financeurs (XLSX)',
        tags,
        querystring: funderListQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const items = await withTenant(db, caller(request), (tx) => listFunders(tx, request.query));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="guide-des-financeurs.xlsx"')
        .send(await fundersXlsx(items));
    },
  );

  r.get(
    '/api/funders/stats',
    {
      config: { access: readers },
      schema: {
        summary: 'Nombre de financeurs du guide',
        tags,
        response: { 200: funderStatsSchema },
      },
    },
    async (request) => ({
      total: await withTenant(db, caller(request), (tx) => fundersInGuide(tx)),
    }),
  );

  r.post(
    '/api/funders/match',
    {
      config: {
        access: readers,
        errors: ['funders.own_organisation_only', 'funders.organisation_not_found', 'validation.failed'],
      },
      schema: {
        summary: "Cherche les financeurs d'un projet, classés",
        tags,
        body: matchInputSchema,
        response: { 200: funderMatchSchema },
      },
    },
    async (request) => {
      const who = caller(request);
      return withTenant(db, who, (tx) => matchFunders(tx, request.body, who));
    },
  );

  r.get(
    '/api/funders/:id',
    {
      config: { access: readers, errors: ['funders.not_found'] },
      schema: { summary: "Fiche d'un financeur", tags, params, response: { 200: funderSchema } },
    },
    async (request) => withTenant(db, caller(request), (tx) => getFunder(tx, request.params.id)),
  );

  r.post(
    '/api/funders',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: 'Ajoute un financeur au guide',
        tags,
        body: funderInputSchema,
        response: { 201: funderSchema },
      },
    },
    async (request, reply) => {
      const funder = await withTenant(db, caller(request), (tx) => createFunder(tx, request.body));
      return reply.status(201).send(funder);
    },
  );

  r.patch(
    '/api/funders/:id',
    {
      config: { access: team, errors: ['funders.not_found', 'validation.failed'] },
      schema: {
        summary: 'Modifie un financeur',
        tags,
        params,
        body: funderPatchSchema,
        response: { 200: funderSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateFunder(tx, request.params.id, request.body)),
  );

  r.delete(
    '/api/funders/:id',
    {
      config: { access: team, errors: ['funders.not_found'] },
      schema: {
        summary: 'Retire un financeur du guide',
        tags,
        params,
        response: { 204: z.null().describe('Supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteFunder(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
