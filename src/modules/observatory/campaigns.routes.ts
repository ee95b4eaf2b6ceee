import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import { campaignCompleteness, completenessXlsx } from './campaigns.completeness.ts';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './campaigns.service.ts';
import { addIndicator, removeIndicator, updateIndicator } from './indicators.service.ts';
import {
  campaignCreateSchema,
  campaignPatchSchema,
  idParamsSchema,
  indicatorInputSchema,
  indicatorParamsSchema,
  indicatorPatchSchema,
  observatoryCampaignDetailSchema,
  observatoryCampaignListSchema,
  observatoryCampaignSchema,
  observatoryCompletenessSchema,
  observatoryIndicatorSchema,
} from './observatory.schemas.ts';
import { submissionFilesRoutes } from './submissions.files.routes.ts';
import { submissionsRoutes } from './submissions.routes.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
// Member users see the campaigns they answer (never drafts: the service filters).
const everyone = allow(...READERS, 'member');
const tags = ['observatory'];

/** The observatory's yearly campaigns, their catalogue, completeness, and (below) the members' forms. */
export async function observatoryCampaignsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/observatory/campaigns',
    {
      config: { access: everyone },
      schema: {
        summary: "Campagnes de l'observatoire",
        tags,
        response: { 200: observatoryCampaignListSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => listCampaigns(tx, caller(request))),
  );

  r.post(
    '/api/observatory/campaigns',
    {
      config: { access: team, errors: ['validation.failed', 'observatory.year_taken'] },
      schema: {
        summary: "Prépare une campagne de l'observatoire",
        tags,
        body: campaignCreateSchema,
        response: { 201: observatoryCampaignDetailSchema },
      },
    },
    async (request, reply) => {
      const campaign = await withTenant(db, caller(request), (tx) => createCampaign(tx, request.body));
      return reply.status(201).send(campaign);
    },
  );

  r.get(
    '/api/observatory/campaigns/:id',
    {
      config: { access: everyone, errors: ['record.not_found'] },
      schema: {
        summary: "Une campagne, son catalogue d'indicateurs et son avancement",
        tags,
        params: idParamsSchema,
        response: { 200: observatoryCampaignDetailSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => getCampaign(tx, caller(request), request.params.id)),
  );

  r.patch(
    '/api/observatory/campaigns/:id',
    {
      config: {
        access: team,
        errors: [
          'record.not_found',
          'validation.failed',
          'observatory.status_transition',
          'observatory.catalogue_empty',
          'observatory.catalogue_invalid',
        ],
      },
      schema: {
        summary: 'Modifie une campagne (dates, statut)',
        tags,
        params: idParamsSchema,
        body: campaignPatchSchema,
        response: { 200: observatoryCampaignSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        updateCampaign(tx, caller(request), request.params.id, request.body),
      ),
  );

  r.delete(
    '/api/observatory/campaigns/:id',
    {
      config: { access: team, errors: ['record.not_found', 'observatory.campaign_not_draft'] },
      schema: {
        summary: 'Supprime une campagne en préparation',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Campagne supprimée') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteCampaign(tx, caller(request), request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/observatory/campaigns/:id/indicators',
    {
      config: {
        access: team,
        errors: [
          'record.not_found',
          'observatory.catalogue_locked',
          'observatory.code_taken',
          'validation.failed',
        ],
      },
      schema: {
        summary: "Ajoute un indicateur au catalogue d'une campagne",
        tags,
        params: idParamsSchema,
        body: indicatorInputSchema,
        response: { 201: observatoryIndicatorSchema },
      },
    },
    async (request, reply) => {
      const indicator = await withTenant(db, caller(request), (tx) =>
        addIndicator(tx, caller(request), request.params.id, request.body),
      );
      return reply.status(201).send(indicator);
    },
  );

  r.patch(
    '/api/observatory/campaigns/:id/indicators/:indicatorId',
    {
      config: {
        access: team,
        errors: [
          'record.not_found',
          'observatory.catalogue_locked',
          'observatory.code_taken',
          'observatory.code_referenced',
          'validation.failed',
        ],
      },
      schema: {
        summary: "Modifie un indicateur du catalogue d'une campagne",
        tags,
        params: indicatorParamsSchema,
        body: indicatorPatchSchema,
        response: { 200: observatoryIndicatorSchema },
      },
    },
    async (request) => {
      const { id, indicatorId } = request.params;
      return withTenant(db, caller(request), (tx) =>
        updateIndicator(tx, caller(request), id, indicatorId, request.body),
      );
    },
  );

  r.delete(
    '/api/observatory/campaigns/:id/indicators/:indicatorId',
    {
      config: {
        access: team,
        errors: ['record.not_found', 'observatory.catalogue_locked', 'observatory.code_referenced'],
      },
      schema: {
        summary: "Retire un indicateur du catalogue d'une campagne",
        tags,
        params: indicatorParamsSchema,
        response: { 204: z.null().describe('Indicateur retiré') },
      },
    },
    async (request, reply) => {
      const { id, indicatorId } = request.params;
      await withTenant(db, caller(request), (tx) => removeIndicator(tx, caller(request), id, indicatorId));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/observatory/campaigns/:id/completeness',
    {
      config: { access: readers, errors: ['record.not_found'] },
      schema: {
        summary: "Complétude d'une campagne : qui a répondu, qui manque",
        tags,
        params: idParamsSchema,
        response: { 200: observatoryCompletenessSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => campaignCompleteness(tx, caller(request), request.params.id)),
  );

  r.get(
    '/api/observatory/campaigns/:id/completeness.xlsx',
    {
      config: { access: readers, render: true, errors: ['record.not_found', 'render.busy'] },
      schema: {
        summary: "Complétude d'une campagne (XLSX)",
        tags,
        params: idParamsSchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const board = await withTenant(db, caller(request), (tx) =>
        campaignCompleteness(tx, caller(request), request.params.id),
      );
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="observatoire-${board.campaign.year}-completude.xlsx"`,
        )
        .send(await completenessXlsx(board.items));
    },
  );

  await submissionsRoutes(app, deps);
  await submissionFilesRoutes(app, deps);
}
