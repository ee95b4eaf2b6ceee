import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, ROLES, TEAM } from '../../shared/policies.ts';
import { createMeeting, takeAttendance } from './meetings.service.ts';
import {
  attendanceInputSchema,
  groupInputSchema,
  groupPatchSchema,
  idParamsSchema,
  meetingInputSchema,
  meetingParamsSchema,
  personInputSchema,
  personParamsSchema,
  personPatchSchema,
  practiceGroupListSchema,
  practiceGroupPersonSchema,
  practiceGroupSchema,
  practiceMeetingSchema,
  practiceStatsSchema,
  statsQuerySchema,
} from './practice-groups.schemas.ts';
import {
  addPerson,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  removePerson,
  updateGroup,
  updatePerson,
} from './practice-groups.service.ts';
import { practiceGroupStats } from './stats.service.ts';

const team = allow(...TEAM);
const readers = allow(...READERS);
// Member users read the groups their organisation's people belong to (checked in the service).
const groupReaders = allow(...ROLES);
const tags = ['practice-groups'];

export async function practiceGroupsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/practice-groups',
    {
      config: { access: groupReaders },
      schema: {
        summary: "Groupes d'échange de pratiques",
        tags,
        response: { 200: practiceGroupListSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return { items: await withTenant(db, viewer, (tx) => listGroups(tx, viewer)) };
    },
  );
  r.get(
    '/api/practice-groups/stats',
    {
      config: { access: readers },
      schema: {
        summary: "Rencontres et présences d'une année, par groupe",
        tags,
        querystring: statsQuerySchema,
        response: { 200: practiceStatsSchema },
      },
    },
    async (request) => withTenant(db, caller(request), (tx) => practiceGroupStats(tx, request.query.year)),
  );
  r.post(
    '/api/practice-groups',
    {
      config: { access: team },
      schema: {
        summary: "Crée un groupe d'échange de pratiques",
        tags,
        body: groupInputSchema,
        response: { 201: practiceGroupSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createGroup(tx, request.body))),
  );
  r.get(
    '/api/practice-groups/:id',
    {
      config: { access: groupReaders, errors: ['practice.group_not_found'] },
      schema: {
        summary: 'Un groupe, ses membres et ses rencontres',
        tags,
        params: idParamsSchema,
        response: { 200: practiceGroupSchema },
      },
    },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => getGroup(tx, request.params.id, viewer));
    },
  );
  r.patch(
    '/api/practice-groups/:id',
    {
      config: { access: team, errors: ['practice.group_not_found'] },
      schema: {
        summary: 'Modifie un groupe',
        tags,
        params: idParamsSchema,
        body: groupPatchSchema,
        response: { 200: practiceGroupSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateGroup(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/practice-groups/:id',
    {
      config: { access: team, errors: ['practice.group_not_found', 'practice.group_has_meetings'] },
      schema: {
        summary: "Supprime un groupe qui ne s'est jamais réuni",
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteGroup(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/practice-groups/:id/people',
    {
      config: { access: team, errors: ['practice.group_not_found', 'validation.failed'] },
      schema: {
        summary: 'Ajoute une personne au groupe',
        tags,
        params: idParamsSchema,
        body: personInputSchema,
        response: { 201: practiceGroupPersonSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => addPerson(tx, request.params.id, request.body))),
  );
  r.patch(
    '/api/practice-groups/:id/people/:personId',
    {
      config: { access: team, errors: ['practice.person_not_found', 'validation.failed'] },
      schema: {
        summary: 'Modifie une personne du groupe',
        tags,
        params: personParamsSchema,
        body: personPatchSchema,
        response: { 200: practiceGroupPersonSchema },
      },
    },
    async (request) => {
      const { id, personId } = request.params;
      return withTenant(db, caller(request), (tx) => updatePerson(tx, id, personId, request.body));
    },
  );
  r.delete(
    '/api/practice-groups/:id/people/:personId',
    {
      config: { access: team, errors: ['practice.person_not_found'] },
      schema: {
        summary: 'Retire une personne du groupe',
        tags,
        params: personParamsSchema,
        response: { 204: z.null().describe('Retirée') },
      },
    },
    async (request, reply) => {
      const { id, personId } = request.params;
      await withTenant(db, caller(request), (tx) => removePerson(tx, id, personId));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/practice-groups/:id/meetings',
    {
      config: { access: team, errors: ['practice.group_not_found', 'validation.failed'] },
      schema: {
        summary: 'Ajoute une rencontre au groupe',
        tags,
        params: idParamsSchema,
        body: meetingInputSchema,
        response: { 201: practiceMeetingSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTenant(db, caller(request), (tx) => createMeeting(tx, request.params.id, request.body)),
        ),
  );
  r.put(
    '/api/practice-groups/:id/meetings/:actionId/attendance',
    {
      config: { access: team, errors: ['practice.meeting_not_found', 'validation.failed'] },
      schema: {
        summary: "Fait l'appel d'une rencontre",
        tags,
        params: meetingParamsSchema,
        body: attendanceInputSchema,
        response: { 200: practiceMeetingSchema },
      },
    },
    async (request) => {
      const { id, actionId } = request.params;
      return withTenant(db, caller(request), (tx) => takeAttendance(tx, id, actionId, request.body));
    },
  );
}
