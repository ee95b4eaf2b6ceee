import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import {
  getInterview,
  getTemplate,
  listInterviews,
  loadDefaultTemplate,
  putInterview,
  putTemplate,
} from './interviews.service.ts';
import {
  interviewInputSchema,
  interviewParamsSchema,
  templateInputSchema,
  yearParamsSchema,
  yearQuerySchema,
} from './support.schemas.ts';

const team = allow('admin', 'staff');
const tags = ['support'];

/** The annual member interview: the year's questions (data) and each member's answers. */
export async function interviewsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/support/interview-templates/:year',
    { config: { access: team }, schema: { tags, params: yearParamsSchema } },
    async (request) => {
      const template = await withTenant(db, caller(request), (tx) => getTemplate(tx, request.params.year));
      if (!template) throw new AppError('support.no_template');
      return template;
    },
  );
  r.put(
    '/api/support/interview-templates/:year',
    { config: { access: team }, schema: { tags, params: yearParamsSchema, body: templateInputSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => putTemplate(tx, request.params.year, request.body)),
  );
  r.post(
    '/api/support/interview-templates/:year/default',
    { config: { access: team }, schema: { tags, params: yearParamsSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => loadDefaultTemplate(tx, request.params.year))),
  );

  r.get(
    '/api/support/interviews',
    { config: { access: team }, schema: { tags, querystring: yearQuerySchema } },
    async (request) => withTenant(db, caller(request), (tx) => listInterviews(tx, request.query.year)),
  );
  r.get(
    '/api/support/interviews/:year/:organisationId',
    // Member users read their own organisation's interview once it is done (checked by the service).
    {
      config: { access: allow('admin', 'staff', 'member') },
      schema: { tags, params: interviewParamsSchema },
    },
    async (request) => {
      const { year, organisationId } = request.params;
      return withTenant(db, caller(request), (tx) => getInterview(tx, caller(request), year, organisationId));
    },
  );
  r.put(
    '/api/support/interviews/:year/:organisationId',
    { config: { access: team }, schema: { tags, params: interviewParamsSchema, body: interviewInputSchema } },
    async (request) => {
      const { year, organisationId } = request.params;
      return withTenant(db, caller(request), (tx) =>
        putInterview(tx, caller(request), year, organisationId, request.body),
      );
    },
  );
}
