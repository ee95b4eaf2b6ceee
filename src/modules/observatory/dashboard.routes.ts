import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { jsonBody, sendJsonBody } from '../../server/json-body.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { csvFile } from '../../server/openapi.ts';
import { READERS } from '../../shared/policies.ts';
import { dashboardOptions } from './dashboard.options.ts';
import { peerPosition } from './dashboard.position.ts';
import {
  dashboardOptionsSchema,
  dashboardQuerySchema,
  dashboardSchema,
  exportQuerySchema,
  positionParamsSchema,
  positionQuerySchema,
  positionSchema,
} from './dashboard.schemas.ts';
import { dashboard } from './dashboard.service.ts';
import { exportData, exportFileName, toCsv, toXlsx } from './observatory.export.ts';

const readers = allow(...READERS);
// A member reads its own organisation's position only (checked by the service).
const positionReaders = allow(...READERS, 'member');
const tags = ['observatory-dashboard'];

/** The observatory's dashboards, peer position and exports (read-only). */
export async function observatoryDashboardRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/observatory/dashboard',
    {
      config: { access: readers },
      schema: {
        summary: "Tableau de bord de l'observatoire : séries des indicateurs choisis",
        tags,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      // The same for every reader of the delegation; kept until its answers change.
      const key = JSON.stringify(Object.entries(request.query).sort(([a], [b]) => a.localeCompare(b)));
      const body = await deps.observatoryCache.get(auth.delegationId, key, async () =>
        jsonBody(await withTenant(db, auth, (tx) => dashboard(tx, request.query))),
      );
      // Already serialised (the schema above documents its shape): sent as stored.
      return sendJsonBody(request, reply as unknown as FastifyReply, body);
    },
  );

  r.get(
    '/api/observatory/dashboard/options',
    {
      config: { access: readers },
      schema: {
        summary: 'Indicateurs, années, types et départements proposés par le tableau de bord',
        tags,
        response: { 200: dashboardOptionsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => dashboardOptions(tx)),
  );

  r.get(
    '/api/observatory/position/:organisationId',
    {
      config: { access: positionReaders, errors: ['observatory.position.own_only', 'record.not_found'] },
      schema: {
        summary: "Position d'une structure parmi ses pairs (quartiles)",
        tags,
        params: positionParamsSchema,
        querystring: positionQuerySchema,
        response: { 200: positionSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) =>
        peerPosition(tx, viewer, request.params.organisationId, request.query),
      );
    },
  );

  r.get(
    '/api/observatory/export.csv',
    {
      config: { access: readers },
      schema: {
        summary: "Export des réponses de l'observatoire (CSV)",
        tags,
        querystring: exportQuerySchema,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const { rows } = await withTenant(db, caller(request), (tx) => exportData(tx, request.query));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(request.query, 'csv')}"`)
        .header('cache-control', 'no-store')
        .send(toCsv(rows));
    },
  );

  r.get(
    '/api/observatory/export.xlsx',
    {
      config: { access: readers, render: true, errors: ['render.busy'] },
      schema: {
        summary: "Export des réponses et agrégats de l'observatoire (XLSX)",
        tags,
        querystring: exportQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const { rows, declared } = await withTenant(db, caller(request), (tx) => exportData(tx, request.query));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${exportFileName(request.query, 'xlsx')}"`)
        .header('cache-control', 'no-store')
        .send(await toXlsx(rows, declared));
    },
  );
}
