import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import {
  addAudit,
  certificationStats,
  createCertification,
  deleteAudit,
  deleteCertification,
  getCertification,
  listCertifications,
  updateAudit,
  updateCertification,
} from './certifications.service.ts';
import { toXlsx } from './quality-approaches.export.ts';
import { certificationColumns } from './quality-approaches.lists.ts';
import {
  auditInputSchema,
  certificationInputSchema,
  certificationsQuerySchema,
  idParams,
  yearQuerySchema,
} from './quality-approaches.schemas.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board', 'member');
const tags = ['quality-approaches'];
const base = '/api/quality-approaches';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function certificationsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    `${base}/certifications`,
    { config: { access: readers }, schema: { tags, querystring: certificationsQuerySchema } },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => listCertifications(tx, viewer, request.query));
    },
  );

  r.get(
    `${base}/certifications.xlsx`,
    { config: { access: readers, render: true }, schema: { tags, querystring: certificationsQuerySchema } },
    async (request, reply) => {
      const viewer = caller(request);
      const items = await withTenant(db, viewer, (tx) => listCertifications(tx, viewer, request.query));
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="certifications.xlsx"')
        .send(await toXlsx('Certifications', certificationColumns, items));
    },
  );

  r.get(
    `${base}/certifications/stats`,
    { config: { access: allow('admin', 'staff', 'board') }, schema: { tags, querystring: yearQuerySchema } },
    async (request) => withTenant(db, caller(request), (tx) => certificationStats(tx, request.query.year)),
  );

  r.get(
    `${base}/certifications/:id`,
    { config: { access: readers }, schema: { tags, params: idParams } },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => getCertification(tx, viewer, request.params.id));
    },
  );

  r.post(
    `${base}/certifications`,
    { config: { access: team }, schema: { tags, body: certificationInputSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => createCertification(tx, request.body))),
  );

  r.put(
    `${base}/certifications/:id`,
    { config: { access: team }, schema: { tags, params: idParams, body: certificationInputSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateCertification(tx, request.params.id, request.body)),
  );

  r.delete(
    `${base}/certifications/:id`,
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteCertification(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  r.post(
    `${base}/certifications/:id/audits`,
    { config: { access: team }, schema: { tags, params: idParams, body: auditInputSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => addAudit(tx, request.params.id, request.body))),
  );

  r.put(
    `${base}/audits/:id`,
    { config: { access: team }, schema: { tags, params: idParams, body: auditInputSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateAudit(tx, request.params.id, request.body)),
  );

  r.delete(
    `${base}/audits/:id`,
    { config: { access: team }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteAudit(tx, request.params.id));
      return reply.status(204).send();
    },
  );
}
