import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import { trainingTotals } from './totals.service.ts';
import {
  idParamsSchema,
  listQuerySchema,
  sessionInputSchema,
  sessionPatchSchema,
  totalsQuerySchema,
  traineeInputSchema,
  traineeParamsSchema,
  trainingSessionListSchema,
  trainingSessionRecordSchema,
  trainingTotalsSchema,
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

const team = allow(...TEAM);
const readers = allow(...READERS);
const tags = ['trainings'];

export async function trainingsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/trainings',
    {
      config: { access: readers },
      schema: {
        summary: "Sessions de formation (d'une année, ou toutes)",
        tags,
        querystring: listQuerySchema,
        response: { 200: trainingSessionListSchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listSessions(tx, request.query.year)),
    }),
  );
  r.get(
    '/api/trainings/totals',
    {
      config: { access: readers },
      schema: {
        summary: "Totaux de formation d'une année : comptés et déclarés",
        tags,
        querystring: totalsQuerySchema,
        response: { 200: trainingTotalsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => trainingTotals(tx, request.query.year)),
  );
  r.post(
    '/api/trainings',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: 'Crée une session de formation',
        tags,
        body: sessionInputSchema,
        response: { 201: trainingSessionRecordSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createSession(tx, request.body))),
  );
  r.get(
    '/api/trainings/:id',
    {
      config: { access: readers, errors: ['trainings.session_not_found'] },
      schema: {
        summary: 'Une session de formation et ses stagiaires',
        tags,
        params: idParamsSchema,
        response: { 200: trainingSessionRecordSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => getSession(tx, request.params.id)),
  );
  r.patch(
    '/api/trainings/:id',
    {
      config: { access: team, errors: ['trainings.session_not_found', 'validation.failed'] },
      schema: {
        summary: 'Modifie une session de formation',
        tags,
        params: idParamsSchema,
        body: sessionPatchSchema,
        response: { 200: trainingSessionRecordSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateSession(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/trainings/:id',
    {
      config: { access: team, errors: ['trainings.session_not_found'] },
      schema: {
        summary: 'Supprime une session de formation',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Supprimée') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteSession(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/trainings/:id/trainees',
    {
      config: { access: team, errors: ['trainings.session_not_found', 'validation.failed'] },
      schema: {
        summary: 'Ajoute un stagiaire à une session',
        tags,
        params: idParamsSchema,
        body: traineeInputSchema,
        response: { 201: trainingSessionRecordSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => addTrainee(tx, request.params.id, request.body))),
  );
  r.delete(
    '/api/trainings/:id/trainees/:traineeId',
    {
      config: { access: team, errors: ['trainings.trainee_not_found'] },
      schema: {
        summary: "Retire un stagiaire d'une session",
        tags,
        params: traineeParamsSchema,
        response: { 204: z.null().describe('Retiré') },
      },
    },
    async (request, reply) => {
      const { id, traineeId } = request.params;
      await withTenant(db, caller(request), (tx) => removeTrainee(tx, id, traineeId));
      return reply.status(204).send(null);
    },
  );
}
