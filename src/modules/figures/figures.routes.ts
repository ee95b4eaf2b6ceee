import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import {
  declaredFigureInputSchema,
  declaredFigureSchema,
  declaredFiguresSchema,
  figureParamsSchema,
  yearQuerySchema,
} from './figures.schemas.ts';
import {
  checkFigureKey,
  declaredFigures,
  deleteDeclaredFigure,
  putDeclaredFigure,
} from './figures.service.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
const tags = ['figures'];

export async function figuresRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/figures/declared',
    {
      config: { access: readers },
      schema: {
        summary: "Chiffres déclarés d'une année",
        tags,
        querystring: yearQuerySchema,
        response: { 200: declaredFiguresSchema },
      },
    },
    async (request) => {
      const { year } = request.query;
      return { year, items: await withTenant(db, caller(request), (tx) => declaredFigures(tx, year)) };
    },
  );

  r.put(
    '/api/figures/declared/:year/:key',
    {
      config: { access: team },
      schema: {
        summary: 'Enregistre un chiffre déclaré (le crée ou remplace sa valeur)',
        tags,
        params: figureParamsSchema,
        body: declaredFigureInputSchema,
        response: { 200: declaredFigureSchema, 201: declaredFigureSchema },
      },
    },
    async (request, reply) => {
      const { year, key } = request.params;
      checkFigureKey(key);
      const saved = await withTenant(db, caller(request), (tx) =>
        putDeclaredFigure(tx, year, key, request.body),
      );
      return reply.status(saved.created ? 201 : 200).send(saved.figure);
    },
  );

  r.delete(
    '/api/figures/declared/:year/:key',
    {
      config: { access: team, errors: ['figures.not_found'] },
      schema: {
        summary: 'Supprime un chiffre déclaré',
        tags,
        params: figureParamsSchema,
        response: { 204: z.null().describe('Chiffre supprimé') },
      },
    },
    async (request, reply) => {
      const { year, key } = request.params;
      checkFigureKey(key);
      await withTenant(db, caller(request), (tx) => deleteDeclaredFigure(tx, year, key));
      return reply.status(204).send(null);
    },
  );
}
