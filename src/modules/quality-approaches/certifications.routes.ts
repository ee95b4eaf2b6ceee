import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { READERS, ROLES, TEAM } from '../../shared/policies.ts';
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
  qualityAuditSchema,
  qualityCertificationDetailSchema,
  qualityCertificationListSchema,
  qualityCertificationRecordSchema,
  qualityCertificationStatsSchema,
  yearQuerySchema,
} from './quality-approaches.schemas.ts';

const team = allow(...TEAM);
// A member user reads its own organisation's certifications (the service narrows it down).
const readers = allow(...ROLES);
const tags = ['quality-approaches'];
const base = '/api/quality-approaches';
const deleted = { 204: z.null().describe('Supprimé') };
/** Kept for the other routes files of the module. */
export const XLSX = XLSX_TYPE;

export async function certificationsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    `${base}/certifications`,
    {
      config: { access: readers },
      schema: {
        summary: 'Certifications et labels qualité (les siens pour un adhérent)',
        tags,
        querystring: certificationsQuerySchema,
        response: { 200: qualityCertificationListSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => listCertifications(tx, viewer, request.query));
    },
  );

  r.get(
    `${base}/certifications.xlsx`,
    {
      config: { access: readers, render: true },
      schema: {
        summary: 'Exporte les certifications (XLSX)',
        tags,
        querystring: certificationsQuerySchema,
        response: { 200: xlsxFile },
      },
    },
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
    {
      config: { access: allow(...READERS) },
      schema: {
        summary: "Renouvellements de certification d'une année : comptés et déclarés",
        tags,
        querystring: yearQuerySchema,
        response: { 200: qualityCertificationStatsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => certificationStats(tx, request.query.year)),
  );

  r.get(
    `${base}/certifications/:id`,
    {
      config: { access: readers, errors: ['qualityApproaches.certification_not_found'] },
      schema: {
        summary: 'Une certification et ses audits',
        tags,
        params: idParams,
        response: { 200: qualityCertificationDetailSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => getCertification(tx, viewer, request.params.id));
    },
  );

  r.post(
    `${base}/certifications`,
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: 'Enregistre une certification',
        tags,
        body: certificationInputSchema,
        response: { 201: qualityCertificationRecordSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => createCertification(tx, request.body))),
  );

  r.put(
    `${base}/certifications/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.certification_not_found', 'validation.failed'] },
      schema: {
        summary: 'Modifie une certification',
        tags,
        params: idParams,
        body: certificationInputSchema,
        response: { 200: qualityCertificationRecordSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateCertification(tx, request.params.id, request.body)),
  );

  r.delete(
    `${base}/certifications/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.certification_not_found'] },
      schema: { summary: 'Supprime une certification', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteCertification(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.post(
    `${base}/certifications/:id/audits`,
    {
      config: { access: team, errors: ['qualityApproaches.certification_not_found'] },
      schema: {
        summary: 'Ajoute un audit à une certification',
        tags,
        params: idParams,
        body: auditInputSchema,
        response: { 201: qualityAuditSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => addAudit(tx, request.params.id, request.body))),
  );

  r.put(
    `${base}/audits/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.audit_not_found'] },
      schema: {
        summary: 'Modifie un audit',
        tags,
        params: idParams,
        body: auditInputSchema,
        response: { 200: qualityAuditSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateAudit(tx, request.params.id, request.body)),
  );

  r.delete(
    `${base}/audits/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.audit_not_found'] },
      schema: { summary: 'Supprime un audit', tags, params: idParams, response: deleted },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteAudit(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
