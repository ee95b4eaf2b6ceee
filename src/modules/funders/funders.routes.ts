import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { fundersXlsx } from './funders.export.ts';
import {
  funderInputSchema,
  funderListQuerySchema,
  funderPatchSchema,
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

const team = allow('admin', 'staff');
// The guide is for members too: every role reads it and may search it for a project.
const readers = allow('admin', 'staff', 'board', 'member');
const tags = ['funders'];
const params = z.object({ id: z.uuid() });

export async function fundersRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/funders',
    { config: { access: readers }, schema: { tags, querystring: funderListQuerySchema } },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listFunders(tx, request.query)),
    }),
  );

  r.get(
    '/api/funders/export.xlsx',
    { config: { access: readers, render: true }, schema: { tags, querystring: funderListQuerySchema } },
    async (request, reply) => {
      const items = await withTenant(db, caller(request), (tx) => listFunders(tx, request.query));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="guide-des-financeurs.xlsx"')
        .send(await fundersXlsx(items));
    },
  );

  r.get('/api/funders/stats', { config: { access: readers }, schema: { tags } }, async (request) => ({
    total: await withTenant(db, caller(request), (tx) => fundersInGuide(tx)),
  }));

  r.post(
    '/api/funders/match',
    { config: { access: readers }, schema: { tags, body: matchInputSchema } },
    async (request) => {
      const who = caller(request);
      return withTenant(db, who, (tx) => matchFunders(tx, request.body, who));
    },
  );

  r.get('/api/funders/:id', { config: { access: readers }, schema: { tags, params } }, async (request) =>
    withTenant(db, caller(request), (tx) => getFunder(tx, request.params.id)),
  );

  r.post(
    '/api/funders',
    { config: { access: team }, schema: { tags, body: funderInputSchema } },
    async (request, reply) => {
      const funder = await withTenant(db, caller(request), (tx) => createFunder(tx, request.body));
      return reply.status(201).send(funder);
    },
  );

  r.patch(
    '/api/funders/:id',
    { config: { access: team }, schema: { tags, params, body: funderPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateFunder(tx, request.params.id, request.body)),
  );

  r.delete(
    '/api/funders/:id',
    { config: { access: team }, schema: { tags, params } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteFunder(tx, request.params.id));
      return reply.status(204).send();
    },
  );
}
