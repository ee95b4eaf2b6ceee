import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { csvFile } from '../../server/openapi.ts';
import {
  callAllResultSchema,
  duesCallInputSchema,
  duesCallSchema,
  duesGridInputSchema,
  duesGridSchema,
  duesPaymentSchema,
  duesYearSchema,
  yearSchema,
} from './dues.schemas.ts';
import {
  callAllDues,
  callDues,
  duesOfYear,
  getGrid,
  putGrid,
  recordPayment,
  unpaidCsv,
} from './dues.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
const tags = ['dues'];

export async function duesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/dues/grids/:year',
    {
      config: { access: readers, errors: ['dues.no_grid'] },
      schema: {
        summary: "Grille de cotisation d'une année",
        tags,
        params: z.object({ year: yearSchema }),
        response: { 200: duesGridSchema },
      },
    },
    async (request) => {
      const grid = await withTenant(db, caller(request), (tx) => getGrid(tx, request.params.year));
      if (!grid) throw new AppError('dues.no_grid');
      return grid;
    },
  );

  r.put(
    '/api/dues/grids/:year',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: "Définit la grille de cotisation d'une année",
        tags,
        params: z.object({ year: yearSchema }),
        body: duesGridInputSchema,
        response: { 200: duesGridSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => putGrid(tx, request.params.year, request.body)),
  );

  r.get(
    '/api/dues',
    {
      config: { access: readers },
      schema: {
        summary: "Cotisations d'une année : chaque adhérent, son appel, les totaux",
        tags,
        querystring: z.object({ year: yearSchema }),
        response: { 200: duesYearSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => duesOfYear(tx, request.query.year)),
  );

  r.get(
    '/api/dues/unpaid.csv',
    {
      config: { access: readers },
      schema: {
        summary: "Cotisations non soldées d'une année (CSV pour le trésorier)",
        tags,
        querystring: z.object({ year: yearSchema }),
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const { year } = request.query;
      const dues = await withTenant(db, caller(request), (tx) => duesOfYear(tx, year));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cotisations-impayees-${year}.csv"`)
        .send(unpaidCsv(dues.items));
    },
  );

  r.post(
    '/api/dues/calls',
    {
      config: {
        access: team,
        errors: ['dues.grid_required', 'dues.not_a_member', 'dues.already_called', 'validation.failed'],
      },
      schema: {
        summary: "Appelle la cotisation d'un adhérent",
        tags,
        body: duesCallInputSchema,
        response: { 201: duesCallSchema },
      },
    },
    async (request, reply) => {
      const call = await withTenant(db, caller(request), (tx) => callDues(tx, request.body));
      return reply.status(201).send(call);
    },
  );

  r.post(
    '/api/dues/calls/all',
    {
      config: { access: team, errors: ['dues.grid_required'] },
      schema: {
        summary: "Appelle la cotisation de tous les adhérents de l'année",
        tags,
        body: z.strictObject({ year: yearSchema }),
        response: { 200: callAllResultSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => callAllDues(tx, request.body.year)),
  );

  r.patch(
    '/api/dues/calls/:id',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: 'Enregistre un paiement (ou corrige le montant appelé)',
        tags,
        params: z.object({ id: z.uuid() }),
        body: duesPaymentSchema,
        response: { 200: duesCallSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => recordPayment(tx, request.params.id, request.body)),
  );
}
