import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { jsonBody, sendJsonBody } from '../../server/json-body.ts';
import { READERS } from '../../shared/policies.ts';
import { dashboardOptions } from './dashboard.options.ts';
import { peerPosition } from './dashboard.position.ts';
import {
  dashboardQuerySchema,
  exportQuerySchema,
  positionParamsSchema,
  positionQuerySchema,
} from './dashboard.schemas.ts';
import { dashboard } from './dashboard.service.ts';
import { exportData, exportFileName, toCsv, toXlsx } from './observatory.export.ts';

const readers = allow(...READERS);
// A member reads its own organisation's position only (checked by the service).
const positionReaders = allow(...READERS, 'member');
const tags = ['observatory-dashboard'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      // The same for every reader of the delegation; kept until its answers change.
      const key = JSON.stringify(Object.entries(request.query).sort(([a], [b]) => a.localeCompare(b)));
      const body = await deps.observatoryCache.get(auth.delegationId, key, async () =>
        jsonBody(await withTenant(db, auth, (tx) => dashboard(tx, request.query))),
      );
      return sendJsonBody(request, reply, body);
    },
  );

  r.get(
    '/api/observatory/dashboard/options',
    {
      config: { access: readers },
      schema: { summary: 'Indicateurs, années, types et départements proposés par le tableau de bord', tags },
    },
    async (request) => withTenant(db, caller(request), (tx) => dashboardOptions(tx)),
  );

  r.get(
    '/api/observatory/position/:organisationId',
    {
      config: { access: positionReaders },
      schema: {
        summary: "Position d'une structure parmi ses pairs (quartiles)",
        tags,
        params: positionParamsSchema,
        querystring: positionQuerySchema,
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
      config: { access: readers, render: true },
      schema: {
        summary: "Export des réponses et agrégats de l'observatoire (XLSX)",
        tags,
        querystring: exportQuerySchema,
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
