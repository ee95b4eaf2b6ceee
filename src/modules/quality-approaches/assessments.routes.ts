import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Tx, withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { xlsxFile } from '../../server/openapi.files.ts';
import { ROLES, TEAM } from '../../shared/policies.ts';
import {
  completeAssessment,
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
  organisationProgress,
  updateAssessment,
} from './assessments.service.ts';
import { XLSX } from './certifications.routes.ts';
import { createGrid, deleteGrid, getGrid, listGrids, loadDefaultGrid, updateGrid } from './grids.service.ts';
import {
  createProgressAction,
  deleteProgressAction,
  listProgressActions,
  updateProgressAction,
} from './progress-actions.service.ts';
import { toXlsx } from './quality-approaches.export.ts';
import { assessmentColumns, progressActionColumns } from './quality-approaches.lists.ts';
import {
  assessmentCreateSchema,
  assessmentUpdateSchema,
  gridInputSchema,
  idParams,
  organisationQuerySchema,
  progressActionInputSchema,
  progressActionUpdateSchema,
  qualityAssessmentListSchema,
  qualityAssessmentSchema,
  qualityGridListSchema,
  qualityGridSchema,
  qualityProgressActionListSchema,
  qualityProgressActionRecordSchema,
  qualityProgressSchema,
} from './quality-approaches.schemas.ts';

const team = allow(...TEAM);
const everyone = allow(...ROLES);
// Board reads; it does not fill in members' assessments.
const writers = allow(...TEAM, 'member');
const tags = ['quality-approaches'];
const deleted = { 204: z.null().describe('Supprimé') };
const base = '/api/quality-approaches';

export async function assessmentsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const inTenant = <T>(request: FastifyRequest, fn: (tx: Tx) => Promise<T>) =>
    withTenant(db, caller(request), fn);

  // Grids: every role reads them (members fill them in), staff edit them.
  r.get(
    `${base}/grids`,
    {
      config: { access: everyone },
      schema: { summary: "Grilles d'autodiagnostic", tags, response: { 200: qualityGridListSchema } },
    },
    async (request) => inTenant(request, (tx) => listGrids(tx)),
  );
  r.get(
    `${base}/grids/:id`,
    {
      config: { access: everyone, errors: ['qualityApproaches.grid_not_found'] },
      schema: {
        summary: "Une grille d'autodiagnostic",
        tags,
        params: idParams,
        response: { 200: qualityGridSchema },
      },
    },
    async (request) => inTenant(request, (tx) => getGrid(tx, request.params.id)),
  );
  r.post(
    `${base}/grids`,
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: "Crée une grille d'autodiagnostic",
        tags,
        body: gridInputSchema,
        response: { 201: qualityGridSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inTenant(request, (tx) => createGrid(tx, request.body))),
  );
  r.post(
    `${base}/grids/default`,
    {
      config: { access: team },
      schema: {
        summary: "Charge la grille d'autodiagnostic par défaut",
        tags,
        response: { 201: qualityGridSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await inTenant(request, (tx) => loadDefaultGrid(tx))),
  );
  r.put(
    `${base}/grids/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.grid_not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie une grille d'autodiagnostic",
        response: { 200: qualityGridSchema },
        tags,
        params: idParams,
        body: gridInputSchema,
      },
    },
    async (request) => inTenant(request, (tx) => updateGrid(tx, request.params.id, request.body)),
  );
  r.delete(
    `${base}/grids/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.grid_not_found', 'qualityApproaches.grid_in_use'] },
      schema: { summary: 'Supprime une grille inutilisée', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await inTenant(request, (tx) => deleteGrid(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  // Assessments: a member its own organisation's, staff and board every one.
  r.get(
    `${base}/assessments`,
    {
      config: { access: everyone },
      schema: {
        summary: 'Autodiagnostics (les siens pour un adhérent)',
        tags,
        querystring: organisationQuerySchema,
        response: { 200: qualityAssessmentListSchema },
      },
    },
    async (request) =>
      inTenant(request, (tx) => listAssessments(tx, caller(request), request.query.organisationId)),
  );
  r.get(
    `${base}/assessments.xlsx`,
    {
      config: { access: everyone, render: true },
      schema: {
        summary: 'Exporte les autodiagnostics (XLSX)',
        tags,
        querystring: organisationQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const items = await inTenant(request, (tx) =>
        listAssessments(tx, caller(request), request.query.organisationId),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="auto-evaluations.xlsx"')
        .send(await toXlsx('Auto-évaluations', assessmentColumns(items), items));
    },
  );
  r.get(
    `${base}/assessments/:id`,
    {
      config: { access: everyone, errors: ['qualityApproaches.assessment_not_found'] },
      schema: {
        summary: 'Un autodiagnostic',
        tags,
        params: idParams,
        response: { 200: qualityAssessmentSchema },
      },
    },
    async (request) => inTenant(request, (tx) => getAssessment(tx, caller(request), request.params.id)),
  );
  r.post(
    `${base}/assessments`,
    {
      config: { access: writers, errors: ['validation.failed'] },
      schema: {
        summary: 'Commence un autodiagnostic',
        tags,
        body: assessmentCreateSchema,
        response: { 201: qualityAssessmentSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTenant(request, (tx) => createAssessment(tx, caller(request), request.body))),
  );
  r.patch(
    `${base}/assessments/:id`,
    {
      config: {
        access: writers,
        errors: [
          'qualityApproaches.assessment_not_found',
          'qualityApproaches.assessment_done',
          'validation.failed',
        ],
      },
      schema: {
        summary: "Enregistre les réponses d'un autodiagnostic",
        tags,
        params: idParams,
        body: assessmentUpdateSchema,
        response: { 200: qualityAssessmentSchema },
      },
    },
    async (request) =>
      inTenant(request, (tx) => updateAssessment(tx, caller(request), request.params.id, request.body)),
  );
  r.post(
    `${base}/assessments/:id/complete`,
    {
      config: {
        access: writers,
        errors: [
          'qualityApproaches.assessment_not_found',
          'qualityApproaches.assessment_done',
          'validation.failed',
        ],
      },
      schema: {
        summary: 'Termine un autodiagnostic',
        tags,
        params: idParams,
        response: { 200: qualityAssessmentSchema },
      },
    },
    async (request) => inTenant(request, (tx) => completeAssessment(tx, caller(request), request.params.id)),
  );
  r.delete(
    `${base}/assessments/:id`,
    {
      config: {
        access: writers,
        errors: ['qualityApproaches.assessment_not_found', 'qualityApproaches.assessment_done'],
      },
      schema: { summary: 'Supprime un autodiagnostic en cours', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await inTenant(request, (tx) => deleteAssessment(tx, caller(request), request.params.id));
      return reply.status(204).send(null);
    },
  );
  r.get(
    `${base}/organisations/:id/progress`,
    {
      config: { access: everyone },
      schema: {
        summary: "Progression d'une structure d'un autodiagnostic à l'autre",
        tags,
        params: idParams,
        response: { 200: qualityProgressSchema },
      },
    },
    async (request) =>
      inTenant(request, (tx) => organisationProgress(tx, caller(request), request.params.id)),
  );

  // Progress plan.
  r.get(
    `${base}/progress-actions`,
    {
      config: { access: everyone },
      schema: {
        summary: 'Plan de progrès (le sien pour un adhérent)',
        response: { 200: qualityProgressActionListSchema },
        tags,
        querystring: organisationQuerySchema,
      },
    },
    async (request) =>
      inTenant(request, (tx) => listProgressActions(tx, caller(request), request.query.organisationId)),
  );
  r.get(
    `${base}/progress-actions.xlsx`,
    {
      config: { access: everyone, render: true },
      schema: {
        summary: 'Exporte le plan de progrès (XLSX)',
        tags,
        querystring: organisationQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const items = await inTenant(request, (tx) =>
        listProgressActions(tx, caller(request), request.query.organisationId),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="plan-de-progres.xlsx"')
        .send(await toXlsx('Plan de progrès', progressActionColumns, items));
    },
  );
  r.post(
    `${base}/progress-actions`,
    {
      config: { access: writers, errors: ['validation.failed'] },
      schema: {
        summary: 'Ajoute une action de progrès',
        tags,
        body: progressActionInputSchema,
        response: { 201: qualityProgressActionRecordSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTenant(request, (tx) => createProgressAction(tx, caller(request), request.body))),
  );
  r.patch(
    `${base}/progress-actions/:id`,
    {
      config: {
        access: writers,
        errors: ['qualityApproaches.progress_action_not_found', 'validation.failed'],
      },
      schema: {
        summary: 'Modifie une action de progrès',
        response: { 200: qualityProgressActionRecordSchema },
        tags,
        params: idParams,
        body: progressActionUpdateSchema,
      },
    },
    async (request) =>
      inTenant(request, (tx) => updateProgressAction(tx, caller(request), request.params.id, request.body)),
  );
  r.delete(
    `${base}/progress-actions/:id`,
    {
      config: { access: writers, errors: ['qualityApproaches.progress_action_not_found'] },
      schema: { summary: 'Supprime une action de progrès', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await inTenant(request, (tx) => deleteProgressAction(tx, caller(request), request.params.id));
      return reply.status(204).send(null);
    },
  );
}
