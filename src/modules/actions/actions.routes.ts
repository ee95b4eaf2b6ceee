import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { notFound } from '../../server/errors.ts';
import { jsonBody, sendJsonBody } from '../../server/json-body.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { canSeeOrganisation, READERS, TEAM } from '../../shared/policies.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { actionsXlsx } from './actions.export.ts';
import { allActions, chronicle, listActions } from './actions.queries.ts';
import {
  actionChronicleSchema,
  actionDetailSchema,
  actionFiltersSchema,
  actionInputSchema,
  actionListQuerySchema,
  actionListSchema,
  actionPatchSchema,
  chronicleQuerySchema,
  idParamsSchema,
  organisationActionsQuerySchema,
  organisationActionsSchema,
} from './actions.schemas.ts';
import {
  actionsOfOrganisation,
  createAction,
  deleteAction,
  getAction,
  updateAction,
} from './actions.service.ts';
import { partnersRoutes } from './partners.routes.ts';
import { publicActionsRoutes } from './public.routes.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
const tags = ['actions'];

/**
 * The actions chronicle (back-office), a member's actions, the partners registry and the
 * public agenda. Routes stay thin: the schema checks the shape, `config.access` the role,
 * the service the rest inside one tenant transaction.
 */
export async function actionsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  await partnersRoutes(app, deps);
  await publicActionsRoutes(app, deps);

  r.get(
    '/api/actions',
    {
      config: { access: readers },
      schema: {
        summary: 'Liste des actions (filtrée, paginée)',
        tags,
        querystring: actionListQuerySchema,
        response: { 200: actionListSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => listActions(tx, request.query)),
  );

  r.get(
    '/api/actions/export.xlsx',
    {
      config: { access: readers, render: true, errors: ['render.busy'] },
      schema: {
        summary: 'Export des actions filtrées (XLSX)',
        tags,
        querystring: actionFiltersSchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const items = await withTenant(db, caller(request), (tx) => allActions(tx, request.query));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="actions-${todayInFrance()}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(await actionsXlsx(items));
    },
  );

  r.get(
    '/api/actions/chronicle',
    {
      config: { access: readers },
      schema: {
        summary: "Chronique d'une année, mois par mois",
        tags,
        querystring: chronicleQuerySchema,
        response: { 200: actionChronicleSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const year = request.query.year ?? Number(todayInFrance().slice(0, 4));
      // The team's chronicle is the same for everyone of the delegation: kept serialised.
      const body = await deps.actionsCache.get(auth.delegationId, `chronicle:${year}`, async () =>
        jsonBody(await withTenant(db, auth, (tx) => chronicle(tx, year, { publicOnly: false }))),
      );
      // Already serialised (the schema above documents its shape): sent as stored.
      return sendJsonBody(request, reply as unknown as FastifyReply, body);
    },
  );

  r.post(
    '/api/actions',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: 'Enregistre une action',
        tags,
        body: actionInputSchema,
        response: { 201: actionDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createAction(tx, request.body))),
  );
  r.get(
    '/api/actions/:id',
    {
      config: { access: readers, errors: ['actions.not_found'] },
      schema: {
        summary: "Fiche d'une action",
        tags,
        params: idParamsSchema,
        response: { 200: actionDetailSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => getAction(tx, request.params.id)),
  );
  r.patch(
    '/api/actions/:id',
    {
      config: { access: team, errors: ['actions.not_found', 'validation.failed'] },
      schema: {
        summary: 'Corrige une action',
        tags,
        params: idParamsSchema,
        body: actionPatchSchema,
        response: { 200: actionDetailSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateAction(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/actions/:id',
    {
      config: { access: team, errors: ['actions.not_found'] },
      schema: {
        summary: 'Supprime une action',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Action supprimée') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteAction(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  // A member user sees its own organisation's actions; any other organisation is "not found",
  // as on the registry's routes.
  r.get(
    '/api/members/organisations/:id/actions',
    {
      config: { access: allow(...READERS, 'member'), errors: ['record.not_found'] },
      schema: {
        summary: 'Actions auxquelles un adhérent a pris part',
        tags,
        params: idParamsSchema,
        querystring: organisationActionsQuerySchema,
        response: { 200: organisationActionsSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const { id } = request.params;
      const { year } = request.query;
      // Checked before the cache: a member user reaches only its own organisation.
      if (!canSeeOrganisation(auth, id)) throw notFound();
      const body = await deps.actionsCache.get(
        auth.delegationId,
        `organisation:${id}:${year ?? ''}`,
        async () => jsonBody(await withTenant(db, auth, (tx) => actionsOfOrganisation(tx, auth, id, year))),
      );
      return sendJsonBody(request, reply as unknown as FastifyReply, body);
    },
  );
}
