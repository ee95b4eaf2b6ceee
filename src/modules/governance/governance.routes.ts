import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller, SIGNED_IN } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import { todayInFrance } from '../members/members.queries.ts';
import {
  assemblyInputSchema,
  assemblyListSchema,
  assemblyPatchSchema,
  boardAtQuerySchema,
  boardMandateSchema,
  boardSchema,
  generalAssemblySchema,
  groupInputSchema,
  groupListSchema,
  groupPatchSchema,
  idParamsSchema,
  mandateInputSchema,
  mandateListSchema,
  mandatePatchSchema,
  mandatesQuerySchema,
  memberGroupSchema,
  staffListSchema,
} from './governance.schemas.ts';
import {
  boardAt,
  createAssembly,
  createMandate,
  listAssemblies,
  listStaff,
  mandateHistory,
  updateAssembly,
  updateMandate,
} from './governance.service.ts';
import { createGroup, deleteGroup, listGroups, updateGroup } from './groups.service.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
const tags = ['governance'];

export async function governanceRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  // The board and the staff are printed in the activity report: every signed-in user sees them.
  r.get(
    '/api/governance/board',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: "Le conseil d'administration à une date",
        tags,
        querystring: boardAtQuerySchema,
        response: { 200: boardSchema },
      },
    },
    async (request) => {
      const at = request.query.at ?? todayInFrance();
      return { at, items: await withTenant(db, caller(request), (tx) => boardAt(tx, at)) };
    },
  );
  r.get(
    '/api/governance/staff',
    {
      config: { access: SIGNED_IN },
      schema: { summary: "L'équipe salariée actuelle", tags, response: { 200: staffListSchema } },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listStaff(tx)),
    }),
  );

  r.get(
    '/api/governance/assemblies',
    {
      config: { access: readers },
      schema: { summary: 'Assemblées générales', tags, response: { 200: assemblyListSchema } },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listAssemblies(tx)),
    }),
  );
  r.post(
    '/api/governance/assemblies',
    {
      config: { access: team },
      schema: {
        summary: 'Enregistre une assemblée générale',
        tags,
        body: assemblyInputSchema,
        response: { 201: generalAssemblySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createAssembly(tx, request.body))),
  );
  r.patch(
    '/api/governance/assemblies/:id',
    {
      config: { access: team, errors: ['governance.assembly_not_found'] },
      schema: {
        summary: 'Corrige une assemblée générale',
        tags,
        params: idParamsSchema,
        body: assemblyPatchSchema,
        response: { 200: generalAssemblySchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateAssembly(tx, request.params.id, request.body)),
  );

  r.get(
    '/api/governance/mandates',
    {
      config: { access: readers },
      schema: {
        summary: "Historique des mandats (d'un adhérent, d'une personne)",
        tags,
        querystring: mandatesQuerySchema,
        response: { 200: mandateListSchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => mandateHistory(tx, request.query)),
    }),
  );
  r.post(
    '/api/governance/mandates',
    {
      config: { access: team, errors: ['validation.failed', 'governance.mandate_overlap'] },
      schema: {
        summary: 'Élit un administrateur (nouveau mandat)',
        tags,
        body: mandateInputSchema,
        response: { 201: boardMandateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createMandate(tx, request.body))),
  );
  r.patch(
    '/api/governance/mandates/:id',
    {
      config: {
        access: team,
        errors: ['governance.mandate_not_found', 'validation.failed', 'governance.mandate_overlap'],
      },
      schema: {
        summary: 'Modifie ou termine un mandat',
        tags,
        params: idParamsSchema,
        body: mandatePatchSchema,
        response: { 200: boardMandateSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateMandate(tx, request.params.id, request.body)),
  );

  r.get(
    '/api/governance/groups',
    {
      config: { access: readers },
      schema: {
        summary: "Groupes d'adhérents (structures porteuses, GES)",
        tags,
        response: { 200: groupListSchema },
      },
    },
    async (request) => ({
      items: await withTenant(db, caller(request), (tx) => listGroups(tx)),
    }),
  );
  r.post(
    '/api/governance/groups',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: "Crée un groupe d'adhérents",
        tags,
        body: groupInputSchema,
        response: { 201: memberGroupSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createGroup(tx, request.body))),
  );
  r.patch(
    '/api/governance/groups/:id',
    {
      config: { access: team, errors: ['governance.group_not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie un groupe d'adhérents",
        tags,
        params: idParamsSchema,
        body: groupPatchSchema,
        response: { 200: memberGroupSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateGroup(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/governance/groups/:id',
    {
      config: { access: team, errors: ['governance.group_not_found'] },
      schema: {
        summary: "Supprime un groupe d'adhérents",
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Groupe supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteGroup(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
