import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { TEAM } from '../../shared/policies.ts';
import { idParamsSchema } from './members.schemas.ts';
import { QUALITY_CHECK_CODES } from './quality.messages.ts';
import { acceptProblem, listQualityProblems, reopenProblem } from './quality.service.ts';

const team = allow(...TEAM);
const tags = ['members'];

const acceptanceSchema = z
  .object({
    id: z.string(),
    reason: z.string(),
    acceptedBy: z.string().nullable(),
    acceptedAt: z.string(),
  })
  .meta({ id: 'QualityAcceptance' });

const problemSchema = z
  .object({
    key: z.string(),
    code: z.enum(QUALITY_CHECK_CODES),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    records: z.array(
      z.object({
        table: z.enum(['organisations', 'establishments', 'conventions', 'board_mandates']),
        id: z.string(),
        organisationId: z.string().nullable(),
        label: z.string(),
      }),
    ),
    field: z.string().optional(),
    value: z.string().optional(),
    suggestion: z.string().optional(),
    suggestions: z.array(z.string()).optional(),
    accepted: acceptanceSchema.nullable(),
  })
  .meta({ id: 'QualityProblem' });

const qualityListSchema = z
  .object({
    problems: z.array(problemSchema),
    counts: z.object({ open: z.number().int(), accepted: z.number().int() }),
  })
  .meta({ id: 'QualityList' });

// The reason is optional in the shape so that a missing one gets the service's 422 with a
// French message on the `reason` field, like every other form of the registry.
const acceptanceCreateSchema = z.strictObject({
  key: z.string().min(1).max(2000),
  reason: z.string().max(2000).optional(),
});

/** The data-quality screen: the registry's problems, and staff accepting or reopening them. */
export async function qualityRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/members/quality',
    {
      config: { access: team },
      schema: { summary: 'Contrôles qualité du registre', tags, response: { 200: qualityListSchema } },
    },
    async (request) => withTenant(db, caller(request), (tx) => listQualityProblems(tx)),
  );

  r.post(
    '/api/members/quality/acceptances',
    {
      config: { access: team, errors: ['quality.problem_not_found', 'validation.failed'] },
      schema: {
        summary: 'Accepte un signalement qualité (ne plus le montrer)',
        tags,
        body: acceptanceCreateSchema,
        response: { 201: acceptanceSchema },
      },
    },
    async (request, reply) => {
      const who = caller(request);
      const accepted = await withTenant(db, who, (tx) => acceptProblem(tx, who.userId, request.body));
      return reply.status(201).send(accepted);
    },
  );

  r.delete(
    '/api/members/quality/acceptances/:id',
    {
      config: { access: team, errors: ['quality.acceptance_not_found'] },
      schema: {
        summary: "Annule l'acceptation d'un signalement",
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Acceptation annulée') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => reopenProblem(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
