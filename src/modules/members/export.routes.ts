import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller, PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { csvFile } from '../../server/openapi.ts';
import { READERS } from '../../shared/policies.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { dataInclusionStructureSchema, dataInclusionStructures } from './data-inclusion.ts';
import { exportQuerySchema, exportRows, toCsv, toXlsx } from './export.service.ts';
import { todayInFrance } from './members.queries.ts';

/**
 * Exports of the registry: the back-office list as CSV and XLSX files (the list's own
 * filters, every page), and the public data·inclusion feed of current members.
 */
export async function exportRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const cache = deps.registryCache;
  const readers = allow(...READERS);
  const attachment = (extension: string) =>
    `attachment; filename="adherents-${todayInFrance()}.${extension}"`;

  r.get(
    '/api/members/organisations/export.csv',
    {
      config: { access: readers },
      schema: {
        summary: 'Export du registre (CSV)',
        tags: ['members'],
        querystring: exportQuerySchema,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const rows = await withTenant(db, caller(request), (tx) => exportRows(tx, request.query));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment('csv'))
        .header('cache-control', 'no-store')
        .send(toCsv(rows));
    },
  );

  r.get(
    '/api/members/organisations/export.xlsx',
    {
      config: { access: readers, errors: ['render.busy'], render: true },
      schema: {
        summary: 'Export du registre (XLSX)',
        tags: ['members'],
        querystring: exportQuerySchema,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const rows = await withTenant(db, caller(request), (tx) => exportRows(tx, request.query));
      const file = await toXlsx(rows);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  r.get(
    '/api/public/data-inclusion/structures',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Structures au format data·inclusion (ouvert)',
        tags: ['public'],
        querystring: z.object({ delegation: z.string().max(100).optional() }),
        response: { 200: z.array(dataInclusionStructureSchema) },
      },
    },
    async (request) => {
      const slug = request.query.delegation;
      const delegation = await cache.get('*', slug ?? '', () =>
        resolvePublicDelegation(db, slug, deps.config.DEFAULT_DELEGATION),
      );
      // Membership depends on the day: the date is part of the key.
      const key = JSON.stringify(['data-inclusion', todayInFrance()]);
      return cache.get(delegation.id, key, () =>
        withTenant(db, { delegationId: delegation.id, userId: null }, (tx) => dataInclusionStructures(tx)),
      );
    },
  );
}
