import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { XLSX_TYPE, xlsxFile } from '../../server/openapi.files.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import {
  createCohort,
  deleteCohort,
  listCohorts,
  setCohortMembers,
  setCohortSessions,
  updateCohort,
} from './cohorts.service.ts';
import { toXlsx } from './quality-approaches.export.ts';
import { cohortColumns } from './quality-approaches.lists.ts';
import {
  cohortInputSchema,
  cohortMembersSchema,
  cohortSessionsSchema,
  idParams,
  qualityCohortListSchema,
  qualityCohortSchema,
  qualityCohortWithPartsSchema,
} from './quality-approaches.schemas.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
const cohortErrors = ['qualityApproaches.cohort_not_found', 'validation.failed'] as const;
const tags = ['quality-approaches'];
const base = '/api/quality-approaches/cohorts';

export async function cohortsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    base,
    {
      config: { access: readers },
      schema: {
        summary: 'Groupes (cohortes) de la démarche qualité',
        tags,
        response: { 200: qualityCohortListSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => listCohorts(tx)),
  );
  r.get(
    `${base}.xlsx`,
    {
      config: { access: readers },
      schema: { summary: 'Exporte les groupes (XLSX)', tags, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      const items = await withTenant(db, caller(request), (tx) => listCohorts(tx));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="groupes.xlsx"')
        .send(await toXlsx('Groupes', cohortColumns, items));
    },
  );
  r.post(
    base,
    {
      config: { access: team },
      schema: {
        summary: 'Crée un groupe',
        tags,
        body: cohortInputSchema,
        response: { 201: qualityCohortSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createCohort(tx, request.body))),
  );
  r.put(
    `${base}/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.cohort_not_found'] },
      schema: {
        summary: 'Modifie un groupe',
        tags,
        params: idParams,
        body: cohortInputSchema,
        response: { 200: qualityCohortSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateCohort(tx, request.params.id, request.body)),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: team, errors: ['qualityApproaches.cohort_not_found'] },
      schema: {
        summary: 'Supprime un groupe',
        tags,
        params: idParams,
        response: { 204: z.null().describe('Supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteCohort(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
  r.put(
    `${base}/:id/members`,
    {
      config: { access: team, errors: cohortErrors },
      schema: {
        summary: "Fixe les structures d'un groupe",
        tags,
        params: idParams,
        body: cohortMembersSchema,
        response: { 200: qualityCohortWithPartsSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        setCohortMembers(tx, request.params.id, request.body.organisationIds),
      ),
  );
  r.put(
    `${base}/:id/sessions`,
    {
      config: { access: team, errors: cohortErrors },
      schema: {
        summary: "Fixe les sessions d'un groupe",
        tags,
        params: idParams,
        body: cohortSessionsSchema,
        response: { 200: qualityCohortWithPartsSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        setCohortSessions(tx, request.params.id, request.body.actionIds),
      ),
  );
}
