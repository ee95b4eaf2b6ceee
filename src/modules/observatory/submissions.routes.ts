import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import {
  correctionSchema,
  formCreateSchema,
  formParamsSchema,
  idParamsSchema,
  observatoryFormListSchema,
  observatoryFormSchema,
  observatoryHistorySchema,
  organisationQuerySchema,
  submitSchema,
  valuesInputSchema,
} from './observatory.schemas.ts';
import { createForm, getForm, getFormByType, listForms, saveValues } from './submissions.service.ts';
import {
  reopenForm,
  requestCorrection,
  submissionHistory,
  submitForm,
  validateForm,
} from './submissions.workflow.ts';

const tags = ['observatory'];
const team = allow(...TEAM);
const everyone = allow(...READERS, 'member');
// Those who fill forms: members for their own organisation, staff on a member's behalf.
const answerers = allow(...TEAM, 'member');
/** Why an answer may not be changed by this caller (submissions.access.ts, editRefusal). */
const locked: ErrorCode[] = [
  'record.not_found',
  'observatory.campaign_not_open',
  'observatory.submission_validated',
  'observatory.submission_locked',
];
const review: ErrorCode[] = ['record.not_found', 'observatory.wrong_status'];

/** The forms of a campaign: figures, submission and review. */
export async function submissionsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/observatory/campaigns/:id/forms',
    {
      config: { access: everyone, errors: ['record.not_found', 'observatory.organisation_required'] },
      schema: {
        summary: "Formulaires d'une campagne (celui de sa structure pour un adhérent)",
        tags,
        params: idParamsSchema,
        querystring: organisationQuerySchema,
        response: { 200: observatoryFormListSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        listForms(tx, caller(request), request.params.id, request.query.organisationId),
      ),
  );

  r.get(
    '/api/observatory/campaigns/:id/forms/:conventionType',
    {
      config: {
        access: everyone,
        errors: ['record.not_found', 'observatory.organisation_required', 'observatory.no_such_form'],
      },
      schema: {
        summary: "Le formulaire d'une structure pour un type de conventionnement",
        tags,
        params: formParamsSchema,
        querystring: organisationQuerySchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) => {
      const { id, conventionType } = request.params;
      return withTenant(db, caller(request), (tx) =>
        getFormByType(tx, caller(request), id, conventionType, request.query.organisationId),
      );
    },
  );

  r.post(
    '/api/observatory/campaigns/:id/forms',
    {
      config: {
        access: answerers,
        errors: [...locked, 'observatory.organisation_required', 'observatory.no_such_form'],
      },
      schema: {
        summary: "Ouvre le formulaire d'une structure pour un type de conventionnement",
        tags,
        params: idParamsSchema,
        body: formCreateSchema,
        response: { 200: observatoryFormSchema, 201: observatoryFormSchema },
      },
    },
    async (request, reply) => {
      const { created, detail } = await withTenant(db, caller(request), (tx) =>
        createForm(tx, caller(request), request.params.id, request.body),
      );
      return reply.status(created ? 201 : 200).send(detail);
    },
  );

  r.get(
    '/api/observatory/submissions/:id',
    {
      config: { access: everyone, errors: ['record.not_found'] },
      schema: {
        summary: "Une réponse à l'observatoire, ses valeurs et ses alertes",
        tags,
        params: idParamsSchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => getForm(tx, caller(request), request.params.id)),
  );

  r.put(
    '/api/observatory/submissions/:id/values',
    {
      config: { access: answerers, errors: locked },
      schema: {
        summary: "Enregistre les valeurs d'une réponse (brouillon)",
        tags,
        params: idParamsSchema,
        body: valuesInputSchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        saveValues(tx, caller(request), request.params.id, request.body.values),
      ),
  );

  r.post(
    '/api/observatory/submissions/:id/submit',
    {
      config: {
        access: answerers,
        errors: [
          ...locked,
          'observatory.wrong_status',
          'observatory.submission_invalid',
          'observatory.warnings_unconfirmed',
        ],
      },
      schema: {
        summary: "Transmet une réponse à l'équipe",
        tags,
        params: idParamsSchema,
        body: submitSchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        submitForm(tx, caller(request), request.params.id, request.body.confirmWarnings),
      ),
  );

  r.post(
    '/api/observatory/submissions/:id/request-correction',
    {
      config: { access: team, errors: review },
      schema: {
        summary: 'Demande une correction sur une réponse transmise',
        tags,
        params: idParamsSchema,
        body: correctionSchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        requestCorrection(tx, caller(request), request.params.id, request.body.comment),
      ),
  );

  r.post(
    '/api/observatory/submissions/:id/validate',
    {
      config: { access: team, errors: review },
      schema: {
        summary: 'Valide une réponse transmise',
        tags,
        params: idParamsSchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => validateForm(tx, caller(request), request.params.id)),
  );

  r.post(
    '/api/observatory/submissions/:id/reopen',
    {
      config: { access: team, errors: review },
      schema: {
        summary: 'Rouvre une réponse validée',
        tags,
        params: idParamsSchema,
        response: { 200: observatoryFormSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => reopenForm(tx, caller(request), request.params.id)),
  );

  r.get(
    '/api/observatory/submissions/:id/history',
    {
      config: { access: everyone, errors: ['record.not_found'] },
      schema: {
        summary: "Historique d'une réponse (statuts et valeurs)",
        tags,
        params: idParamsSchema,
        response: { 200: observatoryHistorySchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) =>
        submissionHistory(tx, caller(request), request.params.id),
      ),
    }),
  );
}
