import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { TEAM } from '../../shared/policies.ts';
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
  interviewRecordSchema,
  interviewTemplateSchema,
  interviewYearSchema,
  templateInputSchema,
  yearParamsSchema,
  yearQuerySchema,
} from './support.schemas.ts';

const team = allow(...TEAM);
const tags = ['support'];

/** The annual member interview: the year's questions (data) and each member's answers. */
export async function interviewsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/support/interview-templates/:year',
    {
      config: { access: team, errors: ['support.no_template'] },
      schema: {
        summary: "Questions de l'entretien annuel d'une année",
        tags,
        params: yearParamsSchema,
        response: { 200: interviewTemplateSchema },
      },
    },
    async (request) => {
      const template = await withTenant(db, caller(request), (tx) => getTemplate(tx, request.params.year));
      if (!template) throw new AppError('support.no_template');
      return template;
    },
  );
  r.put(
    '/api/support/interview-templates/:year',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: "Définit les questions de l'entretien annuel d'une année",
        tags,
        params: yearParamsSchema,
        body: templateInputSchema,
        response: { 200: interviewTemplateSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => putTemplate(tx, request.params.year, request.body)),
  );
  r.post(
    '/api/support/interview-templates/:year/default',
    {
      config: { access: team, errors: ['support.template_exists'] },
      schema: {
        summary: "Reprend les questions par défaut pour l'entretien annuel d'une année",
        tags,
        params: yearParamsSchema,
        response: { 201: interviewTemplateSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => loadDefaultTemplate(tx, request.params.year))),
  );

  r.get(
    '/api/support/interviews',
    {
      config: { access: team },
      schema: {
        summary: "Entretiens annuels d'une année, adhérent par adhérent",
        tags,
        querystring: yearQuerySchema,
        response: { 200: interviewYearSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => listInterviews(tx, request.query.year)),
  );
  r.get(
    '/api/support/interviews/:year/:organisationId',
    // Member users read their own organisation's interview once it is done (checked by the service).
    {
      config: {
        access: allow(...TEAM, 'member'),
        errors: ['record.not_found', 'support.no_template', 'support.interview_not_done'],
      },
      schema: {
        summary: "Entretien annuel d'un adhérent (le sien pour un adhérent, une fois terminé)",
        tags,
        params: interviewParamsSchema,
        response: { 200: interviewRecordSchema },
      },
    },
    async (request) => {
      const { year, organisationId } = request.params;
      return withTenant(db, caller(request), (tx) => getInterview(tx, caller(request), year, organisationId));
    },
  );
  r.put(
    '/api/support/interviews/:year/:organisationId',
    {
      config: { access: team, errors: ['record.not_found', 'support.no_template', 'validation.failed'] },
      schema: {
        summary: "Enregistre l'entretien annuel d'un adhérent (brouillon ou terminé)",
        tags,
        params: interviewParamsSchema,
        body: interviewInputSchema,
        response: { 200: interviewRecordSchema },
      },
    },
    async (request) => {
      const { year, organisationId } = request.params;
      return withTenant(db, caller(request), (tx) =>
        putInterview(tx, caller(request), year, organisationId, request.body),
      );
    },
  );
}
