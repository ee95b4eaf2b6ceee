import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, federationCaller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { newDelegationSchema } from '../delegations/delegations.schemas.ts';
import { sendDocument } from '../support/document-type.ts';
import {
  federationCreatedSchema,
  federationDelegationsSchema,
  federationDirectoryQuerySchema,
  federationDirectorySchema,
  federationObservatoryQuerySchema,
  federationObservatorySchema,
  federationReportDownloadQuerySchema,
  federationReportParamsSchema,
  federationReportSchema,
  federationYearQuerySchema,
} from './federation.schemas.ts';
import {
  createDelegation,
  delegationFigures,
  nationalDirectory,
  nationalObservatory,
  nationalReport,
  nationalReportFile,
  nationalReportSummary,
} from './federation.service.ts';

const federation = allow('federation');
const tags = ['federation'];

/** Last year's figures by default: the year an activity report is written about. */
const defaultYear = () => new Date().getFullYear() - 1;

/**
 * The national team's routes (decision 020): the delegations and their key figures, a new
 * delegation with its administrator's invitation, and the national directory, observatory
 * and report. Reads go through `withFederation` (federation.service.ts).
 */
export async function federationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/federation/delegations',
    {
      config: { access: federation },
      schema: {
        summary: 'Les délégations et leurs chiffres clés de l’année',
        tags,
        querystring: federationYearQuerySchema,
        response: { 200: federationDelegationsSchema },
      },
    },
    async (request) => {
      const year = request.query.year ?? defaultYear();
      return { year, items: await delegationFigures(db, federationCaller(request), year) };
    },
  );

  r.post(
    '/api/federation/delegations',
    {
      config: { access: federation, errors: ['validation.failed'] },
      schema: {
        summary: 'Crée une délégation et invite son premier administrateur',
        tags,
        body: newDelegationSchema,
        response: { 201: federationCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await createDelegation(
        db,
        { mailer: deps.mailer, baseUrl: deps.config.baseUrl },
        federationCaller(request),
        request.body,
      );
      // The link is the invitee's credential: it travels by e-mail only, never back to the inviter.
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/federation/directory',
    {
      config: { access: federation, errors: ['federation.delegation_not_found'] },
      schema: {
        summary: 'L’annuaire national : les adhérents publiés de chaque délégation',
        tags,
        querystring: federationDirectoryQuerySchema,
        response: { 200: federationDirectorySchema },
      },
    },
    async (request) => nationalDirectory(db, federationCaller(request), request.query),
  );

  r.get(
    '/api/federation/observatory',
    {
      config: { access: federation, errors: ['federation.range_invalid', 'federation.unknown_indicator'] },
      schema: {
        summary: 'L’observatoire national : les indicateurs additionnés sur les délégations',
        tags,
        querystring: federationObservatoryQuerySchema,
        response: { 200: federationObservatorySchema },
      },
    },
    async (request) => nationalObservatory(db, federationCaller(request), request.query),
  );

  r.get(
    '/api/federation/reports/:year',
    {
      config: { access: federation },
      schema: {
        summary: 'Le rapport d’activité national de l’année (synthèse)',
        tags,
        params: federationReportParamsSchema,
        response: { 200: federationReportSchema },
      },
    },
    async (request) =>
      nationalReportSummary(await nationalReport(db, federationCaller(request), request.params.year)),
  );

  r.get(
    '/api/federation/reports/:year/download',
    {
      config: { access: federation, render: true },
      schema: {
        summary: 'Le rapport d’activité national en fichier (HTML, PDF, DOCX ou JSON)',
        tags,
        params: federationReportParamsSchema,
        querystring: federationReportDownloadQuerySchema,
        response: { 200: z.string().describe('Le fichier du rapport') },
      },
    },
    async (request, reply) => {
      const file = await nationalReportFile(
        db,
        federationCaller(request),
        request.params.year,
        request.query.format,
      );
      return sendDocument(reply, {
        filename: file.filename,
        mediaType: file.contentType,
        sha256: createHash('sha256').update(file.body).digest('hex'),
        content: file.body,
      });
    },
  );
}
