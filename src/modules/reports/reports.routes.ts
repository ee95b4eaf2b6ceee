import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, withTenant } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { ADMINS, READERS, TEAM } from '../../shared/policies.ts';
import { sendDocument } from '../support/document-type.ts';
import { renderReport } from './report.render.ts';
import type { ReportFormat, ReportProgress } from './report.types.ts';
import {
  annualReportSchema,
  type ReportStreamLine,
  reportCompareQuerySchema,
  reportComparisonSchema,
  reportDownloadQuerySchema,
  reportFile,
  reportFreezeSchema,
  reportRenderBodySchema,
  reportStream,
  reportTextsInputSchema,
  reportTextsStateSchema,
  reportYearParamsSchema,
} from './reports.schemas.ts';
import {
  compareReports,
  freezeReport,
  getTexts,
  loadReport,
  putTexts,
  unfreezeReport,
} from './reports.service.ts';

const readers = allow(...READERS);
const team = allow(...TEAM);
const admins = allow(...ADMINS);
const tags = ['reports'];

export async function reportsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/reports/compare',
    {
      config: { access: readers },
      schema: {
        summary: 'Compare les chiffres clés de deux années',
        tags,
        querystring: reportCompareQuerySchema,
        response: { 200: reportComparisonSchema },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const items = await withTenant(db, caller(request), (tx) => compareReports(tx, from, to));
      return { from, to, items };
    },
  );

  r.get(
    '/api/reports/:year',
    {
      config: { access: readers },
      schema: {
        summary: "Rapport d'activité d'une année (figé ou tel que les données le donnent)",
        tags,
        params: reportYearParamsSchema,
        response: { 200: annualReportSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => loadReport(tx, request.params.year)),
  );

  r.get(
    '/api/reports/:year/download',
    {
      config: { access: readers, render: true, errors: ['render.busy'] },
      schema: {
        summary: "Télécharge le rapport d'activité (HTML, PDF, DOCX ou JSON)",
        tags,
        params: reportYearParamsSchema,
        querystring: reportDownloadQuerySchema,
        response: { 200: reportFile },
      },
    },
    async (request, reply) => {
      const file = await generate(db, request, request.params.year, request.query.format);
      return sendDocument(reply, {
        filename: file.filename,
        mediaType: file.contentType,
        sha256: createHash('sha256').update(file.body).digest('hex'),
        content: file.body,
      });
    },
  );

  // Reading, not writing: the board may generate the files it may download.
  r.post(
    '/api/reports/:year/render',
    {
      config: { access: readers, render: true, errors: ['render.busy'] },
      schema: {
        summary: "Génère le rapport d'activité en suivant sa progression",
        tags,
        params: reportYearParamsSchema,
        body: reportRenderBodySchema,
        response: { 200: reportStream },
      },
    },
    async (request, reply) => {
      // Progress travels in the answer itself, one JSON line per step: nothing is kept on
      // this server between requests, so any server behind a load balancer can answer.
      const stream = new PassThrough();
      const line = (value: ReportStreamLine) => stream.write(`${JSON.stringify(value)}\n`);
      const { year } = request.params;
      const { format } = request.body;
      const task = generate(db, request, year, format, (phase, p) =>
        line({ type: 'progress', phase, ...p }),
      ).then(
        (file) =>
          line({
            type: 'done',
            filename: file.filename,
            contentType: file.contentType,
            base64: file.body.toString('base64'),
          }),
        (error: unknown) => {
          if (!(error instanceof AppError)) request.log.error({ err: error }, 'report rendering failed');
          const code = error instanceof AppError ? error.code : 'reports.render_failed';
          line({ type: 'error', code, message: error instanceof AppError ? error.message : message(code) });
        },
      );
      void task.finally(() => stream.end());
      return (
        reply
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .type('application/x-ndjson; charset=utf-8')
          // Each line is checked against the schema above (`line`); the type provider reads the
          // schema as the whole body, which a stream of lines is not.
          .send(stream as never)
      );
    },
  );

  r.get(
    '/api/reports/:year/texts',
    {
      config: { access: readers },
      schema: {
        summary: "Textes du rapport d'activité (mot du président, priorités)",
        tags,
        params: reportYearParamsSchema,
        response: { 200: reportTextsStateSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => getTexts(tx, request.params.year)),
  );

  r.put(
    '/api/reports/:year/texts',
    {
      config: { access: team, errors: ['reports.frozen'] },
      schema: {
        summary: "Enregistre les textes du rapport d'activité",
        tags,
        params: reportYearParamsSchema,
        body: reportTextsInputSchema,
        response: { 200: reportTextsStateSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => putTexts(tx, request.params.year, request.body)),
  );

  r.post(
    '/api/reports/:year/freeze',
    {
      config: { access: team, errors: ['reports.already_frozen'] },
      schema: {
        summary: "Fige le rapport d'activité tel qu'il est",
        tags,
        params: reportYearParamsSchema,
        response: { 201: reportFreezeSchema },
      },
    },
    async (request, reply) => {
      const who = caller(request);
      const report = await withTenant(db, who, (tx) =>
        freezeReport(tx, request.params.year, who.name || who.email),
      );
      return reply.status(201).send({ year: report.year, frozen: report.frozen });
    },
  );

  r.delete(
    '/api/reports/:year/freeze',
    {
      config: { access: admins, errors: ['reports.not_frozen'] },
      schema: {
        summary: "Défige le rapport d'activité (il suit de nouveau les données)",
        tags,
        params: reportYearParamsSchema,
        response: { 204: z.null().describe('Rapport défigé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => unfreezeReport(tx, request.params.year));
      return reply.status(204).send(null);
    },
  );
}

/** Loads the year's report in the caller's delegation, then renders it outside the transaction. */
async function generate(
  db: Db,
  request: FastifyRequest,
  year: number,
  format: ReportFormat,
  onProgress?: (phase: 'data' | 'render', progress: ReportProgress) => void,
) {
  const report = await withTenant(db, caller(request), (tx) =>
    loadReport(tx, year, onProgress && ((p) => onProgress('data', p))),
  );
  return renderReport(report, format, onProgress && ((p) => onProgress('render', p)));
}
