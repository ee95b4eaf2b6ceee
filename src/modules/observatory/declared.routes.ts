import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import {
  declaredAggregateSchema,
  declaredDeleteQuerySchema,
  declaredInputSchema,
  declaredListQuerySchema,
  declaredListSchema,
  declaredParamsSchema,
} from './declared.schemas.ts';
import { deleteDeclared, listDeclared, putDeclared } from './declared.service.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
const tags = ['observatory-declared'];

/** Published aggregates of years before the system: the team records them, the board reads them. */
export async function observatoryDeclaredRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/observatory/declared',
    {
      config: { access: readers },
      schema: {
        summary: "Agrégats publiés de l'observatoire (années d'avant les réponses)",
        tags,
        querystring: declaredListQuerySchema,
        response: { 200: declaredListSchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listDeclared(tx, request.query)),
    }),
  );

  r.put(
    '/api/observatory/declared/:year/:indicatorCode',
    {
      config: { access: team },
      schema: {
        summary: 'Enregistre un agrégat publié (le crée ou remplace sa valeur)',
        tags,
        params: declaredParamsSchema,
        body: declaredInputSchema,
        response: { 200: declaredAggregateSchema, 201: declaredAggregateSchema },
      },
    },
    async (request, reply) => {
      const { year, indicatorCode } = request.params;
      const saved = await withTenant(db, caller(request), (tx) =>
        putDeclared(tx, year, indicatorCode, request.body),
      );
      return reply.status(saved.created ? 201 : 200).send(saved.aggregate);
    },
  );

  r.delete(
    '/api/observatory/declared/:year/:indicatorCode',
    {
      config: { access: team, errors: ['observatory.declared.not_found'] },
      schema: {
        summary: 'Supprime un agrégat publié',
        tags,
        params: declaredParamsSchema,
        querystring: declaredDeleteQuerySchema,
        response: { 204: z.null().describe('Agrégat supprimé') },
      },
    },
    async (request, reply) => {
      const { year, indicatorCode } = request.params;
      await withTenant(db, caller(request), (tx) =>
        deleteDeclared(tx, year, indicatorCode, request.query.conventionType ?? null),
      );
      return reply.status(204).send(null);
    },
  );
}
