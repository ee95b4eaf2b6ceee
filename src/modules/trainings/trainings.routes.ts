import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { trainingTotals } from './totals.service.ts';
import {
  idParamsSchema,
  listQuerySchema,
  sessionInputSchema,
  sessionPatchSchema,
  totalsQuerySchema,
  traineeInputSchema,
  traineeParamsSchema,
} from './trainings.schemas.ts';
import {
  addTrainee,
  createSession,
  deleteSession,
  getSession,
  listSessions,
  removeTrainee,
  updateSession,
} from './trainings.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
const tags = ['trainings'];

export async function trainingsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/trainings',
    { config: { access: readers }, schema: { tags, querystring: listQuerySchema } },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listSessions(tx, request.query.year)),
    }),
  );
  r.get(
    '/api/trainings/totals',
    { config: { access: readers }, schema: { tags, querystring: totalsQuerySchema } },
    async (request) => withTenant(db, caller(request), (tx) => trainingTotals(tx, request.query.year)),
  );
  r.post(
    '/api/trainings',
    { config: { access: team }, schema: { tags, body: sessionInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createSession(tx, request.body))),
  );
  r.get(
    '/api/trainings/:id',
    { config: { access: readers }, schema: { tags, params: idParamsSchema } },
    async (request) => withTenant(db, caller(request), (tx) => getSession(tx, request.params.id)),
  );
  r.patch(
    '/api/trainings/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: sessionPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateSession(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/trainings/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteSession(tx, request.params.id));
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/trainings/:id/trainees',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: traineeInputSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => addTrainee(tx, request.params.id, request.body))),
  );
  r.delete(
    '/api/trainings/:id/trainees/:traineeId',
    { config: { access: team }, schema: { tags, params: traineeParamsSchema } },
    async (request, reply) => {
      const { id, traineeId } = request.params;
      await withTenant(db, caller(request), (tx) => removeTrainee(tx, id, traineeId));
      return reply.status(204).send();
    },
  );
}
